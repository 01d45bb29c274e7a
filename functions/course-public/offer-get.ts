import { httpHandler, json } from '#shared/http/middleware.ts';
import { privateHeaders, tokenHashOf } from './links.ts';
import { offerViewOf, openOffer } from './offer.ts';
import type { PublicDeps } from './ports.ts';

/** `GET /api/offers/{token}`: shows the offer. Changes nothing, however often a mail scanner opens it. */
export const offerGet = (deps: PublicDeps) =>
  httpHandler(async ({ event }) => {
    const offer = await openOffer(deps, tokenHashOf(event));
    return json(200, await offerViewOf(deps, offer), privateHeaders);
  });
