import { formPath, parsePath } from '#shared/admin-route.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { formReadDeps } from '#shared/form-store-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const deps = formReadDeps();
const staff = staffStore();

/** Every saved version of a form, and which one is published. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const { slug } = parsePath(formPath, event.pathParameters);
  const summary = await deps.forms.getSummary(slug);
  if (!summary) throw new NotFoundError(`There is no form ${slug}.`);
  const versions = await deps.forms.listVersions(slug);
  return json(200, { ...summary, versions });
});
