import { formVersionPath, parsePath } from '#shared/admin-route.ts';
import { publishVersion } from '#shared/domain/forms.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const deps = formsDeps();
const staff = staffStore();

/** Makes a saved version the live one; the public page serves it from the next request on. */
export const handler = httpHandler(async ({ event }) => {
  const { caller } = await authorize(event, ['admin'], staff);
  const { slug, version } = parsePath(formVersionPath, event.pathParameters);
  return json(200, await publishVersion(deps, slug, version, caller.username));
});
