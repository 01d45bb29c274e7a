import { fieldOf } from './fields.ts';
import { asObject, child, parentSchemaOf, propertySchemaOf } from './json.ts';
import type { ElementId, FormDefinitionDraft, Json } from './types.ts';
import { cloneDefinition, elementAt } from './ui-tree.ts';

type Draft = ReturnType<typeof cloneDefinition>;

/** The selected Control's property schema in a fresh copy, to change in place. */
function withProperty(
  definition: FormDefinitionDraft,
  id: ElementId,
  change: (property: Json, draft: Draft, element: Json) => void,
): FormDefinitionDraft {
  const draft = cloneDefinition(definition);
  const element = elementAt(draft.uischema, id);
  const field = element && fieldOf(draft, element, id);
  const property = field && field.names.length > 0 ? propertySchemaOf(draft.schema, field.names) : undefined;
  if (!element || !property) return definition;
  change(property, draft, element);
  return draft;
}

const setOrDelete = (target: Json, key: string, value: unknown) => {
  if (value === undefined || value === '') delete target[key];
  else target[key] = value;
};

/** A layout's literal label is its own translation key: translations move along when it changes. */
function renameKey(draft: Draft, from: string, to: string) {
  for (const texts of Object.values(draft.translations)) {
    if (!(from in texts)) continue;
    const text = texts[from] as string;
    delete texts[from];
    if (to) texts[to] = text;
  }
}

/** The label in the form's default language: the schema title, or the layout's or Label's own text. */
export function setLabel(definition: FormDefinitionDraft, id: ElementId, text: string): FormDefinitionDraft {
  const draft = cloneDefinition(definition);
  const element = elementAt(draft.uischema, id);
  if (!element) return definition;
  if (element.type === 'Control') {
    return withProperty(definition, id, (property, _d, control) => {
      property.title = text;
      // A Control's own label would hide the title; keep the two the same text.
      if (typeof control.label === 'string') control.label = text;
    });
  }
  const key = element.type === 'Label' ? 'text' : 'label';
  const before = element[key];
  if (typeof element.i18n !== 'string' && typeof before === 'string') renameKey(draft, before, text);
  element[key] = text;
  return draft;
}

export const setDescription = (definition: FormDefinitionDraft, id: ElementId, text: string) =>
  withProperty(definition, id, (property) => setOrDelete(property, 'description', text));

export function setPlaceholder(
  definition: FormDefinitionDraft,
  id: ElementId,
  text: string,
): FormDefinitionDraft {
  const draft = cloneDefinition(definition);
  const element = elementAt(draft.uischema, id);
  if (element?.type !== 'Control') return definition;
  const options = child(element, 'options');
  setOrDelete(options, 'placeholder', text);
  if (Object.keys(options).length === 0) delete element.options;
  return draft;
}

export function setRequired(
  definition: FormDefinitionDraft,
  id: ElementId,
  required: boolean,
): FormDefinitionDraft {
  return withProperty(definition, id, (_property, draft, element) => {
    const field = fieldOf(draft, element, id);
    const parent = field && parentSchemaOf(draft.schema, field.names);
    const name = field?.names[field.names.length - 1];
    if (!parent || !name) return;
    const list = (Array.isArray(parent.required) ? parent.required : []).filter((n) => n !== name);
    if (required) list.push(name);
    if (list.length > 0) parent.required = list;
    else delete parent.required;
  });
}

export const limitKeys = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;
export type Limits = Partial<Record<(typeof limitKeys)[number], number>>;

export const setLimits = (definition: FormDefinitionDraft, id: ElementId, limits: Limits) =>
  withProperty(definition, id, (property) => {
    for (const key of limitKeys) if (key in limits) setOrDelete(property, key, limits[key]);
  });

/**
 * A pattern and the message a volunteer sees when the answer does not match it. The message in the
 * default language has no place in the documents, so it is `<path>.error.pattern` of that language.
 */
export function setPattern(
  definition: FormDefinitionDraft,
  id: ElementId,
  pattern: string,
  message: string,
): FormDefinitionDraft {
  return withProperty(definition, id, (property, draft, element) => {
    setOrDelete(property, 'pattern', pattern);
    const path = fieldOf(draft, element, id)?.path;
    const locale = draft.defaultLocale;
    if (!path || !locale) return;
    const texts = { ...draft.translations[locale] };
    setOrDelete(texts, `${path}.error.pattern`, pattern ? message : '');
    draft.translations[locale] = texts as Record<string, string>;
  });
}

export const patternMessageOf = (definition: FormDefinitionDraft, path: string) =>
  asObject(definition.translations?.[definition.defaultLocale ?? ''])[`${path}.error.pattern`] as
    | string
    | undefined;
