import type { Ajv } from 'ajv';
import { type FormDefinition, formDefinition } from '../contracts/form-definition.ts';
import type * as z from '../zod.ts';
import type { FieldIssue } from './errors.ts';
import { compileFormSchema, createAjv } from './form-schema-compiler.ts';
import { checkServable, schemaLimits } from './form-schema-limits.ts';
import { checkFormSettings } from './form-settings.ts';
import { type FormText, formTexts, hasTranslation, walkUiSchema } from './form-texts.ts';
import { formSettingsSchema, submissionWorkflows } from './form-workflow-settings.ts';

/*
 * Checks a form definition beyond its zod contract, in this order:
 *
 * 1. What the page cannot serve (form-schema-limits.ts): size, nesting, `$ref`s that are external,
 *    anchors or point nowhere, recursion JSON Forms would render endlessly, too many parts. These
 *    come first and alone, so nothing later can hang on such a schema.
 * 2. The JSON Schema is draft-07, compiles with ajv, knows its formats, and describes an object.
 * 3. The UI schema (walked in form-texts.ts as JSON Forms renders it): every element is one the
 *    page renders, every scope resolves as JSON Forms resolves it (`#` for the root,
 *    `/properties/x` without `#`, through anyOf/oneOf/allOf/then/else and `$ref`s; rule condition
 *    scopes likewise, relative to the element's data like JSON Forms' `composeWithUi`), at most
 *    1,000 fields are shown, and every property the schema requires is shown by some Control. A
 *    Control on an object, a list or a oneOf/anyOf/allOf shows everything inside it, because JSON
 *    Forms renders the inside with its `options.detail` or a generated UI schema.
 * 4. Texts, by the shared text model: the documents are the default language (a property's
 *    `title`/`description`, a UI element's `label`, Label `text`, enum values, oneOf `const` +
 *    `title`); `translations[locale]` hold only what differs or is added, keyed as JSON Forms asks
 *    (form-texts.ts has the rules). The default locale needs no translations. Every other offered
 *    locale needs each form text, and every offered locale the title, and the description and
 *    consent text if the form has them; the page's own texts (array buttons, `error.<keyword>`,
 *    stepper, consent sentence) are built in and never required.
 * 5. The workflow exists and accepts the settings.
 *
 * The i18n keys follow @jsonforms/core 3.8 (node_modules/@jsonforms/core/src):
 *
 * - Controls (mappers/renderer.ts `mapStateToControlProps`, i18n/i18nUtil.ts `getI18nKeyPrefix`):
 *   the key prefix is the `i18n` property of the UI schema element, else the `i18n` property of the
 *   resolved JSON Schema, else the data path with array indices removed (`transformPathToI18nPrefix`:
 *   `languages.0.level` -> `languages.level`; `root` for the empty path). `options.i18n` is NOT read
 *   by JSON Forms. JSON Forms then asks for `<prefix>.label` (default: `label` of the UI element,
 *   the schema `title` or the start-cased property name) and `<prefix>.description` (default:
 *   schema `description`).
 * - Enum options (renderer.ts `enumToEnumOptionMapper`, `oneOfToEnumOptionMapper`): `<prefix>.<value>`
 *   for each `enum` value (non-strings JSON-stringified), for arrays the `items.enum` values; for
 *   `oneOf` entries the entry's own `i18n` key if it has one, else `<prefix>.<title ?? const>`.
 * - Errors (i18nUtil.ts `defaultErrorTranslator`): `<prefix>.error.custom`, then
 *   `<prefix>.error.<keyword>`, then the generic `error.<keyword>`, then the page's own message.
 * - Layouts: Group, Category, Categorization, Vertical/HorizontalLayout (i18nUtil.ts
 *   `deriveLabelForUISchemaElement`): no label when `label === false`, or when there is neither a
 *   `label` nor an `i18n`; otherwise `<i18n>.label` if the element has `i18n`, else the literal
 *   `label` text itself is the key.
 * - Label elements (renderer.ts `mapStateToLabelProps`): `<i18n>.text`, else the literal `text`.
 * - Array layouts (i18n/arrayTranslations.ts): `<prefix>.<key>` for every key of
 *   `arrayDefaultTranslations` (addTooltip, addAriaLabel, removeTooltip, ...); built into the page.
 */

type Json = Record<string, unknown>;

export type FormValidationResult =
  | { ok: true; definition: FormDefinition }
  | { ok: false; issues: FieldIssue[] };

/** The keys JSON Forms asks for on every array layout (`arrayDefaultTranslations` in @jsonforms/core); built into the page. */
export const arrayTranslationKeys = [
  'addTooltip',
  'addAriaLabel',
  'removeTooltip',
  'removeAriaLabel',
  'upAriaLabel',
  'up',
  'down',
  'downAriaLabel',
  'noDataMessage',
  'noSelection',
  'deleteDialogTitle',
  'deleteDialogMessage',
  'deleteDialogAccept',
  'deleteDialogDecline',
] as const;

/** ajv keywords a visitor can trip over in a form; the page has a built-in `error.<keyword>` for each. */
export const translatedErrorKeywords = [
  'required',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
] as const;

/** Checks JSON Schemas against the draft-07 meta-schema and knows the available formats. */
let metaAjv: Ajv | undefined;
const getMetaAjv = (): Ajv => {
  metaAjv ??= createAjv();
  return metaAjv;
};

export function validateFormDefinition(input: unknown): FormValidationResult {
  const parsed = formDefinition.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.flatMap(fromZodIssue) };
  }
  const definition = parsed.data;
  const issues = checkDefinition(definition);
  return issues.length === 0 ? { ok: true, definition } : { ok: false, issues };
}

function checkDefinition(definition: FormDefinition): FieldIssue[] {
  return [...checkDocuments(definition), ...checkFormSettings(definition)];
}

function checkDocuments(definition: FormDefinition): FieldIssue[] {
  const unservable = checkServable(definition.schema, definition.uischema);
  if (unservable.length > 0)
    return [...unservable, ...checkLocales(definition), ...checkWorkflow(definition)];
  const schemaIssues = checkSchema(definition.schema);
  const walk = walkUiSchema(definition.schema, definition.uischema, schemaLimits.fields);
  if (walk.fields > schemaLimits.fields) {
    return [...schemaIssues, tooManyFields(), ...checkLocales(definition), ...checkWorkflow(definition)];
  }
  return [
    ...schemaIssues,
    ...checkLocales(definition),
    ...walk.issues,
    ...checkRequiredPropertiesShown(definition.schema, walk.controls),
    ...checkTranslations(definition, formTexts(definition, walk)),
    ...checkWorkflow(definition),
  ];
}

const tooManyFields = (): FieldIssue => ({
  field: 'uischema',
  message: `shows more than ${schemaLimits.fields} fields (fields JSON Forms generates for objects and lists counted): the form page could not render it in reasonable time; split it into several forms`,
});

/** The i18n keys of the form's texts in the UI schema, sorted (what a translator translates). */
export function requiredTranslationKeys(definition: FormDefinition): string[] {
  return walkUiSchema(definition.schema, definition.uischema)
    .texts.map((text) => text.key)
    .sort();
}

// --- zod ---------------------------------------------------------------------------------------

const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

const typeNames: Record<string, string> = {
  record: 'an object',
  object: 'an object',
  array: 'a list',
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

function fromZodIssue(issue: z.core.$ZodIssue): FieldIssue[] {
  const field = joinPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: field ? `${field}.${key}` : key,
        message: 'is not a known field',
      }));
    case 'invalid_key':
      return [
        {
          field,
          message: `is not a valid key: ${issue.issues.map((inner) => inner.message).join('; ')}`,
        },
      ];
    case 'invalid_type':
      if (issue.message.endsWith('received undefined')) return [{ field, message: 'is required' }];
      return [{ field, message: `must be ${typeNames[issue.expected] ?? issue.expected}` }];
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) {
        return [{ field, message: 'must not be empty' }];
      }
      if (issue.origin === 'array' && Number(issue.minimum) === 1) {
        return [{ field, message: 'needs at least one entry' }];
      }
      return [{ field, message: issue.message }];
    default:
      return [{ field, message: issue.message }];
  }
}

// --- workflow ----------------------------------------------------------------------------------

/** The workflow must exist and accept the settings, by the schema its own tasks parse them with. */
function checkWorkflow(definition: FormDefinition): FieldIssue[] {
  const schema = formSettingsSchema(definition.workflow);
  if (!schema) {
    return [
      {
        field: 'workflow',
        message: `"${definition.workflow}" is not a workflow a form can start; use one of ${submissionWorkflows.join(', ')}`,
      },
    ];
  }
  const parsed = schema.safeParse(definition.settings ?? {});
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue) =>
    fromZodIssue({ ...issue, path: ['settings', ...issue.path] }),
  );
}

// --- JSON Schema -------------------------------------------------------------------------------

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const decodePointerSegment = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Follows local `$ref`s (`#/definitions/x`) from the root schema. */
function deref(root: Json, node: unknown): Json | undefined {
  let current = node;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#')) return undefined;
    current = followPointer(root, root, ref);
  }
  return isObject(current) ? current : undefined;
}

function followPointer(root: Json, base: Json, pointer: string): unknown {
  if (pointer === '#') return base;
  if (!pointer.startsWith('#/')) return undefined;
  let current: unknown = base;
  for (const segment of pointer.slice(2).split('/').map(decodePointerSegment)) {
    const node = deref(root, current);
    if (!node || !Object.hasOwn(node, segment)) return undefined;
    current = node[segment];
  }
  return current;
}

type SchemaVisitor = (node: Json, path: string, insideIf: boolean) => void;

/** Visits every subschema (not values inside `enum`, `const`, `default` or `examples`). */
function forEachSubschema(node: unknown, path: string, visit: SchemaVisitor, insideIf = false): void {
  if (!isObject(node)) return;
  visit(node, path, insideIf);
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']) {
    const map = node[key];
    if (!isObject(map)) continue;
    for (const [name, child] of Object.entries(map)) {
      forEachSubschema(child, `${path}.${key}.${name}`, visit, insideIf);
    }
  }
  for (const key of ['allOf', 'anyOf', 'oneOf', 'items']) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    for (const [index, child] of list.entries())
      forEachSubschema(child, `${path}.${key}.${index}`, visit, insideIf);
  }
  for (const key of [
    'items',
    'additionalItems',
    'additionalProperties',
    'contains',
    'propertyNames',
    'not',
    'then',
    'else',
  ]) {
    forEachSubschema(node[key], `${path}.${key}`, visit, insideIf);
  }
  forEachSubschema(node.if, `${path}.if`, visit, true);
}

function checkSchema(schema: Json): FieldIssue[] {
  const ajv = getMetaAjv();
  if (!ajv.validateSchema(schema)) {
    // The meta-schema reports several errors at one place (e.g. `type` is anyOf enum/array): one issue each.
    const byField = new Map<string, string[]>();
    for (const error of ajv.errors ?? []) {
      const field = `schema${decodePointerSegment(error.instancePath.replace(/\//g, '.'))}`;
      const message =
        error.keyword === 'enum'
          ? `must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
          : (error.message ?? 'is not valid');
      byField.set(field, [...(byField.get(field) ?? []), message]);
    }
    return [...byField].map(([field, messages]) => ({
      field,
      message: `${(messages.find((message) => message.startsWith('must be one of')) ?? messages[0]) as string} (JSON Schema draft-07)`,
    }));
  }
  const issues: FieldIssue[] = [];
  try {
    compileFormSchema(schema);
  } catch (error) {
    issues.push({
      field: 'schema',
      message: `does not compile: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (schema.type !== 'object') {
    issues.push({ field: 'schema.type', message: 'must be "object": the answers of a form are an object' });
  }
  forEachSubschema(schema, 'schema', (node, path) => {
    if (typeof node.format === 'string' && !(node.format in ajv.formats)) {
      issues.push({
        field: `${path}.format`,
        message: `"${node.format}" is not a known format; use one of ${Object.keys(ajv.formats).join(', ')}`,
      });
    }
  });
  return issues;
}

// --- locales -----------------------------------------------------------------------------------

function checkLocales(definition: FormDefinition): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { locales } = definition;
  if (!locales.includes(definition.defaultLocale)) {
    issues.push({
      field: 'defaultLocale',
      message: `"${definition.defaultLocale}" must be one of the locales (${locales.join(', ')})`,
    });
  }
  locales.forEach((locale, index) => {
    if (locales.indexOf(locale) !== index) {
      issues.push({ field: `locales.${index}`, message: `"${locale}" is listed twice` });
    }
  });
  const perLocale: [string, Record<string, unknown> | undefined][] = [
    ['title', definition.title],
    ['description', definition.description],
    ['consent.text', definition.consent.text],
    ['translations', definition.translations],
  ];
  // A text missing in an offered locale is reported with the form's other texts (checkTranslations).
  for (const [field, texts] of perLocale) {
    if (texts === undefined) continue;
    for (const locale of Object.keys(texts)) {
      if (!locales.includes(locale)) {
        issues.push({
          field: `${field}.${locale}`,
          message: `"${locale}" is not one of the form's locales (${locales.join(', ')})`,
        });
      }
    }
  }
  return issues;
}

// --- required properties ------------------------------------------------------------------------

/**
 * A property the schema requires but no Control shows could never be filled in. A Control on an
 * object, list or alternative shows what lies inside it, and a Control inside shows its parent.
 */
function checkRequiredPropertiesShown(schema: Json, controlPaths: Set<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const shown = (path: string): boolean =>
    [...controlPaths].some(
      (control) =>
        control === '' ||
        control === path ||
        path.startsWith(`${control}.`) ||
        control.startsWith(`${path}.`),
    );
  // Lists may repeat a schema inside itself; each schema is looked at once per path into it.
  const visit = (node: unknown, dataPrefix: string, schemaPath: string, seen: ReadonlySet<object>): void => {
    const object = deref(schema, node);
    if (!object || seen.has(object)) return;
    const inside = new Set([...seen, object]);
    if (Array.isArray(object.required)) {
      object.required.forEach((name, index) => {
        if (typeof name === 'string' && !shown(joinData(dataPrefix, name))) {
          issues.push({
            field: `${schemaPath}.required.${index}`,
            message: `"${name}" is required, but no Control in the UI schema shows it, so the form could never be sent`,
          });
        }
      });
    }
    // Inside a property no one can fill in, nothing is needed: it never exists.
    if (isObject(object.properties)) {
      for (const [name, child] of Object.entries(object.properties)) {
        const path = joinData(dataPrefix, name);
        if (shown(path)) visit(child, path, `${schemaPath}.properties.${name}`, inside);
      }
    }
    if (isObject(object.items)) visit(object.items, dataPrefix, `${schemaPath}.items`, inside);
    for (const key of ['then', 'else']) visit(object[key], dataPrefix, `${schemaPath}.${key}`, inside);
    if (Array.isArray(object.allOf)) {
      object.allOf.forEach((child, index) => {
        visit(child, dataPrefix, `${schemaPath}.allOf.${index}`, inside);
      });
    }
  };
  visit(schema, '', 'schema', new Set());
  return issues;
}

const joinData = (...parts: string[]): string => parts.filter((part) => part !== '').join('.');

// --- translations ------------------------------------------------------------------------------

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function missingField(text: FormText, locale: string): string {
  if (text.kind === 'title') return `${text.key}.${locale}`;
  if (text.kind === 'consent') return `consent.text.${locale}`;
  return `translations.${locale}.${text.key}`;
}

function missingMessage(definition: FormDefinition, text: FormText, locale: string): string {
  if (text.kind === 'title' || text.kind === 'consent')
    return `is missing: the form is offered in "${locale}"`;
  const original = text.text || definition.translations[definition.defaultLocale]?.[text.key] || '';
  const says = original ? ` ("${shorten(original)}")` : '';
  return `is missing: ${text.where}${says} needs a translation, because the form is offered in "${locale}"`;
}

function checkTranslations(definition: FormDefinition, texts: FormText[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [locale, entries] of Object.entries(definition.translations)) {
    for (const [key, text] of Object.entries(entries)) {
      if (text.trim() === '') issues.push({ field: `translations.${locale}.${key}`, message: 'is empty' });
    }
  }
  for (const locale of definition.locales) {
    for (const text of texts) {
      if (hasTranslation(definition, locale, text)) continue;
      const field = missingField(text, locale);
      if (!issues.some((issue) => issue.field === field)) {
        issues.push({ field, message: missingMessage(definition, text, locale) });
      }
    }
  }
  return issues;
}
