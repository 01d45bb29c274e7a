import { formPath, impactQuery, parsePath } from '#shared/admin-route.ts';
import { impactOf } from '#shared/domain/form-compare.ts';
import { formEditorReadDeps } from '#shared/form-editor-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorReadDeps();
const staff = staffStore();

/** What a draft or version would break in earlier submissions, with how many each change hits. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const { slug } = parsePath(formPath, event.pathParameters);
  const { to } = parseOrThrow(impactQuery, event.queryStringParameters ?? {});
  return json(200, await impactOf({ ...editor.deps, answers: editor.answers }, slug, to));
});
