import { defaultTextsFor } from './defaults.ts';
import { fieldOf } from './fields.ts';
import { asObject, isObject, namesToScope, parentSchemaOf, uniqueName } from './json.ts';
import { conditionUses, ifThenUses } from './rules.ts';
import type { EditResult, ElementId, FormDefinitionDraft, Json, Slot } from './types.ts';
import {
  cloneDefinition,
  elementAt,
  elementsOf,
  idOf,
  insertAt,
  isWithin,
  parentOf,
  removeAt,
  walk,
} from './ui-tree.ts';

type Draft = ReturnType<typeof cloneDefinition>;

function dropTranslations(draft: Draft, prefix: string) {
  for (const texts of Object.values(draft.translations))
    for (const key of Object.keys(texts)) if (key.startsWith(`${prefix}.`)) delete texts[key];
}

function dropRules(draft: Draft, scope: string) {
  for (const { element } of walk(draft.uischema))
    if (isObject(element.rule) && conditionUses(element.rule.condition, scope)) delete element.rule;
}

/** Removes a Control's property with everything that points at it: required, rules, if/then, texts. */
function dropField(draft: Draft, element: Json, id: ElementId) {
  const field = fieldOf(draft, element, id);
  if (!field || field.names.length === 0) return;
  const stillShown = [...walk(draft.uischema)].some(
    (e) => e.element.type === 'Control' && e.element.scope === field.scope,
  );
  if (stillShown) return;
  const parent = parentSchemaOf(draft.schema, field.names);
  const name = field.names[field.names.length - 1] as string;
  if (parent) {
    delete asObject(parent.properties)[name];
    if (Array.isArray(parent.required)) {
      parent.required = parent.required.filter((n) => n !== name);
      if ((parent.required as unknown[]).length === 0) delete parent.required;
    }
  }
  if (Array.isArray(draft.schema.allOf)) {
    draft.schema.allOf = draft.schema.allOf.filter((e) => !ifThenUses(e, field.names));
    if ((draft.schema.allOf as unknown[]).length === 0) delete draft.schema.allOf;
  }
  dropRules(draft, field.scope);
  dropTranslations(draft, field.path);
}

export function removeElement(definition: FormDefinitionDraft, id: ElementId): FormDefinitionDraft {
  const draft = cloneDefinition(definition);
  const removed = removeAt(draft.uischema, id);
  for (const { element, id: inner } of [{ element: removed, id }, ...walk(removed, id)]) {
    if (element.type === 'Control') dropField(draft, element, inner);
    else if (typeof element.i18n === 'string') dropTranslations(draft, element.i18n);
  }
  return draft;
}

/** A copy of an element and, for each Control in it, of its property under a new name. */
function copyElement(draft: Draft, element: Json, copyWord: string): Json {
  const copy = structuredClone(element);
  const controls = [copy, ...[...walk(copy)].map((e) => e.element)].filter((e) => e.type === 'Control');
  for (const control of controls) {
    const field = fieldOf(draft, control, '');
    const parent = field && field.names.length > 0 ? parentSchemaOf(draft.schema, field.names) : undefined;
    if (!field || !parent) continue;
    const properties = asObject(parent.properties);
    const oldName = field.names[field.names.length - 1] as string;
    const newName = uniqueName(`${oldName}Copy`, Object.keys(properties));
    const property = structuredClone(asObject(properties[oldName]));
    property.title = `${field.label} (${copyWord})`;
    properties[newName] = property;
    if (field.required) parent.required = [...(parent.required as string[]), newName];
    const names = [...field.names.slice(0, -1), newName];
    control.scope = namesToScope(names);
    if (typeof control.label === 'string') control.label = property.title;
    const newPath = names.join('.');
    for (const texts of Object.values(draft.translations))
      for (const [key, text] of Object.entries(texts))
        if (key.startsWith(`${field.path}.`)) texts[`${newPath}${key.slice(field.path.length)}`] = text;
  }
  return copy;
}

export function duplicateElement(definition: FormDefinitionDraft, id: ElementId): EditResult {
  const draft = cloneDefinition(definition);
  const element = elementAt(draft.uischema, id);
  if (!element || id === '') return { definition, id };
  const copy = copyElement(draft, element, defaultTextsFor(draft.defaultLocale).copy);
  const { parent, index } = parentOf(id);
  return { definition: draft, id: insertAt(draft.uischema, { parent, index: index + 1 }, copy) };
}

/** Steps live only directly in a Categorization, and a Categorization holds only steps. */
export function canPlace(definition: FormDefinitionDraft, id: ElementId, slot: Slot): boolean {
  const { uischema } = cloneDefinition(definition);
  const element = elementAt(uischema, id);
  const parent = elementAt(uischema, slot.parent);
  if (!element || !parent || id === '' || isWithin(slot.parent, id)) return false;
  return (element.type === 'Category') === (parent.type === 'Categorization');
}

/** Moves an element to a slot given as it is before the move. */
export function moveElement(definition: FormDefinitionDraft, id: ElementId, slot: Slot): EditResult {
  if (!canPlace(definition, id, slot)) return { definition, id };
  const draft = cloneDefinition(definition);
  const from = parentOf(id);
  const element = removeAt(draft.uischema, id);
  // Removing the element shifts later siblings and the containers after it by one.
  const parent = shiftAfterRemoval(slot.parent, from);
  const index = parent === from.parent && slot.index > from.index ? slot.index - 1 : slot.index;
  return { definition: draft, id: insertAt(draft.uischema, { parent, index }, element) };
}

function shiftAfterRemoval(target: ElementId, removed: Slot): ElementId {
  const prefix = removed.parent === '' ? [] : removed.parent.split('.');
  const parts = target === '' ? [] : target.split('.');
  if (parts.length <= prefix.length || prefix.some((p, i) => parts[i] !== p)) return target;
  const at = prefix.length;
  if (Number(parts[at]) > removed.index) parts[at] = String(Number(parts[at]) - 1);
  return parts.join('.');
}

/**
 * One step up or down in reading order, as the move buttons do: past a neighbour, into a section
 * or step it meets, or out of the section it is at the edge of.
 */
export function moveBy(definition: FormDefinitionDraft, id: ElementId, direction: -1 | 1): EditResult {
  const { uischema } = cloneDefinition(definition);
  const { parent, index } = parentOf(id);
  const element = elementAt(uischema, id);
  const container = elementAt(uischema, parent);
  if (!element || !container) return { definition, id };
  const siblings = elementsOf(container);
  const neighbourIndex = index + direction;
  const neighbour = siblings[neighbourIndex];
  const isStep = element.type === 'Category';
  if (neighbour && !isStep && Array.isArray(neighbour.elements) && neighbour.type !== 'Categorization') {
    const into = idOf(parent, neighbourIndex);
    return moveElement(definition, id, {
      parent: into,
      index: direction < 0 ? elementsOf(neighbour).length : 0,
    });
  }
  if (neighbour)
    return moveElement(definition, id, {
      parent,
      index: direction < 0 ? neighbourIndex : neighbourIndex + 1,
    });
  if (parent === '') return { definition, id };
  const outer = parentOf(parent);
  if (container.type === 'Category') {
    // At the edge of a step: into the neighbouring step, if there is one.
    const steps = elementsOf(elementAt(uischema, outer.parent) ?? {});
    const next = steps[outer.index + direction];
    if (!next) return { definition, id };
    const stepId = idOf(outer.parent, outer.index + direction);
    return moveElement(definition, id, {
      parent: stepId,
      index: direction < 0 ? elementsOf(next).length : 0,
    });
  }
  return moveElement(definition, id, {
    parent: outer.parent,
    index: direction < 0 ? outer.index : outer.index + 1,
  });
}

/** Puts an element into a new section (Group) in its place. */
export function wrapInSection(definition: FormDefinitionDraft, id: ElementId, label?: string): EditResult {
  const draft = cloneDefinition(definition);
  const element = elementAt(draft.uischema, id);
  if (!element || id === '' || element.type === 'Category') return { definition, id };
  const { parent, index } = parentOf(id);
  removeAt(draft.uischema, id);
  const group = {
    type: 'Group',
    label: label ?? defaultTextsFor(draft.defaultLocale).section,
    elements: [element],
  };
  return { definition: draft, id: insertAt(draft.uischema, { parent, index }, group) };
}
