import { routeDispatcher } from '#shared/http/route-dispatch.ts';
import { meCalendar } from './me-calendar.ts';
import { meCancel } from './me-cancel.ts';
import { meCertificateCredential } from './me-certificate.ts';
import { meGet } from './me-get.ts';
import { offerGet } from './offer-get.ts';
import { offerPost } from './offer-post.ts';
import type { PublicDeps } from './ports.ts';
import { issuer, jwks, verify } from './verify.ts';

/**
 * The public course routes (offer links, own page, verification) in one Lambda function; a
 * certificate's PDF is functions/certificate-pdf's.
 */
export const publicRoutes = (deps: PublicDeps) =>
  routeDispatcher({
    'GET /api/offers/{token}': offerGet(deps),
    'POST /api/offers/{token}': offerPost(deps),
    'GET /api/me/{token}': meGet(deps),
    'POST /api/me/{token}/cancel': meCancel(deps),
    'GET /api/me/{token}/calendar.ics': meCalendar(deps),
    'GET /api/me/{token}/certificates/{number}/credential': meCertificateCredential(deps),
    'GET /api/verify/{number}': verify(deps),
    'GET /api/credentials/jwks': jwks(deps),
    'GET /api/credentials/issuer': issuer(deps),
  });
