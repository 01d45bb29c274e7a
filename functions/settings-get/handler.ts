import { createHash } from 'node:crypto';
import { publicSettings } from '#shared/domain/settings.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { settingsReadDeps } from '#shared/settings-deps.ts';

const deps = settingsReadDeps();

/**
 * What every public page shows of the organisation (name, logo, links, languages, colour).
 * Revalidated on each use (no-cache + ETag): a change is seen at once, an unchanged one costs a 304.
 */
export const handler = httpHandler(async ({ event }) => {
  const body = publicSettings(await deps.current());
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
  const headers = { etag, 'cache-control': 'public, no-cache' };
  if (event.headers?.['if-none-match'] === etag) return { statusCode: 304, headers };
  return json(200, body, headers);
});
