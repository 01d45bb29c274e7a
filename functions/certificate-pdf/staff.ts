import { certificatePath, parseParams } from '#shared/course-admin-http.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { inScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { type CertificatePdfDeps, pdfDownload } from './deps.ts';

/** `GET /api/admin/certificates/{number}/pdf`: the console's download, the same PDF the volunteer gets. */
export const staffCertificatePdf = (deps: CertificatePdfDeps) =>
  httpHandler(async ({ event }) => {
    const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
    const { number } = parseParams(certificatePath, event.pathParameters);
    const certificate = await deps.courses.getCertificate(number);
    if (!certificate || !inScope(scope, certificate.formSlug))
      throw new NotFoundError('There is no certificate with this number.');
    return pdfDownload(number, await deps.render(certificate));
  });
