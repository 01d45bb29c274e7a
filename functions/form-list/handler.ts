import { formsDeps } from '#shared/forms-deps.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = formsDeps();

/**
 * The published forms with their titles, short descriptions and languages in every locale, for the
 * home page or a partner's site. Descriptions come from the published version, which never changes,
 * so a warm instance reads each version once.
 */
export const handler = httpHandler(async () => {
  const forms = await deps.forms.listPublished();
  const listed = await Promise.all(
    forms.map(async ({ slug, publishedVersion, title, publishedAt }) => {
      const version = publishedVersion ? await deps.forms.getVersion(slug, publishedVersion) : undefined;
      const definition = version?.definition;
      return {
        slug,
        version: publishedVersion,
        title: definition?.title ?? title,
        ...(definition?.description ? { description: definition.description } : {}),
        ...(definition ? { locales: definition.locales, defaultLocale: definition.defaultLocale } : {}),
        publishedAt,
      };
    }),
  );
  return json(200, { forms: listed.sort((a, b) => a.slug.localeCompare(b.slug)) });
});
