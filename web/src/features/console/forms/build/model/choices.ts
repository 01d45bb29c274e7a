import { findField } from './fields.ts';
import { asObject, isObject, propertySchemaOf } from './json.ts';
import type { Choice, ElementId, FormDefinitionDraft, Json } from './types.ts';
import { cloneDefinition } from './ui-tree.ts';

/** The schema holding a choice field's options: the field's own, or its items' for several-of. */
const choiceSchemaOf = (property: Json): Json =>
  property.type === 'array' ? asObject(property.items) : property;

export function choicesOf(schema: Json): Choice[] {
  const holder = choiceSchemaOf(schema);
  if (Array.isArray(holder.enum)) return holder.enum.map((v) => ({ value: String(v), label: String(v) }));
  if (Array.isArray(holder.oneOf))
    return holder.oneOf.filter(isObject).map((e) => ({
      value: String(e.const),
      label: typeof e.title === 'string' ? e.title : String(e.const),
    }));
  return [];
}

/** JSON Forms keys an `enum` option by its value and a `oneOf` option by its title. */
const optionKey = (holder: Json, choice: Choice) =>
  Array.isArray(holder.oneOf) ? choice.label : choice.value;

/**
 * Writes the options: a plain `enum` when every label is its value, else `oneOf` with const and
 * title. Translations follow their option's new key; those of removed options go.
 */
export function setChoices(
  definition: FormDefinitionDraft,
  id: ElementId,
  choices: readonly Choice[],
): FormDefinitionDraft {
  const field = findField(definition, id);
  if (!field || field.names.length === 0) return definition;
  const draft = cloneDefinition(definition);
  const holder = choiceSchemaOf(propertySchemaOf(draft.schema, field.names) ?? {});
  const before = new Map(
    choicesOf(field.schema).map((c) => [c.value, optionKey(choiceSchemaOf(field.schema), c)]),
  );
  delete holder.enum;
  delete holder.oneOf;
  if (choices.every((c) => c.label === c.value)) holder.enum = choices.map((c) => c.value);
  else holder.oneOf = choices.map((c) => ({ const: c.value, title: c.label }));
  const after = new Map(choices.map((c) => [c.value, optionKey(holder, c)]));
  for (const texts of Object.values(draft.translations)) {
    const moved: Record<string, string> = {};
    for (const [value, key] of before) {
      const text = texts[`${field.path}.${key}`];
      delete texts[`${field.path}.${key}`];
      const next = after.get(value);
      if (text !== undefined && next !== undefined) moved[`${field.path}.${next}`] = text;
    }
    Object.assign(texts, moved);
  }
  return draft;
}

/** The values a condition can test: a choice field's options, or yes and no. */
export function conditionValuesOf(schema: Json): { value: string | boolean; label: string }[] {
  if (schema.type === 'boolean')
    return [
      { value: true, label: 'true' },
      { value: false, label: 'false' },
    ];
  return choicesOf(schema).map((c) => ({ value: c.value, label: c.label }));
}
