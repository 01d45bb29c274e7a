import type { AdminFormSummary } from '../contracts/form-editor.ts';
import { type DraftSummary, draftSummary } from './draft-summary.ts';
import type { DraftReadDeps } from './form-drafts.ts';

export interface SubmissionCounter {
  /** Submissions held per form (all versions), by slug. */
  submissionCounts(slugs: readonly string[]): Promise<Map<string, number>>;
}

/**
 * Every form with what the editor's list shows. Titles and languages are the published version's
 * (what visitors see), else the latest version's, else the draft's.
 */
export async function listForms(
  deps: DraftReadDeps,
  counter: SubmissionCounter,
): Promise<AdminFormSummary[]> {
  const forms = await deps.forms.listForms();
  const slugs = forms.map((form) => form.slug);
  const [drafts, counts] = await Promise.all([
    deps.forms.draftHeaders(slugs),
    counter.submissionCounts(slugs),
  ]);
  return Promise.all(
    forms.map(async (form) => {
      const draft = drafts.get(form.slug);
      const shown = form.publishedVersion ?? (form.latestVersion || undefined);
      const version = shown === undefined ? undefined : await deps.forms.getVersion(form.slug, shown);
      const summary: DraftSummary | undefined = version
        ? draftSummary(version.definition as unknown as Record<string, unknown>)
        : draft?.summary;
      return {
        slug: form.slug,
        title: summary?.title ?? {},
        defaultLocale: summary?.defaultLocale ?? '',
        locales: summary?.locales ?? [],
        workflow: summary?.workflow ?? '',
        ...(form.publishedVersion === undefined ? {} : { publishedVersion: form.publishedVersion }),
        ...(form.publishedAt === undefined ? {} : { publishedAt: form.publishedAt }),
        ...(form.latestVersion ? { latestVersion: form.latestVersion } : {}),
        ...(draft
          ? { draft: { revision: draft.revision, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy } }
          : {}),
        submissions: counts.get(form.slug) ?? 0,
        listed: summary?.listed ?? true,
      };
    }),
  );
}
