import { formsDeps } from '#shared/forms-deps.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = formsDeps();

/** The published forms, with their titles in every locale, for an index page or a partner's site. */
export const handler = httpHandler(async () => {
  const forms = await deps.forms.listPublished();
  return json(200, {
    forms: forms.map(({ slug, publishedVersion, title, publishedAt }) => ({
      slug,
      version: publishedVersion,
      title,
      publishedAt,
    })),
  });
});
