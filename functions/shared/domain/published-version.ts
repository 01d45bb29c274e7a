import type { FormDefinition } from '../contracts/form-definition.ts';
import { NotFoundError } from './errors.ts';
import type { FormStore, FormVersion } from './forms.ts';

/*
 * Reading the published version, apart from forms.ts so the public form API does not bundle the
 * definition checks (JSON Forms, lodash, the workflow definitions) that only saving and publishing use.
 */

/** The published version of a form, by slug; every lookup reads the pointer, so a publish is live at once. */
export async function getPublished(
  deps: { readonly forms: Pick<FormStore, 'getSummary' | 'getVersion'> },
  slug: string,
): Promise<FormVersion> {
  const summary = await deps.forms.getSummary(slug);
  if (!summary?.publishedVersion) throw new NotFoundError('This form does not exist or is not open.');
  const version = await deps.forms.getVersion(slug, summary.publishedVersion);
  if (!version) throw new NotFoundError('This form does not exist or is not open.');
  return version;
}

/** Picks the locale to answer in: the requested one if offered, else the form's default. */
export function chooseLocale(definition: FormDefinition, requested: string | undefined): string {
  if (requested && definition.locales.includes(requested)) return requested;
  const base = requested?.split('-')[0];
  if (base && definition.locales.includes(base)) return base;
  return definition.defaultLocale;
}
