import { formVersionPath, parsePath } from '#shared/admin-route.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { formReadDeps } from '#shared/form-store-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const deps = formReadDeps();
const staff = staffStore();

/** One saved version with its whole definition, e.g. to start the next draft from it. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const { slug, version } = parsePath(formVersionPath, event.pathParameters);
  const found = await deps.forms.getVersion(slug, version);
  if (!found) throw new NotFoundError(`Form ${slug} has no version ${version}.`);
  return json(200, found);
});
