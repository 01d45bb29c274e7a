import { formPath, parsePath } from '#shared/admin-route.ts';
import { auditDeps } from '#shared/audit-deps.ts';
import { saveDraftRequest } from '#shared/contracts/form-editor.ts';
import { saveFormDraft, toFormDraft } from '#shared/domain/form-drafts.ts';
import { formEditorDeps } from '#shared/form-editor-deps.ts';
import { editorOf, withEditorErrors } from '#shared/form-editor-http.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorDeps();
const staff = staffStore();
const { audit, actor } = auditDeps();

/**
 * Saves the draft over the revision the editor loaded (409 naming who saved in between), valid or
 * not. Autosaves are audited at most once per admin and form in ten minutes.
 */
export const handler = httpHandler(
  async ({ event, body }) => {
    const { caller } = await authorize(event, ['admin'], staff);
    const { slug } = parsePath(formPath, event.pathParameters);
    const request = parseOrThrow(saveDraftRequest, body);
    return withEditorErrors(async () => {
      const { draft, audit: record } = await saveFormDraft(editor.deps, slug, request, editorOf(caller));
      if (record)
        await audit.record({
          at: draft.updatedAt,
          actor: actor(caller),
          action: 'form.draft.save',
          target: { type: 'form', id: slug },
          before: { revision: request.revision },
          after: { revision: draft.revision },
        });
      return json(200, await toFormDraft(editor.deps, draft));
    });
  },
  { maxBodyBytes: 512 * 1024 },
);
