import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type * as z from 'zod';
import { type FormDefinition, formDefinition } from '../contracts/form-definition.ts';
import type { FieldIssue } from './errors.ts';
import { formSettingsSchema, submissionWorkflows } from './workflow-settings.ts';

/*
 * Checks a form definition beyond its zod contract: the JSON Schema compiles, the UI schema points
 * at properties that exist, every locale has every text, and every translation key JSON Forms will
 * ask for exists in every locale.
 *
 * The translation keys follow @jsonforms/core 3.8 exactly (node_modules/@jsonforms/core/src):
 *
 * - Controls (mappers/renderer.ts `mapStateToControlProps`, i18n/i18nUtil.ts `getI18nKeyPrefix`):
 *   the key prefix is the `i18n` property of the UI schema element, else the `i18n` property of the
 *   resolved JSON Schema, else the data path with array indices removed (`transformPathToI18nPrefix`:
 *   `languages.0.level` -> `languages.level`; `root` for the empty path). `options.i18n` is NOT read
 *   by JSON Forms. JSON Forms then asks for `<prefix>.label` (default: `label` of the UI element,
 *   the schema `title` or the property name) and `<prefix>.description` (default: schema
 *   `description`).
 * - Enum options (renderer.ts `enumToEnumOptionMapper`, `oneOfToEnumOptionMapper`,
 *   `mapStateToEnumControlProps`, `mapStateToMultiEnumControlProps`): `<prefix>.<value>` for each
 *   `enum` / `const` value (non-strings JSON-stringified), for arrays the `items.enum` values; for
 *   `oneOf` entries the entry's own `i18n` key if it has one, else `<prefix>.<title ?? const>`.
 * - Errors (i18nUtil.ts `defaultErrorTranslator`, `getCombinedErrorMessage`): first
 *   `<prefix>.error.custom` (replaces all errors of the control), then per ajv error
 *   `<prefix>.error.<keyword>` (prefix from the control's `i18n`, else the failing subschema's
 *   `i18n`, else the error's data path, which for `required` is the missing property, also for a
 *   `required` inside if/then), then the generic `error.<keyword>`, then ajv's English message.
 * - Layouts: Group, Category, Categorization, Vertical/HorizontalLayout (i18nUtil.ts
 *   `deriveLabelForUISchemaElement`, used by renderer.ts `mapStateToLayoutProps` and the vanilla
 *   CategorizationList): no label when `label === false`, or when there is neither a `label` nor
 *   an `i18n`; otherwise `<i18n>.label` if the element has `i18n`, else the literal `label` text
 *   itself is the key. So a Group's key is `<i18n>.label`, not `<i18n>`.
 * - Label elements (renderer.ts `mapStateToLabelProps`): `<i18n>.text`, else the literal `text`.
 * - Array layouts (arrays of objects; i18n/arrayTranslations.ts, applied by @jsonforms/react
 *   `withArrayTranslationProps`): `<prefix>.<key>` for every key of `arrayDefaultTranslations`
 *   (addTooltip, addAriaLabel, removeTooltip, ...), whose defaults are English.
 */

type Json = Record<string, unknown>;

export type FormValidationResult =
  | { ok: true; definition: FormDefinition }
  | { ok: false; issues: FieldIssue[] };

/** The keys JSON Forms asks for on every array layout (`arrayDefaultTranslations` in @jsonforms/core). */
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

/** ajv keywords a visitor can trip over in the form; each used one needs a generic `error.<keyword>`. */
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

const addFormats = ajvFormats.default;

const createAjv = (): Ajv => {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  return ajv;
};

/** Checks JSON Schemas against the draft-07 meta-schema and knows the available formats. */
let metaAjv: Ajv | undefined;
const getMetaAjv = (): Ajv => {
  metaAjv ??= createAjv();
  return metaAjv;
};

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Compiles a form's JSON Schema (draft-07, with ajv-formats), cached by object identity. Each schema
 * gets its own ajv instance, so schemas never collide on `$id` and are released together with the
 * schema object. Throws ajv's error when the schema does not compile.
 */
export function compileFormSchema(schema: object): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const validate = createAjv().compile(schema);
  compiled.set(schema, validate);
  return validate;
}

export function validateFormDefinition(input: unknown): FormValidationResult {
  const parsed = formDefinition.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.flatMap(fromZodIssue) };
  }
  const definition = parsed.data;
  const analysis = analyseUiSchema(definition.schema, definition.uischema);
  const issues: FieldIssue[] = [
    ...checkSchema(definition.schema),
    ...checkLocales(definition),
    ...analysis.issues,
    ...checkRequiredPropertiesShown(definition.schema, analysis.controlPaths),
    ...checkTranslations(definition, neededKeys(definition, analysis)),
    ...checkWorkflow(definition),
  ];
  return issues.length === 0 ? { ok: true, definition } : { ok: false, issues };
}

/** Every translation key the form needs in each of its locales, sorted. */
export function requiredTranslationKeys(definition: FormDefinition): string[] {
  const analysis = analyseUiSchema(definition.schema, definition.uischema);
  return [...neededKeys(definition, analysis).keys()].sort();
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

/** The names after `properties` segments: `#/properties/a/items/properties/b` -> [a, b]. */
function dataSegments(scope: string): string[] {
  const segments = scope === '#' ? [] : scope.slice(2).split('/').map(decodePointerSegment);
  const names: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'properties' && i + 1 < segments.length) {
      names.push(segments[i + 1] as string);
      i++;
    }
  }
  return names;
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
  for (const [field, texts] of perLocale) {
    if (texts === undefined) continue;
    for (const locale of locales) {
      if (!Object.hasOwn(texts, locale)) {
        issues.push({
          field: `${field}.${locale}`,
          message: `is missing: the form is offered in "${locale}"`,
        });
      }
    }
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

// --- UI schema ---------------------------------------------------------------------------------

interface UiAnalysis {
  issues: FieldIssue[];
  /** Translation key -> what needs it (for messages). */
  keys: Map<string, string>;
  /** Data paths (without array indices) that a Control shows. */
  controlPaths: Set<string>;
}

interface UiContext {
  root: Json;
  /** The schema scopes resolve against: the root, or an array's items inside `options.detail`. */
  base: Json;
  /** Data path of `base` without array indices. */
  dataPrefix: string;
  /** What `base` is, for messages. */
  baseName: string;
}

const joinData = (...parts: string[]): string => parts.filter((part) => part !== '').join('.');

const needKey = (analysis: UiAnalysis, key: string, reason: string): void => {
  if (!analysis.keys.has(key)) analysis.keys.set(key, reason);
};

function analyseUiSchema(schema: Json, uischema: Json): UiAnalysis {
  const analysis: UiAnalysis = { issues: [], keys: new Map(), controlPaths: new Set() };
  walkElement(
    uischema,
    'uischema',
    { root: schema, base: schema, dataPrefix: '', baseName: 'the schema' },
    analysis,
  );
  return analysis;
}

function walkElement(element: unknown, uiPath: string, context: UiContext, analysis: UiAnalysis): void {
  if (!isObject(element)) {
    analysis.issues.push({ field: uiPath, message: 'must be a UI schema element (an object with a type)' });
    return;
  }
  if (typeof element.type !== 'string') {
    analysis.issues.push({
      field: `${uiPath}.type`,
      message: 'is missing: every UI schema element has a type',
    });
    return;
  }
  if (isObject(element.options) && element.options.i18n !== undefined) {
    analysis.issues.push({
      field: `${uiPath}.options.i18n`,
      message: 'is not read by JSON Forms; put the i18n key on the element itself (`"i18n": "..."`)',
    });
  }
  if (element.rule !== undefined) checkRule(element.rule, `${uiPath}.rule`, context, analysis);

  if (element.type === 'Control') {
    walkControl(element, uiPath, context, analysis);
    return;
  }
  if (element.type === 'Label') {
    const i18n = typeof element.i18n === 'string' ? element.i18n : undefined;
    const key = i18n ? `${i18n}.text` : typeof element.text === 'string' ? element.text : '';
    if (key) needKey(analysis, key, `the text of the Label at ${uiPath}`);
    return;
  }
  // Layouts (Group, Category, Categorization, VerticalLayout, HorizontalLayout, custom ones).
  if (element.label !== false) {
    const i18n = typeof element.i18n === 'string' ? element.i18n : undefined;
    const label = typeof element.label === 'string' ? element.label : undefined;
    if (i18n) needKey(analysis, `${i18n}.label`, `the label of the ${element.type} at ${uiPath}`);
    else if (label) {
      needKey(
        analysis,
        label,
        `the label of the ${element.type} at ${uiPath}, whose literal label JSON Forms uses as key; give it an "i18n" key instead`,
      );
    }
  }
  if (element.elements === undefined) return;
  if (!Array.isArray(element.elements)) {
    analysis.issues.push({ field: `${uiPath}.elements`, message: 'must be a list of UI schema elements' });
    return;
  }
  for (const [index, child] of element.elements.entries()) {
    walkElement(child, `${uiPath}.elements.${index}`, context, analysis);
  }
}

function walkControl(element: Json, uiPath: string, context: UiContext, analysis: UiAnalysis): void {
  const { scope } = element;
  if (typeof scope !== 'string' || !(scope === '#' || scope.startsWith('#/'))) {
    analysis.issues.push({
      field: `${uiPath}.scope`,
      message: 'is missing: a Control needs a scope such as "#/properties/email"',
    });
    return;
  }
  const schema = deref(context.root, followPointer(context.root, context.base, scope));
  if (!schema) {
    analysis.issues.push({
      field: `${uiPath}.scope`,
      message: `points at "${scope}", which does not exist in ${context.baseName}`,
    });
    return;
  }
  const dataPath = joinData(context.dataPrefix, ...dataSegments(scope));
  analysis.controlPaths.add(dataPath);
  const prefix =
    typeof element.i18n === 'string'
      ? element.i18n
      : typeof schema.i18n === 'string'
        ? schema.i18n
        : dataPath || 'root';
  const what = `the Control at ${uiPath} (${dataPath || 'root'})`;

  const labelHidden = element.label === false || (isObject(element.label) && element.label.show === false);
  if (!labelHidden) needKey(analysis, `${prefix}.label`, `the label of ${what}`);
  if (typeof schema.description === 'string') {
    needKey(analysis, `${prefix}.description`, `the description of ${what}, which has one in the schema`);
  }
  for (const key of enumKeys(schema, prefix)) needKey(analysis, key, `an option of ${what}`);
  const items = deref(context.root, schema.items);
  if (items) for (const key of enumKeys(items, prefix)) needKey(analysis, key, `an option of ${what}`);

  const isArrayOfObjects = items !== undefined && (items.type === 'object' || isObject(items.properties));
  if (!isArrayOfObjects) return;
  for (const key of arrayTranslationKeys) {
    needKey(analysis, `${prefix}.${key}`, `the array buttons and messages of ${what}`);
  }
  const itemContext: UiContext = {
    root: context.root,
    base: items,
    dataPrefix: dataPath,
    baseName: `the items of ${dataPath || 'the root'}`,
  };
  const detail = isObject(element.options) ? element.options.detail : undefined;
  if (isObject(detail)) {
    walkElement(detail, `${uiPath}.options.detail`, itemContext, analysis);
  } else if (isObject(items.properties)) {
    // Without a detail UI schema JSON Forms generates a Control for each property of the items.
    for (const name of Object.keys(items.properties)) {
      const generated = {
        type: 'Control',
        scope: `#/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      };
      walkElement(generated, `${uiPath}.options.detail`, itemContext, analysis);
    }
  }
}

const optionLabel = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function enumKeys(schema: Json, prefix: string): string[] {
  const keys: string[] = [];
  if (Array.isArray(schema.enum)) keys.push(...schema.enum.map((value) => `${prefix}.${optionLabel(value)}`));
  else if (schema.const !== undefined) keys.push(`${prefix}.${optionLabel(schema.const)}`);
  if (Array.isArray(schema.oneOf)) {
    for (const entry of schema.oneOf) {
      if (!isObject(entry) || entry.const === undefined) continue;
      if (typeof entry.i18n === 'string') keys.push(entry.i18n);
      else keys.push(`${prefix}.${typeof entry.title === 'string' ? entry.title : optionLabel(entry.const)}`);
    }
  }
  return keys;
}

function checkRule(rule: unknown, path: string, context: UiContext, analysis: UiAnalysis): void {
  if (!isObject(rule)) {
    analysis.issues.push({ field: path, message: 'must be an object with an effect and a condition' });
    return;
  }
  checkCondition(rule.condition, `${path}.condition`, context, analysis);
}

function checkCondition(condition: unknown, path: string, context: UiContext, analysis: UiAnalysis): void {
  if (!isObject(condition)) {
    analysis.issues.push({
      field: path,
      message: 'is missing: a rule needs a condition with a scope and a schema',
    });
    return;
  }
  if (Array.isArray(condition.conditions)) {
    for (const [index, child] of condition.conditions.entries()) {
      checkCondition(child, `${path}.conditions.${index}`, context, analysis);
    }
    return;
  }
  const { scope } = condition;
  if (scope === undefined) return; // a condition on the whole data
  if (
    typeof scope !== 'string' ||
    deref(context.root, followPointer(context.root, context.base, scope)) === undefined
  ) {
    analysis.issues.push({
      field: `${path}.scope`,
      message: `points at "${String(scope)}", which does not exist in ${context.baseName}`,
    });
  }
}

/** A property the schema requires but no Control shows could never be filled in. */
function checkRequiredPropertiesShown(schema: Json, controlPaths: Set<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const shown = (path: string): boolean =>
    [...controlPaths].some(
      (control) => control === path || control.startsWith(`${path}.`) || path.startsWith(`${control}.`),
    );
  const visit = (node: unknown, dataPrefix: string, schemaPath: string): void => {
    const object = deref(schema, node);
    if (!object) return;
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
    if (isObject(object.properties)) {
      for (const [name, child] of Object.entries(object.properties)) {
        visit(child, joinData(dataPrefix, name), `${schemaPath}.properties.${name}`);
      }
    }
    if (isObject(object.items)) visit(object.items, dataPrefix, `${schemaPath}.items`);
    for (const key of ['then', 'else']) visit(object[key], dataPrefix, `${schemaPath}.${key}`);
    if (Array.isArray(object.allOf)) {
      for (const [index, child] of object.allOf.entries())
        visit(child, dataPrefix, `${schemaPath}.allOf.${index}`);
    }
  };
  visit(schema, '', 'schema');
  return issues;
}

// --- translations ------------------------------------------------------------------------------

/** Error keywords the schema uses outside `if` (where a failure is a branch, not an error). */
function usedErrorKeywords(schema: Json): Set<string> {
  const used = new Set<string>();
  forEachSubschema(schema, 'schema', (node, _path, insideIf) => {
    if (insideIf) return;
    for (const keyword of translatedErrorKeywords) {
      if (node[keyword] === undefined) continue;
      if (keyword === 'required' && !(Array.isArray(node.required) && node.required.length > 0)) continue;
      used.add(keyword);
    }
  });
  return used;
}

function neededKeys(definition: FormDefinition, analysis: UiAnalysis): Map<string, string> {
  const keys = new Map(analysis.keys);
  const keywords = usedErrorKeywords(definition.schema);
  keywords.add('required');
  for (const keyword of translatedErrorKeywords) {
    if (keywords.has(keyword)) {
      keys.set(`error.${keyword}`, `the generic message for a failed "${keyword}" check`);
    }
  }
  return keys;
}

function checkTranslations(definition: FormDefinition, needed: Map<string, string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const locales = definition.locales.filter((locale) => Object.hasOwn(definition.translations, locale));
  const reported = new Set<string>();
  for (const locale of locales) {
    const texts = definition.translations[locale] ?? {};
    for (const [key, reason] of needed) {
      const field = `translations.${locale}.${key}`;
      if (!Object.hasOwn(texts, key)) {
        issues.push({ field, message: `is missing: needed for ${reason}` });
        reported.add(field);
      }
    }
    for (const [key, text] of Object.entries(texts)) {
      if (text.trim() === '') issues.push({ field: `translations.${locale}.${key}`, message: 'is empty' });
    }
  }
  const allKeys = new Set(locales.flatMap((locale) => Object.keys(definition.translations[locale] ?? {})));
  for (const key of allKeys) {
    const having = locales.filter((locale) => Object.hasOwn(definition.translations[locale] ?? {}, key));
    for (const locale of locales) {
      const field = `translations.${locale}.${key}`;
      if (having.includes(locale) || reported.has(field)) continue;
      issues.push({ field, message: `is missing here but exists in ${having.join(', ')}` });
    }
  }
  return issues;
}
