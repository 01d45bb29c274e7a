import { asObject, isObject } from './json.ts';
import type { ElementId, FormDefinitionDraft, Json, Slot } from './types.ts';

/*
 * The UI schema as a tree of elements addressed by ElementId. Every operation works on a
 * structuredClone of the definition: forms are small, and the caller's object stays untouched.
 */

export const containerTypes = ['VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category'];

export const isContainer = (element: Json) =>
  containerTypes.includes(element.type as string) || Array.isArray(element.elements);

export const elementsOf = (element: Json): Json[] =>
  Array.isArray(element.elements) ? (element.elements.filter(isObject) as Json[]) : [];

export const idOf = (parent: ElementId, index: number): ElementId =>
  parent === '' ? String(index) : `${parent}.${index}`;

export function parentOf(id: ElementId): Slot {
  const parts = id.split('.');
  const index = Number(parts.pop());
  return { parent: parts.join('.'), index };
}

export function cloneDefinition(definition: FormDefinitionDraft): FormDefinitionDraft & {
  schema: Json;
  uischema: Json;
  translations: Record<string, Record<string, string>>;
} {
  const copy = structuredClone(definition);
  return {
    ...copy,
    schema: asObject(copy.schema),
    uischema: rootLayout(asObject(copy.uischema)),
    translations: copy.translations ?? {},
  };
}

/** A UI schema that is not a layout (a lone Control, or nothing yet) becomes one so fields can be added. */
function rootLayout(uischema: Json): Json {
  if (isContainer(uischema)) {
    if (!Array.isArray(uischema.elements)) uischema.elements = [];
    return uischema;
  }
  const hasContent = Object.keys(uischema).length > 0;
  return { type: 'VerticalLayout', elements: hasContent ? [uischema] : [] };
}

export function elementAt(root: Json, id: ElementId): Json | undefined {
  if (id === '') return root;
  let current: Json | undefined = root;
  for (const part of id.split('.')) {
    if (!current || !Array.isArray(current.elements)) return undefined;
    const next: unknown = current.elements[Number(part)];
    current = isObject(next) ? next : undefined;
  }
  return current;
}

export function insertAt(root: Json, slot: Slot, element: Json): ElementId {
  const parent = elementAt(root, slot.parent);
  if (!parent) throw new Error(`no element ${slot.parent}`);
  if (!Array.isArray(parent.elements)) parent.elements = [];
  const list = parent.elements as unknown[];
  const index = Math.max(0, Math.min(slot.index, list.length));
  list.splice(index, 0, element);
  return idOf(slot.parent, index);
}

export function removeAt(root: Json, id: ElementId): Json {
  const { parent, index } = parentOf(id);
  const list = elementAt(root, parent)?.elements;
  if (!Array.isArray(list) || !isObject(list[index])) throw new Error(`no element ${id}`);
  return list.splice(index, 1)[0] as Json;
}

/** Every element below `element` in document order, with its id. */
export function* walk(element: Json, id: ElementId = ''): Generator<{ element: Json; id: ElementId }> {
  const list = Array.isArray(element.elements) ? element.elements : [];
  for (let i = 0; i < list.length; i++) {
    const childElement: unknown = list[i];
    if (!isObject(childElement)) continue;
    const childId = idOf(id, i);
    yield { element: childElement, id: childId };
    yield* walk(childElement, childId);
  }
}

/** Whether `id` lies inside (or is) `ancestor`. */
export const isWithin = (id: ElementId, ancestor: ElementId) =>
  ancestor === '' || id === ancestor || id.startsWith(`${ancestor}.`);
