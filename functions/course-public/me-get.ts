import { httpHandler, json } from '#shared/http/middleware.ts';
import { privateHeaders, rawToken, tokenHashOf } from './links.ts';
import { openPage, pageViewOf } from './page.ts';
import type { PublicDeps } from './ports.ts';

/** `GET /api/me/{token}`: the volunteer's own page. Reading changes nothing. */
export const meGet = (deps: PublicDeps) =>
  httpHandler(async ({ event }) => {
    const participant = await openPage(deps, tokenHashOf(event));
    return json(200, await pageViewOf(deps, participant, rawToken(event)), privateHeaders);
  });
