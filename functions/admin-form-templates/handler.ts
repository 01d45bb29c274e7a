import { formEditorReadDeps } from '#shared/form-editor-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorReadDeps();
const staff = staffStore();

/** The templates a new form can start from. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const templates = editor.templates.map(({ id, title, description }) => ({ id, title, description }));
  return json(200, { templates });
});
