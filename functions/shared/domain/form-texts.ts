import {
  composePaths,
  createLabelDescriptionFrom,
  generateDefaultUISchema,
  type JsonSchema,
  Resolve,
  toDataPath,
  transformPathToI18nPrefix,
  type UISchemaElement,
} from '@jsonforms/core';
import type { FormDefinition } from '../contracts/form-definition.ts';
import type { FieldIssue } from './errors.ts';

/*
 * Every text of a form, found the way JSON Forms 3.8 finds it, with the i18n key it asks for and
 * the default-language text it falls back to (the documents themselves). The translations grid,
 * the diff and validation share this one walk. No AWS or ajv imports: the console loads it too.
 *
 * The walk follows what JSON Forms renders: the UI schema's elements; for a Control on an object
 * or a list of objects its `options.detail` or, without one, the UI schema JSON Forms generates
 * (`generateDefaultUISchema`); and each oneOf/anyOf/allOf alternative. A schema met again inside
 * itself (a folder in a folder's list) is not walked again: deeper levels have longer keys, which
 * fall back to the default-language text.
 */

export type FormTextKind =
  | 'label'
  | 'description'
  | 'option'
  | 'layout'
  | 'label-element'
  | 'title'
  | 'consent';

export interface FormText {
  /** The JSON Forms i18n key; `title`, `description` and `consent.text` for the form's own texts. */
  key: string;
  /** The text in the form's default language; empty when the element has only an i18n key. */
  text: string;
  /** `title` is the form's title and its description (keys `title`, `description`). */
  kind: FormTextKind;
  /** Where a person finds it, such as "Field 'E-Mail' (email)". */
  where: string;
}

export interface UiWalk {
  texts: FormText[];
  /** Data paths (array indices left out) that a Control shows, generated ones included. */
  controls: Set<string>;
  /** Controls rendered, generated ones included. */
  fields: number;
  issues: FieldIssue[];
}

type Json = Record<string, unknown>;

interface Context {
  root: Json;
  /** What scopes resolve against: the root, an object's schema or a list's items. */
  base: Json;
  dataPrefix: string;
  baseName: string;
  /** Schemas whose fields are being walked, to stop at recursion. */
  expanding: ReadonlySet<object>;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const layoutTypes: Record<string, string> = {
  VerticalLayout: 'Layout',
  HorizontalLayout: 'Row',
  Group: 'Section',
  Categorization: 'Steps',
  Category: 'Step',
};

/** Element types the public page renders; anything else would show "No applicable renderer". */
export const uiElementTypes = ['Control', 'ListWithDetail', 'Label', ...Object.keys(layoutTypes)];

const maxWalkedFields = 5000;
const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const optionLabel = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

class Walker {
  readonly result: UiWalk = { texts: [], controls: new Set(), fields: 0, issues: [] };
  private readonly keys = new Set<string>();

  constructor(private readonly maxFields: number) {}

  add(text: FormText): void {
    if (this.keys.has(text.key)) return;
    this.keys.add(text.key);
    this.result.texts.push(text);
  }

  issue(field: string, message: string): void {
    this.result.issues.push({ field, message });
  }

  element(element: unknown, uiPath: string, context: Context): void {
    if (this.result.fields > this.maxFields) return;
    if (!isObject(element)) {
      this.issue(uiPath, 'must be a UI schema element (an object with a type)');
      return;
    }
    const { type } = element;
    if (typeof type !== 'string') {
      this.issue(`${uiPath}.type`, 'is missing: every UI schema element has a type');
      return;
    }
    if (isObject(element.options) && element.options.i18n !== undefined) {
      this.issue(
        `${uiPath}.options.i18n`,
        'is not read by JSON Forms; put the i18n key on the element itself (`"i18n": "..."`)',
      );
    }
    if (element.rule !== undefined) this.rule(element.rule, `${uiPath}.rule`, context);
    if (type === 'Control' || type === 'ListWithDetail') this.control(element, uiPath, context);
    else if (type === 'Label') this.label(element);
    else if (type in layoutTypes) this.layout(element, type, uiPath, context);
    else {
      this.issue(
        `${uiPath}.type`,
        `"${type}" is not an element the form page can render; use one of ${uiElementTypes.join(', ')}`,
      );
    }
  }

  private label(element: Json): void {
    const text = typeof element.text === 'string' ? element.text : '';
    const key = typeof element.i18n === 'string' ? `${element.i18n}.text` : text;
    if (key) this.add({ key, text, kind: 'label-element', where: `Text '${short(text || key)}'` });
  }

  private layout(element: Json, type: string, uiPath: string, context: Context): void {
    // deriveLabelForUISchemaElement: a label needs a text or an i18n key, and `false` hides it.
    const i18n = typeof element.i18n === 'string' ? element.i18n : undefined;
    if (element.label !== false && (typeof element.label === 'string' || i18n)) {
      const text = typeof element.label === 'string' ? element.label : '';
      const key = i18n ? `${i18n}.label` : text;
      if (key) this.add({ key, text, kind: 'layout', where: `${layoutTypes[type]} '${short(text || key)}'` });
    }
    if (element.elements === undefined) return;
    if (!Array.isArray(element.elements)) {
      this.issue(`${uiPath}.elements`, 'must be a list of UI schema elements');
      return;
    }
    element.elements.forEach((child, index) => {
      this.element(child, `${uiPath}.elements.${index}`, context);
    });
  }

  private control(element: Json, uiPath: string, context: Context): void {
    const { scope } = element;
    if (typeof scope !== 'string') {
      this.issue(`${uiPath}.scope`, 'is missing: a Control needs a scope such as "#/properties/email"');
      return;
    }
    const schema = resolve(context, scope);
    if (!schema) {
      this.issue(`${uiPath}.scope`, `points at "${scope}", which does not exist in ${context.baseName}`);
      return;
    }
    const dataPath = composePaths(context.dataPrefix, toDataPath(scope));
    this.result.controls.add(dataPath);
    this.result.fields++;
    const prefix =
      typeof element.i18n === 'string'
        ? element.i18n
        : typeof schema.i18n === 'string'
          ? schema.i18n
          : transformPathToI18nPrefix(dataPath);
    const label = createLabelDescriptionFrom(element as never, schema as JsonSchema);
    const place = `'${short(label.text || dataPath || 'root')}' (${dataPath || 'root'})`;
    if (label.show && label.text) {
      this.add({ key: `${prefix}.label`, text: label.text, kind: 'label', where: `Field ${place}` });
    }
    if (typeof schema.description === 'string') {
      const where = `Help text of field ${place}`;
      this.add({ key: `${prefix}.description`, text: schema.description, kind: 'description', where });
    }
    const placeholder = isObject(element.options) ? element.options.placeholder : undefined;
    if (typeof placeholder === 'string' && placeholder !== '') {
      // Lotse's own key (JSON Forms has none): the public page's text fields read it.
      const where = `Placeholder of field ${place}`;
      this.add({ key: `${prefix}.placeholder`, text: placeholder, kind: 'description', where });
    }
    const items = isObject(schema.items) ? deref(context.root, schema.items) : undefined;
    for (const option of [...options(schema, prefix), ...(items ? options(items, prefix) : [])]) {
      this.add({ ...option, kind: 'option', where: `Option '${short(option.text)}' of field ${place}` });
    }
    this.children(schema, items, element, dataPath, uiPath, context, { prefix, place });
  }

  /** What JSON Forms renders inside a Control: an object's fields, a list entry's fields, alternatives. */
  private children(
    schema: Json,
    items: Json | undefined,
    element: Json,
    dataPath: string,
    uiPath: string,
    context: Context,
    control: { prefix: string; place: string },
  ): void {
    const body = items ?? schema;
    if (isChoice(body) || context.expanding.has(body)) return;
    const inner: Context = {
      root: context.root,
      base: body,
      dataPrefix: dataPath,
      baseName: items ? `the items of ${dataPath || 'the root'}` : `${dataPath || 'the root'}`,
      expanding: new Set([...context.expanding, body]),
    };
    const detail = isObject(element.options) ? element.options.detail : undefined;
    if (isObject(body.properties) || body.type === 'object') {
      const ui = isObject(detail) && typeof detail.type === 'string' ? detail : generate(body, context.root);
      this.element(ui, `${uiPath}.options.detail`, inner);
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const parts = body[keyword];
      if (!Array.isArray(parts)) continue;
      parts.forEach((part, index) => {
        const alternative = deref(context.root, part);
        if (!alternative || context.expanding.has(alternative)) return;
        // The public page names a oneOf/anyOf alternative by its title, keyed like a oneOf option.
        if (keyword !== 'allOf' && typeof alternative.title === 'string' && alternative.title !== '') {
          this.add({
            key: `${control.prefix}.${alternative.title}`,
            text: alternative.title,
            kind: 'option',
            where: `Choice '${short(alternative.title)}' of field ${control.place}`,
          });
        }
        const altContext: Context = {
          ...inner,
          base: alternative,
          expanding: new Set([...inner.expanding, alternative]),
        };
        this.element(generate(alternative, context.root), `${uiPath}.${keyword}.${index}`, altContext);
      });
    }
  }

  private rule(rule: unknown, path: string, context: Context): void {
    if (!isObject(rule)) {
      this.issue(path, 'must be an object with an effect and a condition');
      return;
    }
    this.condition(rule.condition, `${path}.condition`, context);
  }

  private condition(condition: unknown, path: string, context: Context): void {
    if (!isObject(condition)) {
      this.issue(path, 'is missing: a rule needs a condition with a scope and a schema');
      return;
    }
    if (Array.isArray(condition.conditions)) {
      condition.conditions.forEach((child, index) => {
        this.condition(child, `${path}.conditions.${index}`, context);
      });
      return;
    }
    const { scope } = condition;
    if (scope === undefined) return; // a condition on the whole data
    if (typeof scope !== 'string' || !resolve(context, scope)) {
      this.issue(
        `${path}.scope`,
        `points at "${String(scope)}", which does not exist in ${context.baseName}`,
      );
    }
  }
}

/** Resolves a scope as JSON Forms does (`#`, `/properties/x`, through anyOf/oneOf/allOf/then/else). */
function resolve(context: Context, scope: string): Json | undefined {
  try {
    const found = Resolve.schema(context.base as JsonSchema, scope, context.root as JsonSchema);
    return isObject(found) ? deref(context.root, found) : undefined;
  } catch {
    return undefined;
  }
}

function deref(root: Json, node: Json): Json | undefined {
  if (typeof node.$ref !== 'string') return node;
  try {
    const found = Resolve.schema(root as JsonSchema, node.$ref, root as JsonSchema);
    return isObject(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

function generate(schema: Json, root: Json): UISchemaElement {
  try {
    return generateDefaultUISchema(schema as JsonSchema, 'VerticalLayout', '#', root as JsonSchema);
  } catch {
    // JSON Forms throws on a type it does not know; the meta-schema check reports that type.
    return { type: 'VerticalLayout', elements: [] } as UISchemaElement;
  }
}

/** A fixed list of values (enum, const, oneOf of consts): rendered as one choice, no fields inside. */
function isChoice(schema: Json): boolean {
  if (Array.isArray(schema.enum) || schema.const !== undefined) return true;
  const { oneOf } = schema;
  return (
    Array.isArray(oneOf) &&
    oneOf.length > 0 &&
    oneOf.every((entry) => isObject(entry) && entry.const !== undefined)
  );
}

/** JSON Forms' enumToEnumOptionMapper and oneOfToEnumOptionMapper. */
function options(schema: Json, prefix: string): { key: string; text: string }[] {
  if (Array.isArray(schema.enum)) {
    return schema.enum.map((value) => ({ key: `${prefix}.${optionLabel(value)}`, text: optionLabel(value) }));
  }
  if (!isChoice(schema) || !Array.isArray(schema.oneOf)) return [];
  return schema.oneOf.filter(isObject).map((entry) => {
    const text = typeof entry.title === 'string' ? entry.title : optionLabel(entry.const);
    return { key: typeof entry.i18n === 'string' ? entry.i18n : `${prefix}.${text}`, text };
  });
}

/** Walks a UI schema against its JSON Schema: texts, shown data paths and what does not resolve. */
export function walkUiSchema(schema: Json, uischema: Json, maxFields = Number.POSITIVE_INFINITY): UiWalk {
  const walker = new Walker(maxFields);
  walker.element(uischema, 'uischema', {
    root: schema,
    base: schema,
    dataPrefix: '',
    baseName: 'the schema',
    expanding: new Set(),
  });
  return walker.result;
}

/**
 * Every text of the form in page order: title, description, the UI schema's texts, the consent
 * text. `walk` reuses a walk already made (validation makes one anyway).
 */
export function formTexts(definition: FormDefinition, walk?: UiWalk): FormText[] {
  const own = (texts: Record<string, string> | undefined): string => texts?.[definition.defaultLocale] ?? '';
  const texts: FormText[] = [
    { key: 'title', text: own(definition.title), kind: 'title', where: 'Form title' },
  ];
  if (definition.description) {
    texts.push({
      key: 'description',
      text: own(definition.description),
      kind: 'title',
      where: 'Form description',
    });
  }
  if (walk) texts.push(...walk.texts);
  else if (isObject(definition.schema) && isObject(definition.uischema)) {
    // Capped: an editor draft may be far too big to publish, and the grid must still answer.
    texts.push(...walkUiSchema(definition.schema, definition.uischema, maxWalkedFields).texts);
  }
  if (definition.consent?.text) {
    texts.push({
      key: 'consent.text',
      text: own(definition.consent.text),
      kind: 'consent',
      where: 'Consent text',
    });
  }
  return texts;
}

/**
 * Whether a locale has what it needs of a form text. The default language always has: the
 * documents are its texts. The form's title, description and consent text must exist in every
 * offered locale.
 */
export function hasTranslation(definition: FormDefinition, locale: string, text: FormText): boolean {
  const given = (value: string | undefined): boolean => typeof value === 'string' && value.trim() !== '';
  if (text.kind === 'title') {
    return given((text.key === 'title' ? definition.title : definition.description)?.[locale]);
  }
  if (text.kind === 'consent') return given(definition.consent?.text?.[locale]);
  if (given(definition.translations?.[locale]?.[text.key])) return true;
  if (locale === definition.defaultLocale) return true;
  // A key with no text in the default language either (a Category with only `i18n`) shows no
  // text in any language, as in JSON Forms; there is nothing to translate.
  return !given(text.text) && !given(definition.translations?.[definition.defaultLocale]?.[text.key]);
}

/**
 * Per offered locale, the form texts it has no translation for (the default locale misses
 * nothing but perhaps its title). Locales with nothing missing are left out.
 */
export function missingTranslations(
  definition: FormDefinition,
  texts: FormText[] = formTexts(definition),
): Record<string, { key: string; text: string }[]> {
  const missing: Record<string, { key: string; text: string }[]> = {};
  for (const locale of definition.locales ?? []) {
    const lacking = texts
      .filter((text) => !hasTranslation(definition, locale, text))
      .map(({ key, text }) => ({ key, text }));
    if (lacking.length > 0) missing[locale] = lacking;
  }
  return missing;
}
