import { isShippedLocale } from '../i18n/locales.ts';
import type { LibraryField } from './field-library.ts';

type Json = Record<string, unknown>;

export interface PlacedField {
  name: string;
  /** With the default language's title and description, also on nested properties. */
  schema: Json;
  required: boolean;
  control: Json;
  /** i18n keys prefixed with the property name, per form locale; what the documents can't hold. */
  translations: Record<string, Record<string, string>>;
}

/**
 * Puts a library field into a form as the shared text model wants it: the default language's
 * labels, descriptions and option names become the schema's `title`/`description` and `oneOf`
 * entries (`const` + `title`, with an `i18n` key so renaming an option keeps its translations);
 * error messages and all texts of the other languages go into `translations`. The form then reads
 * right in any JSON Forms host. A default language Lotse does not ship gets English texts, which
 * the admin then overwrites.
 */
export function placeLibraryField(
  field: LibraryField,
  form: { defaultLocale: string; locales: readonly string[]; name?: string },
): PlacedField {
  const name = form.name ?? field.name;
  const documentTexts = field.texts[isShippedLocale(form.defaultLocale) ? form.defaultLocale : 'en'];
  const schema = withOptionTitles(
    withTexts(structuredClone(field.schema), documentTexts, ''),
    documentTexts,
    name,
  );
  const translations: Record<string, Record<string, string>> = {};
  for (const locale of form.locales) {
    if (!isShippedLocale(locale)) continue;
    const own = prefixed(field.texts[locale], name);
    translations[locale] =
      locale === form.defaultLocale ? omitDocumentKeys(own, field.texts[locale], name) : own;
  }
  return {
    name,
    schema,
    required: field.required,
    control: {
      type: 'Control',
      scope: `#/properties/${name}`,
      ...(field.options ? { options: structuredClone(field.options) } : {}),
    },
    translations: Object.fromEntries(
      Object.entries(translations).filter(([, keys]) => Object.keys(keys).length),
    ),
  };
}

/** `label`/`description` of the field and of nested properties (`street.label`) become schema texts. */
function withTexts(schema: Json, texts: Record<string, string>, path: string): Json {
  const title = texts[`${path}label`];
  const description = texts[`${path}description`];
  if (title) schema.title = title;
  if (description) schema.description = description;
  const properties = schema.properties as Record<string, Json> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) withTexts(child, texts, `${path}${key}.`);
  return schema;
}

/** `enum` (also of array items) -> `oneOf` entries titled in the default language. */
function withOptionTitles(schema: Json, texts: Record<string, string>, name: string): Json {
  const target = (schema.type === 'array' ? schema.items : schema) as Json;
  if (!Array.isArray(target.enum)) return schema;
  target.oneOf = target.enum.map((value) => ({
    const: value,
    title: texts[String(value)] ?? String(value),
    i18n: `${name}.${String(value)}`,
  }));
  delete target.enum;
  return schema;
}

/** The default language's error messages: the only texts its documents cannot hold. */
const isErrorKey = (key: string) => /(^|\.)error\.[a-zA-Z]+$/.test(key);

function omitDocumentKeys(own: Record<string, string>, texts: Record<string, string>, name: string) {
  const kept = Object.keys(texts).filter(isErrorKey);
  return Object.fromEntries(kept.map((key) => [`${name}.${key}`, own[`${name}.${key}`] as string]));
}

const prefixed = (texts: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [`${name}.${key}`, text]));
