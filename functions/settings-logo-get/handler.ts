import { NotFoundError } from '#shared/domain/errors.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { settingsReadDeps } from '#shared/settings-deps.ts';

const deps = settingsReadDeps();

/**
 * The organisation's logo. Its URL carries the image's hash (`?v=`), so that URL can be cached for
 * a year: a new logo gets a new URL. Without a hash, or with an old one, it is revalidated.
 */
export const handler = httpHandler(async ({ event }) => {
  const logo = await deps.store.getLogo();
  const settings = await deps.current();
  if (!logo || settings.logo?.hash !== logo.hash) throw new NotFoundError('The organisation has no logo.');
  const requested = event.queryStringParameters?.v;
  if (requested && requested !== logo.hash) throw new NotFoundError('This logo has been replaced.');
  const etag = `"${logo.hash}"`;
  const headers = {
    'content-type': logo.contentType,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
    etag,
    'cache-control': requested ? 'public, max-age=31536000, immutable' : 'public, no-cache',
  };
  if (event.headers?.['if-none-match'] === etag) return { statusCode: 304, headers };
  return {
    statusCode: 200,
    headers,
    body: Buffer.from(logo.data).toString('base64'),
    isBase64Encoded: true,
  };
});
