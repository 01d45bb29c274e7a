import { isListed, windowState } from '#shared/domain/form-settings.ts';
import { formReadDeps } from '#shared/form-store-deps.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = formReadDeps();

/**
 * The published forms with their titles, short descriptions and languages in every locale, for the
 * home page or a partner's site. Descriptions come from the published version, which never changes,
 * so a warm instance reads each version once. Unlisted forms and closed ones are left out (their
 * link still works and says why); a form not yet open is listed with the moment it opens.
 */
export const handler = httpHandler(async () => {
  const forms = await deps.forms.listPublished();
  const now = deps.now();
  const entries = await Promise.all(
    forms.map(async ({ slug, publishedVersion, title, publishedAt }) => {
      const version = publishedVersion ? await deps.forms.getVersion(slug, publishedVersion) : undefined;
      const definition = version?.definition;
      const availability = definition?.availability;
      if (!isListed(availability) || windowState(availability, now) === 'closed') return undefined;
      return {
        slug,
        version: publishedVersion,
        title: definition?.title ?? title,
        ...(definition?.description ? { description: definition.description } : {}),
        ...(definition ? { locales: definition.locales, defaultLocale: definition.defaultLocale } : {}),
        ...(availability?.opensAt && windowState(availability, now) === 'not-yet-open'
          ? { opensAt: availability.opensAt }
          : {}),
        publishedAt,
      };
    }),
  );
  const listed = entries.filter((entry) => entry !== undefined);
  return json(200, { forms: listed.sort((a, b) => a.slug.localeCompare(b.slug)) });
});
