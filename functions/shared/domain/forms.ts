import type { FormDefinition } from '../contracts/form-definition.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { validateFormDefinition } from './form-validation.ts';

/**
 * Forms are data: every saved definition is a new immutable version; one version per form is
 * published at a time, and publishing an earlier one is a rollback. Pure domain code.
 */
export interface FormVersion {
  readonly slug: string;
  readonly version: number;
  readonly definition: FormDefinition;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface FormSummary {
  readonly slug: string;
  readonly latestVersion: number;
  readonly publishedVersion?: number;
  readonly publishedAt?: string;
  readonly publishedBy?: string;
  readonly title?: Readonly<Record<string, string>>;
  readonly updatedAt: string;
}

export interface FormStore {
  /** Throws PayloadTooLargeError when a version of this definition could not be stored. */
  checkSize(definition: unknown, createdBy: string): void;
  /**
   * Saves a new version with the next number; versions are never changed afterwards. A save that
   * fails uses up no number.
   */
  saveVersion(definition: FormDefinition, createdBy: string, now: string): Promise<FormVersion>;
  getVersion(slug: string, version: number): Promise<FormVersion | undefined>;
  getSummary(slug: string): Promise<FormSummary | undefined>;
  listPublished(): Promise<FormSummary[]>;
  listVersions(slug: string): Promise<Array<Pick<FormVersion, 'version' | 'createdAt' | 'createdBy'>>>;
  /** Points the form at a version and records who did it and why. */
  publish(version: FormVersion, by: string, now: string, action: 'publish' | 'rollback'): Promise<void>;
}

export interface FormDeps {
  readonly forms: FormStore;
  readonly now: () => Date;
}

export async function saveDraft(
  deps: FormDeps,
  slug: string,
  input: unknown,
  by: string,
): Promise<FormVersion> {
  deps.forms.checkSize(input, by);
  const result = validateFormDefinition(input);
  if (!result.ok) throw new ValidationError(result.issues);
  if (result.definition.slug !== slug) {
    throw new ValidationError([
      { field: 'slug', message: `must be "${slug}", the form this version belongs to` },
    ]);
  }
  return deps.forms.saveVersion(result.definition, by, deps.now().toISOString());
}

export async function publishVersion(
  deps: FormDeps,
  slug: string,
  version: number,
  by: string,
): Promise<FormSummary> {
  const found = await deps.forms.getVersion(slug, version);
  if (!found) throw new NotFoundError(`Form ${slug} has no version ${version}.`);
  // Checked again: the rules (e.g. a workflow's settings) may have changed since it was saved.
  const checked = validateFormDefinition(found.definition);
  if (!checked.ok) {
    throw new ValidationError(
      checked.issues,
      `Version ${version} cannot be published until these are fixed in a new version: ${checked.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
    );
  }
  const summary = await deps.forms.getSummary(slug);
  const action =
    summary?.publishedVersion !== undefined && version < summary.publishedVersion ? 'rollback' : 'publish';
  await deps.forms.publish(found, by, deps.now().toISOString(), action);
  return (await deps.forms.getSummary(slug)) as FormSummary;
}

/** Publishes the version before the current one; with `version`, that one (which must be earlier). */
export async function rollback(
  deps: FormDeps,
  slug: string,
  by: string,
  version?: number,
): Promise<FormSummary> {
  const summary = await deps.forms.getSummary(slug);
  if (!summary?.publishedVersion)
    throw new NotFoundError(`Form ${slug} has no published version to roll back.`);
  const target = version ?? summary.publishedVersion - 1;
  if (target < 1 || target >= summary.publishedVersion) {
    throw new ValidationError([
      {
        field: 'version',
        message: `must be an earlier version than the published ${summary.publishedVersion}`,
      },
    ]);
  }
  return publishVersion(deps, slug, target, by);
}

// In its own module so the console's preview can use it without the validation (ajv, workflows).
export { toPublishedForm } from './published-form.ts';
// In their own module so the form API can read without the definition checks.
export { chooseLocale, getPublished } from './published-version.ts';
