import type { FormDefinition } from '../contracts/form-definition.ts';

/**
 * A submission's answers as label/value pairs in one language, using the form's own translations
 * (the same keys JSON Forms uses), in the order of the schema's properties.
 */
export function describeAnswers(
  definition: FormDefinition,
  data: Readonly<Record<string, unknown>>,
  locale: string,
  fields?: readonly string[],
): Array<[string, string]> {
  const texts = {
    ...(definition.translations[definition.defaultLocale] ?? {}),
    ...(definition.translations[locale] ?? {}),
  };
  const properties = Object.keys((definition.schema.properties as Record<string, unknown>) ?? {});
  const order = fields && fields.length > 0 ? fields : properties;
  const out: Array<[string, string]> = [];
  for (const field of order) {
    const value = data[field];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    out.push([texts[`${field}.label`] ?? field, formatValue(field, value, texts)]);
  }
  return out;
}

function formatValue(path: string, value: unknown, texts: Readonly<Record<string, string>>): string {
  if (Array.isArray(value)) return value.map((item) => formatValue(path, item, texts)).join('; ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => formatValue(`${path}.${key}`, inner, texts))
      .join(', ');
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  const text = String(value);
  return texts[`${path}.${text}`] ?? text;
}
