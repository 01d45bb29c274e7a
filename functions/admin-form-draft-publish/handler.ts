import { formPath, parsePath } from '#shared/admin-route.ts';
import { auditDeps } from '#shared/audit-deps.ts';
import { publishDraftRequest } from '#shared/contracts/form-editor.ts';
import { publishDraft } from '#shared/domain/form-draft-publish.ts';
import { formEditorDeps } from '#shared/form-editor-deps.ts';
import { editorOf, withEditorErrors } from '#shared/form-editor-http.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorDeps();
const staff = staffStore();
const { audit, actor } = auditDeps();

/** Publishes the draft as a new version (optionally without some languages); refusals list what is missing. */
export const handler = httpHandler(async ({ event, body }) => {
  const { caller } = await authorize(event, ['admin'], staff);
  const { slug } = parsePath(formPath, event.pathParameters);
  const request = parseOrThrow(publishDraftRequest, body);
  return withEditorErrors(async () => {
    const before = await editor.forms.getSummary(slug);
    const published = await publishDraft(editor.deps, slug, request, editorOf(caller));
    await audit.record({
      at: published.publishedAt,
      actor: actor(caller),
      action: 'form.publish',
      target: { type: 'form', id: slug },
      before: { publishedVersion: before?.publishedVersion ?? null },
      after: { publishedVersion: published.version },
      details: { fromDraft: request.revision, withoutLocales: request.withoutLocales ?? [] },
    });
    return json(200, published);
  });
});
