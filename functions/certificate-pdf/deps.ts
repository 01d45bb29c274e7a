import { dynamoCourseReader } from '#shared/adapters/course-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { dynamoSettingsReader } from '#shared/adapters/settings-store.ts';
import { dynamoStaffReader } from '#shared/adapters/staff-store.ts';
import { renderCertificatePdf } from '#shared/certificates/pdf.ts';
import { parseConfig } from '#shared/config.ts';
import type { Certificate } from '#shared/domain/course-model.ts';
import { site, tableName } from '#shared/env.ts';
import { organisationSettings } from '#shared/mail/branding.ts';

/**
 * What both PDF routes need, read-only, once per cold start: the course reader (certificates, and
 * participants by their page link), staff for the console's route, and the renderer with the
 * organisation's current name and logo (rendered on demand, so a certificate always shows them).
 */
export function certificatePdfDeps() {
  const config = parseConfig({ ...tableName, ...site });
  const client = documentClient();
  const table = config.TABLE_NAME;
  const settings = organisationSettings(client, table, config.ORGANISATION_NAME);
  const logos = dynamoSettingsReader(client, table);
  const publicBaseUrl = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  return {
    courses: dynamoCourseReader(client, table),
    staff: dynamoStaffReader(client, table),
    async render(certificate: Certificate): Promise<Uint8Array> {
      const [{ name }, logo] = await Promise.all([settings(), logos.getLogo()]);
      return renderCertificatePdf({
        certificate,
        // pdf.ts embeds PNG and JPEG; another logo type leaves the name alone on the page.
        organisation: {
          name,
          ...(logo ? { logo: { bytes: new Uint8Array(logo.data), contentType: logo.contentType } } : {}),
        },
        verifyUrl: `${publicBaseUrl}/verify/${certificate.number}`,
        locale: certificate.locale,
      });
    },
  };
}

export type CertificatePdfDeps = ReturnType<typeof certificatePdfDeps>;

/** The PDF as API Gateway's answer: a download that no cache keeps. */
export const pdfDownload = (number: string, pdf: Uint8Array, headers: Record<string, string> = {}) => ({
  statusCode: 200,
  headers: {
    ...headers,
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${number}.pdf"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  },
  body: Buffer.from(pdf).toString('base64'),
  isBase64Encoded: true,
});
