import type { FormDiff, FormImpact } from '../contracts/form-editor.ts';
import { NotFoundError } from './errors.ts';
import { type DiffableDefinition, diffForms } from './form-diff.ts';
import { type DraftReadDeps, loadDraft } from './form-drafts.ts';
import { breakingChanges, type FormAnswers, measureImpact } from './form-impact.ts';

export type Side = number | 'draft';

/** A version's definition, or the draft's (the published version when there is no draft). */
export async function definitionAt(
  deps: DraftReadDeps,
  slug: string,
  side: Side,
): Promise<DiffableDefinition> {
  if (side === 'draft') return (await loadDraft(deps, slug)).definition as DiffableDefinition;
  const version = await deps.forms.getVersion(slug, side);
  if (!version) throw new NotFoundError(`Form ${slug} has no version ${side}.`);
  return version.definition as unknown as DiffableDefinition;
}

export async function compareForms(
  deps: DraftReadDeps,
  slug: string,
  from: Side,
  to: Side,
): Promise<FormDiff> {
  const [before, after] = await Promise.all([definitionAt(deps, slug, from), definitionAt(deps, slug, to)]);
  return diffForms({ side: from, definition: before }, { side: to, definition: after });
}

/** What `to` would break in the submissions made so far, measured against the published version. */
export async function impactOf(
  deps: DraftReadDeps & { readonly answers: FormAnswers },
  slug: string,
  to: Side,
): Promise<FormImpact & { capped: boolean }> {
  const target = await definitionAt(deps, slug, to);
  const summary = await deps.forms.getSummary(slug);
  if (summary?.publishedVersion === undefined) return { submissions: 0, capped: false, breaking: [] };
  const published = await definitionAt(deps, slug, summary.publishedVersion);
  return measureImpact(deps.answers, slug, summary.publishedVersion, breakingChanges(published, target));
}
