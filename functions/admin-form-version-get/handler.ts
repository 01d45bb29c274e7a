import { formVersionPath, parsePath } from '#shared/admin-route.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { requireGroup } from '#shared/http/auth.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = formsDeps();

/** One saved version with its whole definition, e.g. to start the next draft from it. */
export const handler = httpHandler(async ({ event }) => {
  requireGroup(event, ['admin']);
  const { slug, version } = parsePath(formVersionPath, event.pathParameters);
  const found = await deps.forms.getVersion(slug, version);
  if (!found) throw new NotFoundError(`Form ${slug} has no version ${version}.`);
  return json(200, found);
});
