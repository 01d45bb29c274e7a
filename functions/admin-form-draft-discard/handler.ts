import { formPath, parsePath } from '#shared/admin-route.ts';
import { auditDeps } from '#shared/audit-deps.ts';
import { discardDraft } from '#shared/domain/form-drafts.ts';
import { formEditorDeps } from '#shared/form-editor-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorDeps();
const staff = staffStore();
const { audit, actor } = auditDeps();

/** Discards the draft; a form never published goes with it. */
export const handler = httpHandler(async ({ event }) => {
  const { caller } = await authorize(event, ['admin'], staff);
  const { slug } = parsePath(formPath, event.pathParameters);
  const discarded = await discardDraft(editor.deps, slug);
  await audit.record({
    at: editor.now().toISOString(),
    actor: actor(caller),
    action: 'form.draft.discard',
    target: { type: 'form', id: slug },
    before: { revision: discarded.revision, basedOn: discarded.basedOn ?? null },
  });
  return { statusCode: 204, body: '' };
});
