import { defaultTextsFor } from './defaults.ts';
import { asObject, child, nameFromLabel, uniqueName } from './json.ts';
import { type LibraryFieldLike, prepareLibraryField } from './library.ts';
import { newField } from './palette.ts';
import type { EditResult, ElementId, FormDefinitionDraft, Json, PaletteType, Slot } from './types.ts';
import { cloneDefinition, elementAt, elementsOf, idOf, insertAt, isContainer, parentOf } from './ui-tree.ts';

type Draft = ReturnType<typeof cloneDefinition>;

const isSteps = (uischema: Json) => uischema.type === 'Categorization';

/**
 * Where "add" puts a new element: into the selected section or step (at its end), else right after
 * the selected element, else at the end of the form (of its last step when it has steps).
 */
export function slotAfter(definition: FormDefinitionDraft, selected: ElementId | undefined): Slot {
  const { uischema } = cloneDefinition(definition);
  const element = selected === undefined ? undefined : elementAt(uischema, selected);
  if (selected !== undefined && selected !== '' && element) {
    if (isContainer(element) && element.type !== 'Categorization')
      return { parent: selected, index: elementsOf(element).length };
    const { parent, index } = parentOf(selected);
    return { parent, index: index + 1 };
  }
  const steps = elementsOf(uischema);
  if (isSteps(uischema) && steps.length > 0) {
    const last = steps.length - 1;
    return { parent: String(last), index: elementsOf(steps[last] as Json).length };
  }
  return { parent: '', index: steps.length };
}

/** Steps need a Categorization at the root: the form's elements so far become its first step. */
function ensureSteps(draft: Draft, label: (n: number) => string) {
  if (isSteps(draft.uischema)) return;
  const existing = elementsOf(draft.uischema);
  draft.uischema = {
    type: 'Categorization',
    elements: existing.length > 0 ? [{ type: 'Category', label: label(1), elements: existing }] : [],
  };
}

/** A field's slot must not be the Categorization itself: that only holds steps. */
function fieldSlot(draft: Draft, slot: Slot): Slot {
  const parent = elementAt(draft.uischema, slot.parent);
  if (parent?.type !== 'Categorization') return slot;
  const steps = elementsOf(parent);
  if (steps.length === 0) {
    insertAt(draft.uischema, { parent: slot.parent, index: 0 }, { type: 'Category', elements: [] });
    return { parent: idOf(slot.parent, 0), index: 0 };
  }
  const step = Math.max(0, Math.min(slot.index, steps.length) - 1);
  return { parent: idOf(slot.parent, step), index: elementsOf(steps[step] as Json).length };
}

function addProperty(draft: Draft, wanted: string, schema: Json, required: boolean): string {
  const properties = child(draft.schema, 'properties');
  if (!draft.schema.type) draft.schema.type = 'object';
  const name = uniqueName(wanted, Object.keys(properties));
  properties[name] = schema;
  if (required)
    draft.schema.required = [...((asObject(draft.schema).required as string[] | undefined) ?? []), name];
  return name;
}

export function addElement(
  definition: FormDefinitionDraft,
  type: PaletteType,
  slot: Slot,
  label?: string,
): EditResult {
  const draft = cloneDefinition(definition);
  const t = defaultTextsFor(draft.defaultLocale);
  const text = label ?? t[type];
  if (type === 'step') {
    ensureSteps(draft, (n) => `${t.step} ${n}`);
    const steps = elementsOf(draft.uischema).length;
    const index = slot.parent === '' ? slot.index : Number(slot.parent.split('.')[0]) + 1;
    const id = insertAt(
      draft.uischema,
      { parent: '', index },
      {
        type: 'Category',
        label: label ?? `${t.step} ${steps + 1}`,
        elements: [],
      },
    );
    return { definition: draft, id };
  }
  const at = fieldSlot(draft, slot);
  if (type === 'section') {
    const id = insertAt(draft.uischema, at, { type: 'Group', label: text, elements: [] });
    return { definition: draft, id };
  }
  if (type === 'text')
    return { definition: draft, id: insertAt(draft.uischema, at, { type: 'Label', text }) };
  const made = newField(type, text, t);
  if (!made) throw new Error(`unknown palette type ${type}`);
  const name = addProperty(draft, nameFromLabel(text), made.schema, made.required === true);
  const options = { ...made.options, ...(made.detail ? { detail: made.detail } : {}) };
  const control: Json = { type: 'Control', scope: `#/properties/${name}` };
  if (Object.keys(options).length > 0) control.options = options;
  return { definition: draft, id: insertAt(draft.uischema, at, control) };
}

/** Adds a library field with its texts: the default language's in the schema, the others as translations. */
export function addLibraryField(
  definition: FormDefinitionDraft,
  field: LibraryFieldLike,
  slot: Slot,
): EditResult {
  const draft = cloneDefinition(definition);
  const locales = draft.locales ?? [];
  const taken = Object.keys(asObject(draft.schema.properties));
  const prepared = prepareLibraryField(field, draft.defaultLocale ?? 'de', locales, taken);
  const name = addProperty(draft, prepared.name, prepared.schema, field.required);
  for (const [locale, texts] of Object.entries(prepared.translations))
    draft.translations[locale] = { ...draft.translations[locale], ...texts };
  const control: Json = { type: 'Control', scope: `#/properties/${name}` };
  if (field.options && Object.keys(field.options).length > 0)
    control.options = structuredClone(field.options);
  return { definition: draft, id: insertAt(draft.uischema, fieldSlot(draft, slot), control) };
}
