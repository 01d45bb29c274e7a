import type { AdminFormSummary } from '#shared/contracts/form-editor.ts';
import { listForms } from '#shared/domain/form-list.ts';
import { formEditorReadDeps } from '#shared/form-editor-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const editor = formEditorReadDeps();
const staff = staffStore();

/** Every form, published or not, with its draft and its number of submissions. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const forms: AdminFormSummary[] = await listForms(editor.deps, {
    submissionCounts: async (slugs) => {
      const counts = await editor.inbox.counts(slugs);
      return new Map(slugs.map((slug) => [slug, Number(counts[slug]?.total ?? 0)]));
    },
  });
  return json(200, { forms });
});
