import { httpHandler } from '#shared/http/middleware.ts';
import { ownCertificate, privateDownload } from '../course-public/me-certificate.ts';
import { type CertificatePdfDeps, pdfDownload } from './deps.ts';

/** `GET /api/me/{token}/certificates/{number}/pdf`: one of the own page's certificates. */
export const volunteerCertificatePdf = (deps: CertificatePdfDeps) =>
  httpHandler(async ({ event }) => {
    const certificate = await ownCertificate(deps, event);
    return pdfDownload(certificate.number, await deps.render(certificate), privateDownload);
  });
