import { defaultTextsFor } from './defaults.ts';
import { asObject, child, isObject, nameFromLabel, uniqueName } from './json.ts';
import type { Json } from './types.ts';

/**
 * A field of the field library (functions/shared/forms/field-library.ts, written alongside): the
 * schema without texts, and its texts per shipped locale by key relative to the field
 * ('label', 'description', '<enum value>', 'street.label', ...).
 */
export interface LibraryFieldLike {
  readonly id: string;
  readonly name: string;
  readonly schema: Record<string, unknown>;
  readonly required: boolean;
  readonly options?: Record<string, unknown>;
  readonly texts: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface PreparedLibraryField {
  readonly name: string;
  readonly schema: Json;
  /** Per non-default locale, i18n keys (with the field's path) to text. */
  readonly translations: Record<string, Record<string, string>>;
}

/** Options keyed as JSON Forms asks for them: by value for `enum`, by title for `oneOf`. */
function toChoices(schema: Json, texts: Readonly<Record<string, string>>, optionKeys: Map<string, string>) {
  if (!Array.isArray(schema.enum)) return;
  const values = schema.enum.map(String);
  if (values.every((v) => (texts[v] ?? v) === v)) return;
  schema.oneOf = values.map((v) => {
    optionKeys.set(v, texts[v] ?? v);
    return { const: v, title: texts[v] ?? v };
  });
  delete schema.enum;
}

function titleNested(schema: Json, texts: Readonly<Record<string, string>>) {
  for (const [name, property] of Object.entries(asObject(schema.properties))) {
    if (!isObject(property)) continue;
    const title = texts[`${name}.label`];
    if (title) property.title = title;
    const description = texts[`${name}.description`];
    if (description) property.description = description;
  }
}

/** A library field made ready for a form: default-language texts in the schema, the rest as translations. */
export function prepareLibraryField(
  field: LibraryFieldLike,
  defaultLocale: string,
  locales: readonly string[],
  takenNames: Iterable<string>,
): PreparedLibraryField {
  const home = field.texts[defaultLocale] ?? field.texts.en ?? {};
  const name = uniqueName(nameFromLabel(field.name), takenNames);
  const schema = structuredClone(field.schema) as Json;
  if (home.label) schema.title = home.label;
  if (home.description) schema.description = home.description;
  titleNested(schema, home);
  const optionKeys = new Map<string, string>();
  toChoices(schema.type === 'array' ? child(schema, 'items') : schema, home, optionKeys);
  const translations: Record<string, Record<string, string>> = {};
  for (const locale of locales) {
    const texts = field.texts[locale];
    if (locale === defaultLocale || !texts) continue;
    translations[locale] = Object.fromEntries(
      Object.entries(texts).map(([key, text]) => [`${name}.${optionKeys.get(key) ?? key}`, text]),
    );
  }
  return { name, schema, translations };
}

export const libraryLabel = (field: LibraryFieldLike, uiLocale: string) =>
  field.texts[uiLocale]?.label ?? field.texts.en?.label ?? defaultTextsFor(uiLocale).shortText;
