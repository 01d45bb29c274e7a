import { httpHandler, json } from '#shared/http/middleware.ts';
import type { PublicDeps } from './ports.ts';

/** `GET /api/verify/{number}`: valid, revoked or unknown, with name, programme and date only. */
export const verify = (deps: PublicDeps) =>
  httpHandler(async ({ event }) => {
    const number = (event.pathParameters?.number ?? '').trim().toUpperCase();
    const view = /^[A-Z0-9-]{1,40}$/.test(number)
      ? await deps.verify(number)
      : { status: 'unknown' as const, number, issuer: '' };
    // Employers may check often; a revocation must show at once, so nothing is cached.
    return json(200, view, { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  });

/** `GET /api/credentials/jwks`: the public keys credentials are signed with. */
export const jwks = (deps: PublicDeps) =>
  httpHandler(async () =>
    json(200, await deps.jwks(), {
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    }),
  );

/** `GET /api/credentials/issuer`: the organisation as an Open Badges 3.0 issuer Profile. */
export const issuer = (deps: PublicDeps) =>
  httpHandler(async () =>
    json(200, await deps.issuer(), {
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    }),
  );
