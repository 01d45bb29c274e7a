/** A draft definition: any JSON object, possibly incomplete while it is being edited. */
export type Definition = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a path of object keys, or undefined. */
export function getAt(definition: Definition, path: readonly string[]): unknown {
  let value: unknown = definition;
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  return value;
}

/** A copy with the value at the path replaced; `undefined` removes the key (an empty text is no text). */
export function setAt(definition: Definition, path: readonly string[], value: unknown): Definition {
  const [key, ...rest] = path;
  if (key === undefined) return definition;
  const next: Record<string, unknown> = { ...definition };
  const child = rest.length === 0 ? value : setAt(isObject(next[key]) ? next[key] : {}, rest, value);
  if (child === undefined) delete next[key];
  else next[key] = child;
  return next;
}

/** The issue messages for a field, by the validator's dotted path. */
export const issueAt = (issues: readonly { field: string; message: string }[], field: string) =>
  issues
    .filter((issue) => issue.field === field)
    .map((issue) => issue.message)
    .join(' ') || undefined;

/** One address per line in the text area, a clean list in the definition. */
export const linesToList = (text: string): string[] =>
  text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A number field's text: empty clears it, a number is stored as one, anything else is stored as
 * typed, so validation names the field instead of the text silently disappearing.
 */
export function toNumber(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : text;
}

/** The properties of the schema whose answer is one of a list: what a routing rule can use. */
export function choiceFields(schema: unknown): { name: string; values: string[] }[] {
  const properties = getAt(isObject(schema) ? schema : {}, ['properties']);
  if (!isObject(properties)) return [];
  return Object.entries(properties).flatMap(([name, property]) => {
    if (!isObject(property)) return [];
    if (Array.isArray(property.enum)) return [{ name, values: property.enum.map(String) }];
    if (Array.isArray(property.oneOf)) {
      const values = property.oneOf.flatMap((entry) =>
        isObject(entry) && 'const' in entry ? [String(entry.const)] : [],
      );
      return values.length ? [{ name, values }] : [];
    }
    return [];
  });
}
