import type { FormDefinition } from '../contracts/form-definition.ts';

type Json = Record<string, unknown>;

/** One answer a form asks for, as a person reads it: what the diff and the impact compare. */
export interface FormField {
  /** Data path without array indices, such as `address.city` or `languages.level`. */
  readonly path: string;
  readonly label: string;
  /** JSON Schema type (`string`, `number`, `array of string`, …). */
  readonly type: string;
  readonly required: boolean;
  /** The allowed values of a choice (enum, `const` of oneOf entries, array item enums). */
  readonly options?: readonly string[];
  readonly limits: Readonly<Record<string, number | string>>;
  readonly pattern?: string;
  /** The UI schema rule on the field's control, as `EFFECT when <scope> <schema>`. */
  readonly rule?: string;
}

const LIMIT_KEYWORDS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'format',
] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Start-cased like JSON Forms' default label: `firstName` -> `First Name`. */
export const startCase = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/\b\w/g, (letter) => letter.toUpperCase())
    .trim();

/** `#/properties/a/properties/b` or `#/properties/a/items/properties/b` -> `a.b`; undefined for others. */
export function scopeToPath(scope: unknown): string | undefined {
  if (typeof scope !== 'string' || !scope.startsWith('#/properties/')) return undefined;
  const parts = scope.slice(2).split('/');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'properties' && parts[i + 1] !== undefined) names.push(parts[++i] as string);
    else if (parts[i] !== 'items') return undefined;
  }
  return names.join('.');
}

/** Controls of the UI schema by data path, with their label and rule. */
function controlsByPath(uischema: unknown): Map<string, Json> {
  const found = new Map<string, Json>();
  const visit = (element: unknown, prefix: string) => {
    if (!isObject(element)) return;
    if (element.type === 'Control') {
      const path = scopeToPath(element.scope);
      if (path !== undefined) found.set(prefix ? `${prefix}.${path}` : path, element);
      const detail = (element.options as Json | undefined)?.detail;
      if (path !== undefined && isObject(detail)) visit(detail, prefix ? `${prefix}.${path}` : path);
    }
    for (const child of (element.elements as unknown[] | undefined) ?? []) visit(child, prefix);
  };
  visit(uischema, '');
  return found;
}

const optionsOf = (schema: Json): string[] | undefined => {
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  const entries = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(entries) && entries.every((entry) => isObject(entry) && 'const' in entry))
    return entries.map((entry) => String((entry as Json).const));
  return undefined;
};

const typeOf = (schema: Json): string => {
  const type = Array.isArray(schema.type) ? schema.type.join('|') : String(schema.type ?? 'any');
  if (type === 'array' && isObject(schema.items) && !isObject(schema.items.properties))
    return `array of ${typeOf(schema.items)}`;
  return type;
};

const describeRule = (rule: unknown): string | undefined => {
  if (!isObject(rule)) return undefined;
  const condition = isObject(rule.condition) ? rule.condition : {};
  return `${String(rule.effect)} when ${String(condition.scope ?? '#')} ${JSON.stringify(condition.schema ?? {})}`;
};

/**
 * Every answer of a form (leaves and containers alike), by data path, in schema order. The label is
 * the default language's: the control's `label`, the schema `title`, a default-language translation,
 * else JSON Forms' start-cased property name.
 */
export function formFields(
  definition: Pick<FormDefinition, 'schema' | 'uischema' | 'translations' | 'defaultLocale'>,
): FormField[] {
  const controls = controlsByPath(definition.uischema);
  const texts = definition.translations?.[definition.defaultLocale] ?? {};
  const fields: FormField[] = [];
  const visit = (schema: Json, prefix: string) => {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      const control = controls.get(path);
      const label =
        (typeof control?.label === 'string' ? control.label : undefined) ??
        (typeof child.title === 'string' ? child.title : undefined) ??
        texts[`${path}.label`] ??
        startCase(name);
      const itemSchema = isObject(child.items) ? child.items : undefined;
      const options = optionsOf(child) ?? (itemSchema ? optionsOf(itemSchema) : undefined);
      const limits: Record<string, number | string> = {};
      for (const keyword of LIMIT_KEYWORDS) {
        const value = child[keyword];
        if (typeof value === 'number' || typeof value === 'string') limits[keyword] = value;
      }
      const rule = describeRule(control?.rule);
      fields.push({
        path,
        label,
        type: typeOf(child),
        required: required.has(name),
        ...(options ? { options } : {}),
        limits,
        ...(typeof child.pattern === 'string' ? { pattern: child.pattern } : {}),
        ...(rule ? { rule } : {}),
      });
      if (isObject(child.properties)) visit(child, path);
      if (itemSchema && isObject(itemSchema.properties)) visit(itemSchema, path);
    }
  };
  if (isObject(definition.schema)) visit(definition.schema, '');
  return fields;
}
