import { diffQuery, formPath, parsePath } from '#shared/admin-route.ts';
import { compareForms } from '#shared/domain/form-compare.ts';
import { formEditorReadDeps } from '#shared/form-editor-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorReadDeps();
const staff = staffStore();

/** A readable diff of two versions of a form, or of a version and the draft. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const { slug } = parsePath(formPath, event.pathParameters);
  const { from, to } = parseOrThrow(diffQuery, event.queryStringParameters ?? {});
  return json(200, await compareForms(editor.deps, slug, from, to));
});
