import { DomainError, type FieldIssue, NotFoundError, ValidationError } from './errors.ts';
import { documentTexts } from './form-diff.ts';
import { DraftConflictError, type DraftDeps, draftIssues, type Editor, toFormDraft } from './form-drafts.ts';
import { publishVersion, saveDraft } from './forms.ts';

type Json = Record<string, unknown>;
export type MissingTranslations = Record<string, Array<{ key: string; text: string }>>;

/** Validation refused the publish; the editor offers to publish without the incomplete languages. */
export class PublishRefusedError extends DomainError {
  readonly status = 400;
  readonly code = 'validation_failed';
  constructor(
    readonly issues: readonly FieldIssue[],
    readonly missingTranslations: MissingTranslations,
  ) {
    super(
      `This draft cannot be published yet: ${issues
        .slice(0, 5)
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`,
    );
  }
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TRANSLATION_FIELD = /^translations\.([^.]+)\.(.+)$/;

/**
 * Per language, the texts that have no translation, read from validation's issues.
 * (`missingTranslations` in form-texts.ts answers the same from the definition alone.)
 */
export function missingFromIssues(definition: Json, issues: readonly FieldIssue[]): MissingTranslations {
  const defaultLocale = String(definition.defaultLocale ?? '');
  const translations = isObject(definition.translations) ? definition.translations : {};
  const defaults = { ...documentTexts(definition), ...((translations[defaultLocale] as Json) ?? {}) };
  const missing: MissingTranslations = {};
  for (const issue of issues) {
    const match = TRANSLATION_FIELD.exec(issue.field);
    if (!match || !issue.message.startsWith('is missing')) continue;
    const [, locale, key] = match as unknown as [string, string, string];
    const text = typeof defaults[key] === 'string' ? (defaults[key] as string) : key;
    missing[locale] = [...(missing[locale] ?? []), { key, text }];
  }
  return missing;
}

/** The definition without these languages: not offered, and none of their texts kept. */
export function withoutLocales(definition: Json, locales: readonly string[]): Json {
  if (locales.length === 0) return definition;
  const drop = (texts: unknown) =>
    isObject(texts)
      ? Object.fromEntries(Object.entries(texts).filter(([locale]) => !locales.includes(locale)))
      : texts;
  const result: Json = { ...definition };
  if (Array.isArray(definition.locales))
    result.locales = definition.locales.filter((locale) => !locales.includes(String(locale)));
  for (const part of ['title', 'description', 'translations'] as const)
    if (definition[part] !== undefined) result[part] = drop(definition[part]);
  if (isObject(definition.consent) && definition.consent.text !== undefined)
    result.consent = { ...definition.consent, text: drop(definition.consent.text) };
  if (isObject(definition.confirmation))
    result.confirmation = Object.fromEntries(
      Object.entries(definition.confirmation).map(([part, texts]) => [part, drop(texts)]),
    );
  return result;
}

/**
 * Saves the draft (without `withoutLocales`) as a new immutable version and publishes it. The draft
 * stays, now based on the new version, with all its languages for later.
 */
export async function publishDraft(
  deps: DraftDeps,
  slug: string,
  request: { revision: number; withoutLocales?: readonly string[] | undefined },
  editor: Editor,
): Promise<{ version: number; publishedAt: string; revision: number }> {
  const draft = await deps.forms.getDraft(slug);
  if (!draft) throw new NotFoundError(`Form ${slug} has no draft to publish.`);
  if (draft.revision !== request.revision) throw new DraftConflictError(await toFormDraft(deps, draft));
  const dropped = request.withoutLocales ?? [];
  if (dropped.includes(String(draft.definition.defaultLocale)))
    throw new ValidationError([
      {
        field: 'withoutLocales',
        message: `cannot include ${String(draft.definition.defaultLocale)}, the form's default language`,
      },
    ]);
  const definition = withoutLocales(draft.definition, dropped);
  const issues = await draftIssues(deps, slug, definition);
  if (issues.length) throw new PublishRefusedError(issues, missingFromIssues(definition, issues));
  const saved = await saveDraft(deps, slug, definition, editor.name);
  const published = await publishVersion(deps, slug, saved.version, editor.name);
  const next = { ...draft, revision: draft.revision + 1, basedOn: saved.version };
  // Someone may have saved meanwhile: then their draft stays as they left it.
  const marked = await deps.forms.putDraft(next, draft.revision);
  return {
    version: saved.version,
    publishedAt: published.publishedAt ?? deps.now().toISOString(),
    revision: marked ? next.revision : draft.revision,
  };
}
