import { findField } from './fields.ts';
import { asObject, isObject, propertySchemaOf, scopeToNames } from './json.ts';
import type { Condition, ElementId, FormDefinitionDraft, Json } from './types.ts';
import { cloneDefinition, elementAt } from './ui-tree.ts';

/*
 * "Show when" is a JSON Forms rule (effect SHOW, a condition on one field); "required when" is a
 * JSON Schema `if`/`then` in the root's `allOf`, so the server enforces it too. Both are built
 * from a field and one of its values; other rules and subschemas are left as they are.
 */

const valueSchema = (schema: Json | undefined, value: Condition['value']): Json =>
  schema?.type === 'array' ? { contains: { const: value } } : { const: value };

const readValue = (schema: Json): Condition['value'] | undefined => {
  const leaf = isObject(schema.contains) ? schema.contains : schema;
  const value = leaf.const;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined;
};

export function showWhenOf(definition: FormDefinitionDraft, id: ElementId): Condition | undefined {
  const element = elementAt(asObject(definition.uischema), id);
  const rule = asObject(element?.rule);
  const condition = asObject(rule.condition);
  if (rule.effect !== 'SHOW' || typeof condition.scope !== 'string') return undefined;
  const value = readValue(asObject(condition.schema));
  return value === undefined ? undefined : { scope: condition.scope, value };
}

export function setShowWhen(
  definition: FormDefinitionDraft,
  id: ElementId,
  condition: Condition | undefined,
): FormDefinitionDraft {
  const draft = cloneDefinition(definition);
  const element = elementAt(draft.uischema, id);
  if (!element) return definition;
  if (!condition) {
    delete element.rule;
    return draft;
  }
  const names = scopeToNames(condition.scope) ?? [];
  element.rule = {
    effect: 'SHOW',
    condition: {
      scope: condition.scope,
      schema: valueSchema(propertySchemaOf(draft.schema, names), condition.value),
    },
  };
  return draft;
}

/** ['a', 'b'] and a leaf → { properties: { a: { properties: { b: leaf }, required: ['b'] } }, required: ['a'] } */
function nestCondition(names: readonly string[], leaf: Json): Json {
  return names.reduceRight<Json>(
    (inner, name) => ({ properties: { [name]: inner }, required: [name] }),
    leaf,
  );
}

function nestRequired(names: readonly string[]): Json {
  const last = names[names.length - 1] as string;
  return names
    .slice(0, -1)
    .reduceRight<Json>((inner, name) => ({ properties: { [name]: inner } }), { required: [last] });
}

/** The field and value an `if` tests, when it is the shape this editor writes. */
export function readCondition(ifSchema: Json): { names: string[]; value: Condition['value'] } | undefined {
  const names: string[] = [];
  let current = ifSchema;
  for (;;) {
    const keys = Object.keys(asObject(current.properties));
    if (keys.length !== 1) break;
    names.push(keys[0] as string);
    current = asObject(asObject(current.properties)[keys[0] as string]);
  }
  const value = readValue(current);
  return names.length > 0 && value !== undefined ? { names, value } : undefined;
}

/** The field a `then` makes required, when it is the shape this editor writes. */
export function readRequired(thenSchema: Json): string[] | undefined {
  const names: string[] = [];
  let current = thenSchema;
  for (;;) {
    const required = current.required;
    if (Array.isArray(required) && required.length === 1 && typeof required[0] === 'string')
      return [...names, required[0]];
    const keys = Object.keys(asObject(current.properties));
    if (keys.length !== 1) return undefined;
    names.push(keys[0] as string);
    current = asObject(asObject(current.properties)[keys[0] as string]);
  }
}

const sameNames = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((n, i) => n === b[i]);

const requiresField = (entry: unknown, names: readonly string[]) =>
  isObject(entry) && isObject(entry.if) && isObject(entry.then) && sameNames(readRequired(entry.then), names);

export function requiredWhenOf(definition: FormDefinitionDraft, id: ElementId): Condition | undefined {
  const field = findField(definition, id);
  const allOf = asObject(definition.schema).allOf;
  if (!field || field.names.length === 0 || !Array.isArray(allOf)) return undefined;
  const entry = allOf.find((e) => requiresField(e, field.names)) as Json | undefined;
  const condition = entry && readCondition(asObject(entry.if));
  return condition
    ? { scope: `#/${condition.names.map((n) => `properties/${n}`).join('/')}`, value: condition.value }
    : undefined;
}

export function setRequiredWhen(
  definition: FormDefinitionDraft,
  id: ElementId,
  condition: Condition | undefined,
): FormDefinitionDraft {
  const field = findField(definition, id);
  if (!field || field.names.length === 0) return definition;
  const draft = cloneDefinition(definition);
  const kept = (Array.isArray(draft.schema.allOf) ? draft.schema.allOf : []).filter(
    (e) => !requiresField(e, field.names),
  );
  const names = condition ? scopeToNames(condition.scope) : undefined;
  if (condition && names) {
    const leaf = valueSchema(propertySchemaOf(draft.schema, names), condition.value);
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a promise.
    kept.push({ if: nestCondition(names, leaf), then: nestRequired(field.names) });
    // Required only sometimes: an unconditional `required` would win over the condition.
    const parent =
      field.names.length === 1
        ? draft.schema
        : asObject(propertySchemaOf(draft.schema, field.names.slice(0, -1)));
    const name = field.names[field.names.length - 1];
    const rest = Array.isArray(parent.required) ? parent.required.filter((n) => n !== name) : [];
    if (rest.length > 0) parent.required = rest;
    else delete parent.required;
  }
  if (kept.length > 0) draft.schema.allOf = kept;
  else delete draft.schema.allOf;
  return draft;
}

/** Whether a rule condition (also AND/OR compounds) looks at a field inside `scope`. */
export function conditionUses(condition: unknown, scope: string): boolean {
  if (!isObject(condition)) return false;
  if (
    typeof condition.scope === 'string' &&
    (condition.scope === scope || condition.scope.startsWith(`${scope}/`))
  )
    return true;
  return Array.isArray(condition.conditions) && condition.conditions.some((c) => conditionUses(c, scope));
}

/** Whether an `allOf` entry written as if/then tests or requires the field `names`. */
export function ifThenUses(entry: unknown, names: readonly string[]): boolean {
  if (!isObject(entry)) return false;
  const tested = isObject(entry.if) ? readCondition(entry.if)?.names : undefined;
  const required = isObject(entry.then) ? readRequired(entry.then) : undefined;
  const within = (other: readonly string[] | undefined) =>
    other !== undefined && names.every((n, i) => other[i] === n);
  return within(tested) || within(required);
}
