import { routeDispatcher } from '#shared/http/route-dispatch.ts';
import { certificatePdfDeps } from './deps.ts';
import { staffCertificatePdf } from './staff.ts';
import { volunteerCertificatePdf } from './volunteer.ts';

/**
 * The two routes that render a certificate as PDF, in a function of their own: pdf-lib, fontkit and
 * the fonts were 1.3 MB of every bundle with such a route. Moving them here took course-public (the
 * volunteer's offer and own-page links) from 2,165 to 580 kB and its module load from 275 to 87 ms,
 * course-admin-read from 197 to 66 ms (medians of 9 fresh processes, bench/README.md section 8).
 * Both routes only read.
 */
const deps = certificatePdfDeps();

export const handler = routeDispatcher({
  'GET /api/admin/certificates/{number}/pdf': staffCertificatePdf(deps),
  'GET /api/me/{token}/certificates/{number}/pdf': volunteerCertificatePdf(deps),
});
