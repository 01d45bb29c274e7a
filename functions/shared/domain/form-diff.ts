import type { FormDefinition } from '../contracts/form-definition.ts';
import type { FormDiff } from '../contracts/form-editor.ts';
import { type FormField, formFields, scopeToPath } from './form-fields.ts';

type Json = Record<string, unknown>;
type Side = FormDiff['from'];
/** A definition as the diff reads it: drafts may be incomplete, so every part is optional. */
export type DiffableDefinition = Partial<FormDefinition> & Json;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with sorted keys, so two equal documents compare equal whatever their key order. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  ) ?? 'undefined';

/**
 * The default-language texts the documents themselves hold, by JSON Forms i18n key: labels and
 * titles, descriptions, option texts, layout labels and Label texts. (The shared text model;
 * `form-texts.ts` lists the same texts with their kind and place.)
 */
export function documentTexts(definition: DiffableDefinition): Record<string, string> {
  const texts: Record<string, string> = {};
  const fieldsByPath = new Map(safeFields(definition).map((field) => [field.path, field]));
  const visitSchema = (schema: Json, prefix: string) => {
    for (const [name, child] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      if (!isObject(child)) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      if (typeof child.title === 'string') texts[`${path}.label`] = child.title;
      if (typeof child.description === 'string') texts[`${path}.description`] = child.description;
      const choice = isObject(child.items) ? child.items : child;
      if (Array.isArray(choice.enum))
        for (const value of choice.enum) texts[`${path}.${String(value)}`] = String(value);
      for (const entry of (choice.oneOf ?? []) as unknown[]) {
        if (isObject(entry) && 'const' in entry && typeof entry.title === 'string')
          texts[`${path}.${entry.title}`] = entry.title;
      }
      if (isObject(child.properties)) visitSchema(child, path);
      if (isObject(child.items) && isObject(child.items.properties)) visitSchema(child.items, path);
    }
  };
  const visitUi = (element: unknown) => {
    if (!isObject(element)) return;
    const i18n = typeof element.i18n === 'string' ? element.i18n : undefined;
    if (element.type === 'Control') {
      const path = scopeToPath(element.scope);
      if (path !== undefined && typeof element.label === 'string' && fieldsByPath.has(path))
        texts[`${i18n ?? path}.label`] = element.label;
    } else if (element.type === 'Label' && typeof element.text === 'string') {
      texts[i18n ? `${i18n}.text` : element.text] = element.text;
    } else if (typeof element.label === 'string') {
      texts[i18n ? `${i18n}.label` : element.label] = element.label;
    }
    for (const child of (element.elements as unknown[] | undefined) ?? []) visitUi(child);
  };
  if (isObject(definition.schema)) visitSchema(definition.schema, '');
  visitUi(definition.uischema);
  return texts;
}

function safeFields(definition: DiffableDefinition): FormField[] {
  return formFields({
    schema: isObject(definition.schema) ? definition.schema : {},
    uischema: isObject(definition.uischema) ? definition.uischema : {},
    translations: isObject(definition.translations)
      ? (definition.translations as FormDefinition['translations'])
      : {},
    defaultLocale: typeof definition.defaultLocale === 'string' ? definition.defaultLocale : '',
  });
}

/** Every text of the form per locale: the documents' for the default language, plus translations. */
export function textsByLocale(definition: DiffableDefinition): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  const add = (locale: string, key: string, text: unknown) => {
    if (typeof text !== 'string') return;
    result[locale] ??= {};
    (result[locale] as Record<string, string>)[key] = text;
  };
  const defaultLocale = typeof definition.defaultLocale === 'string' ? definition.defaultLocale : undefined;
  if (defaultLocale)
    for (const [key, text] of Object.entries(documentTexts(definition))) add(defaultLocale, key, text);
  const translations = isObject(definition.translations) ? definition.translations : {};
  for (const [locale, texts] of Object.entries(translations))
    for (const [key, text] of Object.entries(isObject(texts) ? texts : {})) add(locale, key, text);
  const perLocale = (key: string, texts: unknown) => {
    for (const [locale, text] of Object.entries(isObject(texts) ? texts : {})) add(locale, key, text);
  };
  perLocale('title', definition.title);
  perLocale('description', definition.description);
  perLocale('consent.text', isObject(definition.consent) ? definition.consent.text : undefined);
  return result;
}

const describeValue = (value: unknown) => (value === undefined ? '–' : String(value));

/** What changed in one field, for a person: `type: string → number`, `required`, `options: -b +c`. */
export function fieldChanges(before: FormField, after: FormField): string[] {
  const changes: string[] = [];
  if (before.label !== after.label) changes.push(`label: ${before.label} → ${after.label}`);
  if (before.type !== after.type) changes.push(`type: ${before.type} → ${after.type}`);
  if (before.required !== after.required) changes.push(after.required ? 'required' : 'no longer required');
  const oldOptions = before.options ?? [];
  const newOptions = after.options ?? [];
  const removed = oldOptions.filter((option) => !newOptions.includes(option));
  const added = newOptions.filter((option) => !oldOptions.includes(option));
  if (removed.length || added.length)
    changes.push(`options: ${[...removed.map((o) => `-${o}`), ...added.map((o) => `+${o}`)].join(' ')}`);
  const keywords = new Set([...Object.keys(before.limits), ...Object.keys(after.limits)]);
  for (const keyword of [...keywords].sort()) {
    const from = before.limits[keyword];
    const to = after.limits[keyword];
    if (from !== to) changes.push(`${keyword}: ${describeValue(from)} → ${describeValue(to)}`);
  }
  if (before.pattern !== after.pattern)
    changes.push(`pattern: ${describeValue(before.pattern)} → ${describeValue(after.pattern)}`);
  if (before.rule !== after.rule)
    changes.push(`rule: ${describeValue(before.rule)} → ${describeValue(after.rule)}`);
  return changes;
}

const describeField = (field: FormField): string[] => [
  `type: ${field.type}`,
  ...(field.required ? ['required'] : []),
  ...(field.options ? [`options: ${field.options.join(', ')}`] : []),
];

/** The layout without its texts: a reorder or regrouping shows here, a relabelling does not. */
const layoutShape = (element: unknown): unknown => {
  if (!isObject(element)) return element;
  const { label: _label, text: _text, elements, ...rest } = element;
  return { ...rest, ...(Array.isArray(elements) ? { elements: elements.map(layoutShape) } : {}) };
};

const OTHER_PARTS = [
  'slug',
  'defaultLocale',
  'locales',
  'workflow',
  'retentionDays',
  'settings',
  'availability',
  'confirmation',
] as const;

function otherChanges(from: DiffableDefinition, to: DiffableDefinition): FormDiff['other'] {
  const other: FormDiff['other'] = [];
  for (const part of OTHER_PARTS)
    if (canonical(from[part]) !== canonical(to[part]))
      other.push({ part, before: from[part], after: to[part] });
  const consentOf = (definition: DiffableDefinition) => {
    const { text: _text, ...rest } = isObject(definition.consent) ? definition.consent : {};
    return rest;
  };
  if (canonical(consentOf(from)) !== canonical(consentOf(to)))
    other.push({ part: 'consent', before: consentOf(from), after: consentOf(to) });
  if (canonical(layoutShape(from.uischema)) !== canonical(layoutShape(to.uischema)))
    other.push({ part: 'layout', before: layoutShape(from.uischema), after: layoutShape(to.uischema) });
  return other;
}

function textChanges(from: DiffableDefinition, to: DiffableDefinition): FormDiff['texts'] {
  const before = textsByLocale(from);
  const after = textsByLocale(to);
  const texts: FormDiff['texts'] = {};
  for (const locale of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[locale] ?? {};
    const now = after[locale] ?? {};
    const changes = [...new Set([...Object.keys(old), ...Object.keys(now)])]
      .sort()
      .filter((key) => old[key] !== now[key])
      .map((key) => ({
        key,
        ...(old[key] === undefined ? {} : { before: old[key] }),
        ...(now[key] === undefined ? {} : { after: now[key] }),
      }));
    if (changes.length) texts[locale] = changes;
  }
  return texts;
}

/** A readable, semantic diff of two definitions: fields by data path, texts per locale, other parts. */
export function diffForms(
  from: { side: Side; definition: DiffableDefinition },
  to: { side: Side; definition: DiffableDefinition },
): FormDiff {
  const oldFields = new Map(safeFields(from.definition).map((field) => [field.path, field]));
  const newFields = new Map(safeFields(to.definition).map((field) => [field.path, field]));
  const added = [...newFields.values()]
    .filter((field) => !oldFields.has(field.path))
    .map((field) => ({ path: field.path, label: field.label, changes: describeField(field) }));
  const removed = [...oldFields.values()]
    .filter((field) => !newFields.has(field.path))
    .map((field) => ({ path: field.path, label: field.label, changes: describeField(field) }));
  const changed = [...newFields.values()].flatMap((field) => {
    const old = oldFields.get(field.path);
    const changes = old ? fieldChanges(old, field) : [];
    return changes.length ? [{ path: field.path, label: field.label, changes }] : [];
  });
  return {
    from: from.side,
    to: to.side,
    fields: { added, removed, changed },
    texts: textChanges(from.definition, to.definition),
    other: otherChanges(from.definition, to.definition),
  };
}
