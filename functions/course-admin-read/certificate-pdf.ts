import { renderCertificatePdf } from '#shared/certificates/pdf.ts';
import { courseAdminReader } from '#shared/course-admin-deps.ts';
import { certificatePath, parseParams } from '#shared/course-admin-http.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { inScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler } from '#shared/http/middleware.ts';

/** A certificate as PDF, rendered from the stored record (the same the volunteer downloads). */
export const handler = httpHandler(async ({ event }) => {
  const deps = courseAdminReader();
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { number } = parseParams(certificatePath, event.pathParameters);
  const certificate = await deps.courses.getCertificate(number);
  if (!certificate || !inScope(scope, certificate.formSlug))
    throw new NotFoundError('There is no certificate with this number.');
  const { name, logo } = await deps.organisation();
  const pdf = await renderCertificatePdf({
    certificate,
    organisation: { name, ...(logo ? { logo: { bytes: logo.data, contentType: logo.contentType } } : {}) },
    verifyUrl: `${deps.config.PUBLIC_BASE_URL}/verify/${number}`,
    locale: certificate.locale,
  });
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${number}.pdf"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: Buffer.from(pdf).toString('base64'),
    isBase64Encoded: true,
  };
});
