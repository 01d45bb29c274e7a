import { auditDeps } from '#shared/audit-deps.ts';
import { createFormRequest } from '#shared/contracts/form-editor.ts';
import { createForm } from '#shared/domain/form-create.ts';
import { toFormDraft } from '#shared/domain/form-drafts.ts';
import { formEditorDeps } from '#shared/form-editor-deps.ts';
import { editorOf } from '#shared/form-editor-http.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorDeps();
const staff = staffStore();
const { audit, actor } = auditDeps();

/** Creates a form as a draft: blank, a copy of another form, a template, or an imported JSON Forms form. */
export const handler = httpHandler(
  async ({ event, body }) => {
    const { caller } = await authorize(event, ['admin'], staff);
    const request = parseOrThrow(createFormRequest, body);
    const draft = await createForm(editor.deps, request, editorOf(caller), editor.templates);
    await audit.record({
      at: draft.updatedAt,
      actor: actor(caller),
      action: 'form.create',
      target: { type: 'form', id: draft.slug },
      after: { revision: draft.revision },
      details: {
        from: request.from.kind,
        ...(request.from.kind === 'copy' ? { source: request.from.slug } : {}),
        ...(request.from.kind === 'template' ? { template: request.from.id } : {}),
      },
    });
    return json(201, await toFormDraft(editor.deps, draft), {
      location: `/api/admin/forms/${draft.slug}/draft`,
    });
  },
  { maxBodyBytes: 512 * 1024 },
);
