import { formVersionPath, parsePath } from '#shared/admin-route.ts';
import { publishVersion } from '#shared/domain/forms.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { requireGroup } from '#shared/http/auth.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = formsDeps();

/** Makes a saved version the live one; the public page serves it from the next request on. */
export const handler = httpHandler(async ({ event }) => {
  const caller = requireGroup(event, ['admin']);
  const { slug, version } = parsePath(formVersionPath, event.pathParameters);
  return json(200, await publishVersion(deps, slug, version, caller.username));
});
