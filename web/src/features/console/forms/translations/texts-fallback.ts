import type { DraftDefinition, FormText } from './form-text.ts';

/*
 * Stand-in for formTexts() of functions/shared/domain/form-texts.ts until that lands: the texts of
 * a form as JSON Forms asks for them (keys as documented in form-validation.ts). It covers the
 * common shapes (controls, nested objects, arrays, enums, oneOf options, layouts, Labels); the
 * shared module is the reference.
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asString = (value: unknown) => (typeof value === 'string' ? value : undefined);

const startCase = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .replace(/^./, (first) => first.toUpperCase());

/** `#/properties/a/properties/b` -> schema of b and data path `a.b`. */
function resolveScope(root: Json, scope: string): { schema?: Json; path: string } {
  const parts = scope.replace(/^#\/?/, '').split('/').filter(Boolean);
  let schema: unknown = root;
  const path: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as string;
    if (!isObject(schema)) return { path: path.join('.') };
    if (part === 'properties' && index + 1 < parts.length) {
      const name = parts[++index] as string;
      path.push(name);
      schema = isObject(schema.properties) ? schema.properties[name] : undefined;
    } else {
      schema = schema[part];
    }
  }
  return { schema: isObject(schema) ? schema : undefined, path: path.join('.') };
}

class Collector {
  readonly texts: FormText[] = [];
  private readonly seen = new Set<string>();
  add(text: FormText) {
    if (!text.text || this.seen.has(text.key)) return;
    this.seen.add(text.key);
    this.texts.push(text);
  }
}

function options(out: Collector, schema: Json, prefix: string, label: string) {
  const values = Array.isArray(schema.enum)
    ? schema.enum
    : isObject(schema.items) && Array.isArray(schema.items.enum)
      ? schema.items.enum
      : undefined;
  for (const value of values ?? []) {
    const name = typeof value === 'string' ? value : JSON.stringify(value);
    out.add({ key: `${prefix}.${name}`, text: name, kind: 'option', where: `Option of '${label}'` });
  }
  const oneOf = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : isObject(schema.items) && Array.isArray(schema.items.oneOf)
      ? schema.items.oneOf
      : [];
  for (const entry of oneOf) {
    if (!isObject(entry) || entry.const === undefined) continue;
    const title = asString(entry.title) ?? String(entry.const);
    const key = asString(entry.i18n) ?? `${prefix}.${title}`;
    out.add({ key, text: title, kind: 'option', where: `Option of '${label}'` });
  }
}

function field(out: Collector, schema: Json, path: string, uiLabel?: string, uiI18n?: string) {
  const prefix = uiI18n ?? asString(schema.i18n) ?? (path || 'root');
  const name = path.split('.').at(-1) ?? path;
  const label = uiLabel ?? asString(schema.title) ?? startCase(name);
  out.add({ key: `${prefix}.label`, text: label, kind: 'label', where: `Field '${label}' (${path})` });
  const description = asString(schema.description);
  if (description)
    out.add({
      key: `${prefix}.description`,
      text: description,
      kind: 'description',
      where: `Help of '${label}'`,
    });
  options(out, schema, prefix, label);
  // Nested objects and lists of objects render their own fields from the schema.
  const inner = isObject(schema.properties)
    ? schema.properties
    : isObject(schema.items) && isObject(schema.items.properties)
      ? schema.items.properties
      : undefined;
  for (const [child, childSchema] of Object.entries(inner ?? {}))
    if (isObject(childSchema)) field(out, childSchema, `${path}.${child}`);
}

function element(out: Collector, root: Json, ui: unknown) {
  if (!isObject(ui)) return;
  const type = asString(ui.type);
  const i18n = asString(ui.i18n);
  if (type === 'Control' && typeof ui.scope === 'string') {
    const { schema, path } = resolveScope(root, ui.scope);
    if (schema) field(out, schema, path, asString(ui.label), i18n);
  } else if (type === 'Label' && typeof ui.text === 'string') {
    out.add({ key: i18n ? `${i18n}.text` : ui.text, text: ui.text, kind: 'label-element', where: 'Text' });
  } else if (typeof ui.label === 'string' && ui.label) {
    out.add({
      key: i18n ? `${i18n}.label` : ui.label,
      text: ui.label,
      kind: 'layout',
      where: `${type === 'Category' ? 'Step' : 'Section'} '${ui.label}'`,
    });
  }
  if (Array.isArray(ui.elements)) for (const child of ui.elements) element(out, root, child);
}

export function formTextsFallback(definition: DraftDefinition): FormText[] {
  const out = new Collector();
  const main = definition.defaultLocale ?? 'de';
  const title = definition.title?.[main];
  out.add({ key: 'title', text: title ?? definition.slug ?? '', kind: 'title', where: 'Form title' });
  const description = definition.description?.[main];
  if (description)
    out.add({ key: 'description', text: description, kind: 'title', where: 'Form description' });
  const consent = definition.consent?.text?.[main];
  if (consent) out.add({ key: 'consent.text', text: consent, kind: 'consent', where: 'Consent text' });
  const schema = isObject(definition.schema) ? definition.schema : {};
  element(out, schema, definition.uischema);
  return out.texts;
}
