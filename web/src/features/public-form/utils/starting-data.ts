import type { JsonSchema } from '@jsonforms/core';

type Data = Record<string, unknown>;

/**
 * The data a form starts with: lists of entries the schema requires (`minItems`) get that many empty
 * entries, so nobody has to find the add button before they can answer. Existing answers win.
 */
export function withStartingEntries(schema: JsonSchema, data: Data): Data {
  const result = { ...data };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const items = property.items;
    const isListOfEntries =
      property.type === 'array' &&
      !!items &&
      !Array.isArray(items) &&
      (items as JsonSchema).type === 'object';
    if (isListOfEntries && (property.minItems ?? 0) > 0 && result[name] === undefined) {
      result[name] = Array.from({ length: property.minItems ?? 0 }, () => ({}));
    }
  }
  return result;
}

/** Whether anything was actually typed or chosen (empty entries and lists do not count). */
export function hasAnswers(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasAnswers);
  if (value && typeof value === 'object') return Object.values(value).some(hasAnswers);
  return value !== undefined && value !== null && value !== '';
}
