import type { FormDefinition } from '../contracts/form-definition.ts';

/*
 * Forms written before the documents became the default language's text keep that language in
 * `translations[defaultLocale]` (the shipped forms/*.json do). The editor shows and edits the
 * documents, so an admin would see "First name" and change a title the old translation still
 * overrides. When such a version becomes a draft, its default-language translations move into
 * the documents where the place is unambiguous: a Control's label (its own `label`, else the
 * property's `title`) and description, a layout's label, a Label's text, and the options of a
 * string enum (which become `oneOf` const + title, JSON Forms' way of naming options). What has no
 * unambiguous place stays in `translations`, where it still overrides, as before. Pure.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const decode = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

interface Place {
  /** The schema the scope resolves against (the root, or an array's items in a detail). */
  readonly base: Json;
  /** The data path of `base`, without array indices. */
  readonly prefix: string;
}

/** The property schema a `#/properties/a/properties/b` scope points at, and its data path. */
function resolveScope(place: Place, scope: string): { schema: Json; path: string } | undefined {
  if (!scope.startsWith('#/')) return undefined;
  const segments = scope.slice(2).split('/').map(decode);
  let node: unknown = place.base;
  const names: string[] = [];
  for (let index = 0; index < segments.length; index += 2) {
    if (segments[index] !== 'properties' || !isObject(node) || !isObject(node.properties)) return undefined;
    const name = segments[index + 1] as string;
    node = node.properties[name];
    names.push(name);
  }
  if (!isObject(node) || typeof node.$ref === 'string') return undefined;
  return { schema: node, path: [place.prefix, ...names].filter(Boolean).join('.') };
}

class Folder {
  constructor(private readonly texts: Record<string, string>) {}

  /** Takes the text of a key out of the default language's translations. */
  take(key: string): string | undefined {
    if (!Object.hasOwn(this.texts, key)) return undefined;
    const text = this.texts[key];
    delete this.texts[key];
    return text;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.texts, key);
  }

  element(element: unknown, place: Place): void {
    if (!isObject(element) || typeof element.type !== 'string') return;
    const i18n = typeof element.i18n === 'string' ? element.i18n : undefined;
    if (element.type === 'Control' && typeof element.scope === 'string') {
      this.control(element, place, i18n);
      return;
    }
    if (element.type === 'Label') {
      const text = i18n
        ? this.take(`${i18n}.text`)
        : typeof element.text === 'string'
          ? this.take(element.text)
          : undefined;
      if (text !== undefined) element.text = text;
      return;
    }
    if (element.label !== false) {
      const key = i18n ? `${i18n}.label` : typeof element.label === 'string' ? element.label : undefined;
      const text = key === undefined ? undefined : this.take(key);
      if (text !== undefined) element.label = text;
    }
    if (Array.isArray(element.elements)) for (const child of element.elements) this.element(child, place);
  }

  private control(element: Json, place: Place, i18n: string | undefined): void {
    const found = resolveScope(place, element.scope as string);
    if (!found) return;
    const { schema, path } = found;
    const prefix = i18n ?? (typeof schema.i18n === 'string' ? schema.i18n : path);
    const label = this.take(`${prefix}.label`);
    if (label !== undefined) {
      if (typeof element.label === 'string') element.label = label;
      schema.title = label;
    }
    const description = this.take(`${prefix}.description`);
    if (description !== undefined) schema.description = description;
    this.options(schema, prefix);
    const items = isObject(schema.items) ? schema.items : undefined;
    if (items) this.options(items, prefix);
    const detail = isObject(element.options) ? element.options.detail : undefined;
    if (items && isObject(detail)) this.element(detail, { base: items, prefix: path });
  }

  /** A string enum whose every value has a text becomes oneOf const + title (same answers). */
  private options(schema: Json, prefix: string): void {
    const values = schema.enum;
    if (!Array.isArray(values) || values.length === 0) return;
    if (!values.every((value) => typeof value === 'string' && this.has(`${prefix}.${value}`))) return;
    schema.oneOf = (values as string[]).map((value) => ({
      const: value,
      title: this.take(`${prefix}.${value}`) as string,
    }));
    delete schema.enum;
  }
}

/** A copy of the definition with its default-language translations moved into the documents. */
export function foldDefaultTexts<
  T extends Pick<FormDefinition, 'defaultLocale' | 'schema' | 'uischema' | 'translations'>,
>(definition: T): T {
  const own = definition.translations?.[definition.defaultLocale];
  if (!own || Object.keys(own).length === 0) return definition;
  const copy = structuredClone(definition);
  const texts = copy.translations[copy.defaultLocale] as Record<string, string>;
  new Folder(texts).element(copy.uischema, { base: copy.schema, prefix: '' });
  // Enum option texts of the other languages keep their keys: JSON Forms keys a oneOf option by
  // its title, so they move to the new key.
  renameOptionKeys(copy);
  if (Object.keys(texts).length === 0) delete copy.translations[copy.defaultLocale];
  return copy;
}

/**
 * JSON Forms looks up a oneOf option as `<prefix>.<title>`, an enum option as `<prefix>.<value>`:
 * after an enum became oneOf, other languages' option texts move from the value to the title.
 */
function renameOptionKeys(
  definition: Pick<FormDefinition, 'schema' | 'uischema' | 'translations' | 'defaultLocale'>,
): void {
  const renames = new Map<string, string>();
  const visit = (node: unknown, path: string) => {
    if (!isObject(node)) return;
    for (const target of [node, isObject(node.items) ? node.items : undefined]) {
      if (!target || !Array.isArray(target.oneOf)) continue;
      for (const option of target.oneOf) {
        if (isObject(option) && typeof option.const === 'string' && typeof option.title === 'string')
          renames.set(`${path}.${option.const}`, `${path}.${option.title}`);
      }
    }
    const properties = isObject(node.properties)
      ? node.properties
      : isObject(node.items) && isObject(node.items.properties)
        ? node.items.properties
        : undefined;
    if (properties)
      for (const [name, child] of Object.entries(properties)) visit(child, path ? `${path}.${name}` : name);
  };
  visit(definition.schema, '');
  for (const [locale, texts] of Object.entries(definition.translations)) {
    if (locale === definition.defaultLocale) continue;
    for (const [from, to] of renames) {
      if (from === to || !Object.hasOwn(texts, from) || Object.hasOwn(texts, to)) continue;
      texts[to] = texts[from] as string;
      delete texts[from];
    }
  }
}
