import { chooseLocale, getPublished, toPublishedForm } from '#shared/domain/forms.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = formsDeps();

/**
 * The published version of a form in one language. Revalidated on every use (no-cache + ETag), so
 * a newly published version is served at once while unchanged forms cost a 304.
 */
export const handler = httpHandler(async ({ event }) => {
  const slug = event.pathParameters?.slug ?? '';
  const version = await getPublished(deps, slug);
  const requested =
    event.queryStringParameters?.locale ?? event.headers?.['accept-language']?.split(/[,;]/)[0]?.trim();
  const locale = chooseLocale(version.definition, requested);
  const etag = `"${slug}-v${version.version}-${locale}"`;
  const headers = { etag, 'cache-control': 'no-cache', vary: 'accept-language' };
  if (event.headers?.['if-none-match'] === etag) return { statusCode: 304, headers };
  return json(200, toPublishedForm(version, locale, deps.config.ORGANISATION_NAME), headers);
});
