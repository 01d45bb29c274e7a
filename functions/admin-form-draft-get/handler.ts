import { formPath, parsePath } from '#shared/admin-route.ts';
import { loadDraft, toFormDraft } from '#shared/domain/form-drafts.ts';
import { formEditorReadDeps } from '#shared/form-editor-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorReadDeps();
const staff = staffStore();

/** The form's draft; a form without one answers with its published version as revision 0. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const { slug } = parsePath(formPath, event.pathParameters);
  return json(200, await toFormDraft(editor.deps, await loadDraft(editor.deps, slug)));
});
