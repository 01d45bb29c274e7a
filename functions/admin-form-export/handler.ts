import { formVersionPath, parsePath } from '#shared/admin-route.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { foldDefaultTexts } from '#shared/domain/form-fold.ts';
import { formEditorReadDeps } from '#shared/form-editor-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorReadDeps();
const staff = staffStore();

/** A version as the two JSON Forms files (schema, UI schema), which run in any JSON Forms host. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const { slug, version } = parsePath(formVersionPath, event.pathParameters);
  const found = await editor.forms.getVersion(slug, version);
  if (!found) throw new NotFoundError(`Form ${slug} has no version ${version}.`);
  // A form written before the documents carried the default language gets its texts folded in,
  // so the two files read the same in another JSON Forms host as on our page.
  const { schema, uischema } = foldDefaultTexts(found.definition);
  return json(200, { schema, uischema });
});
