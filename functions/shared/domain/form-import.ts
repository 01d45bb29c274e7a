import { generateDefaultUISchema, type JsonSchema } from '@jsonforms/core';
import type { FieldIssue } from './errors.ts';
import { validateFormDefinition } from './form-validation.ts';

type Json = Record<string, unknown>;

export interface JsonFormsImport {
  readonly schema: Json;
  /** Without one JSON Forms' generated default UI schema is used, as any JSON Forms host would. */
  readonly uischema?: Json;
  /** The form's default language: the texts in the two documents are in it. */
  readonly locale: string;
  readonly slug?: string;
  readonly title?: string;
}

const GERMAN_LETTERS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A slug from a title: `Anmeldung Sprachcafé` -> `anmeldung-sprachcafe`; `form` plus filler when too short. */
export function slugFromTitle(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => GERMAN_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : `form-${base || 'new'}`.replace(/-+$/, '');
}

/**
 * Wraps a JSON Forms schema and UI schema into a Lotse form definition with the defaults a new
 * form gets: the documents' texts are the default language's, so no translations are needed.
 */
export function importJsonForms(input: JsonFormsImport): Json {
  const title =
    input.title ?? (typeof input.schema.title === 'string' ? input.schema.title : undefined) ?? 'Form';
  const uischema = input.uischema ?? (generateDefaultUISchema(input.schema as JsonSchema) as unknown as Json);
  return {
    slug: input.slug ?? slugFromTitle(title),
    defaultLocale: input.locale,
    locales: [input.locale],
    title: { [input.locale]: title },
    ...(typeof input.schema.description === 'string'
      ? { description: { [input.locale]: input.schema.description } }
      : {}),
    workflow: 'submission-received',
    consent: { version: '1' },
    retentionDays: 365,
    schema: input.schema,
    uischema,
    translations: {},
  };
}

/** The import and what full validation says about it; nothing is saved. */
export function previewImport(input: JsonFormsImport): { definition: Json; issues: FieldIssue[] } {
  const definition = importJsonForms(input);
  const checked = validateFormDefinition(definition);
  return { definition, issues: checked.ok ? [] : checked.issues };
}
