import { routeDispatcher } from '#shared/http/route-dispatch.ts';
import { certificatePdfDeps } from './deps.ts';
import { staffCertificatePdf } from './staff.ts';
import { volunteerCertificatePdf } from './volunteer.ts';

/**
 * The two routes that render a certificate as PDF, in a function of their own: pdf-lib, fontkit and
 * the fonts are three quarters of a bundle that has them (course-public 2,165 kB, of which 1,299 kB
 * PDF), and made the volunteer's offer and own-page links load in 265 ms instead of about 50 ms on
 * a cold start (`npx tsx bench/run.ts --only=bundles`). Both routes only read.
 */
const deps = certificatePdfDeps();

export const handler = routeDispatcher({
  'GET /api/admin/certificates/{number}/pdf': staffCertificatePdf(deps),
  'GET /api/me/{token}/certificates/{number}/pdf': volunteerCertificatePdf(deps),
});
