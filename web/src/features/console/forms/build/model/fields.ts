import { asObject, humanise, isObject, parentSchemaOf, propertySchemaOf, scopeToNames } from './json.ts';
import type { ElementId, FieldType, FormDefinitionDraft, Json } from './types.ts';
import { isContainer } from './ui-tree.ts';

export interface FieldInfo {
  readonly id: ElementId;
  readonly scope: string;
  /** Property names from the root, `['address', 'city']`; empty when the scope is not a plain property path. */
  readonly names: readonly string[];
  /** Data path and i18n key prefix, `address.city` (or the Control's own `i18n`). */
  readonly path: string;
  readonly label: string;
  readonly description: string;
  readonly required: boolean;
  readonly type: FieldType;
  readonly schema: Json;
  readonly options: Json;
}

export type OutlineKind = 'field' | 'section' | 'text' | 'step' | 'steps' | 'layout' | 'other';

export interface OutlineNode {
  readonly id: ElementId;
  readonly kind: OutlineKind;
  readonly label: string;
  readonly field?: FieldInfo;
  readonly children: readonly OutlineNode[];
}

const oneOfValues = (schema: Json) =>
  Array.isArray(schema.oneOf) && schema.oneOf.every((e) => isObject(e) && 'const' in e);
const isChoice = (schema: Json) => Array.isArray(schema.enum) || oneOfValues(schema);

export function fieldTypeOf(schema: Json, options: Json): FieldType {
  switch (schema.type) {
    case 'boolean':
      return schema.const === true ? 'consent' : 'yesNo';
    case 'number':
    case 'integer':
      return 'number';
    case 'array': {
      const items = asObject(schema.items);
      if (isChoice(items)) return 'multipleChoice';
      return items.type === 'object' ? 'repeatingGroup' : 'other';
    }
    case 'object':
      return 'address';
    case 'string':
      if (isChoice(schema)) return 'singleChoice';
      if (schema.format === 'email') return 'email';
      if (schema.format === 'date') return 'date';
      if (options.multi === true) return 'longText';
      if (options.autocomplete === 'tel') return 'phone';
      return 'shortText';
    default:
      return 'other';
  }
}

export function fieldOf(
  definition: FormDefinitionDraft,
  element: Json,
  id: ElementId,
): FieldInfo | undefined {
  if (element.type !== 'Control' || typeof element.scope !== 'string') return undefined;
  const schema = asObject(definition.schema);
  const names = scopeToNames(element.scope) ?? [];
  const property = (names.length > 0 && propertySchemaOf(schema, names)) || {};
  const options = asObject(element.options);
  const name = names[names.length - 1] ?? element.scope.split('/').pop() ?? '';
  const parent = names.length > 0 ? parentSchemaOf(schema, names) : undefined;
  const label =
    typeof element.label === 'string'
      ? element.label
      : ((property.title as string | undefined) ?? humanise(name));
  return {
    id,
    scope: element.scope,
    names,
    path: typeof element.i18n === 'string' ? element.i18n : names.join('.'),
    label,
    description: typeof property.description === 'string' ? property.description : '',
    required: Array.isArray(parent?.required) && parent.required.includes(name),
    type: fieldTypeOf(property, options),
    schema: property,
    options,
  };
}

function kindOf(element: Json): OutlineKind {
  switch (element.type) {
    case 'Control':
      return 'field';
    case 'Group':
      return 'section';
    case 'Label':
      return 'text';
    case 'Category':
      return 'step';
    case 'Categorization':
      return 'steps';
    default:
      return isContainer(element) ? 'layout' : 'other';
  }
}

const textOf = (element: Json) =>
  typeof element.label === 'string' ? element.label : typeof element.text === 'string' ? element.text : '';

/** The root layout's elements as a tree the builder shows. */
export function outlineOf(definition: FormDefinitionDraft): OutlineNode[] {
  const uischema = asObject(definition.uischema);
  const build = (element: Json, id: ElementId): OutlineNode => {
    const field = fieldOf(definition, element, id);
    return {
      id,
      kind: kindOf(element),
      label: field?.label ?? textOf(element),
      ...(field ? { field } : {}),
      children: childrenOf(element, id),
    };
  };
  // Indices count every entry of `elements`, so ids match ui-tree.ts even around malformed entries.
  const childrenOf = (element: Json, id: ElementId): OutlineNode[] =>
    (Array.isArray(element.elements) ? element.elements : []).flatMap((c: unknown, i) =>
      isObject(c) ? [build(c, id === '' ? String(i) : `${id}.${i}`)] : [],
    );
  if (!isContainer(uischema)) return Object.keys(uischema).length > 0 ? [build(uischema, '0')] : [];
  return childrenOf(uischema, '');
}

/** Every Control of the form in UI order. */
export function listFields(definition: FormDefinitionDraft): FieldInfo[] {
  const out: FieldInfo[] = [];
  const visit = (nodes: readonly OutlineNode[]) => {
    for (const node of nodes) {
      if (node.field) out.push(node.field);
      visit(node.children);
    }
  };
  visit(outlineOf(definition));
  return out;
}

export const findField = (definition: FormDefinitionDraft, id: ElementId) =>
  listFields(definition).find((f) => f.id === id);
