import type { Ajv, ValidateFunction } from 'ajv';
import { runtimeFor } from './runtime.ts';

interface ValidatorModule {
  readonly requires: readonly string[];
  readonly default: (require: (name: string) => unknown) => {
    readonly root: ValidateFunction;
    readonly others: readonly (readonly [string, ValidateFunction])[];
  };
}

/** Where the server serves a published version's validators (immutable; functions/form-get/validator.ts). */
export const validatorUrl = (slug: string, version: number) =>
  `/api/forms/${encodeURIComponent(slug)}/versions/${version}/validator.js`;

/**
 * The published version's validators, compiled on the server by the server's ajv: JSON Forms gets
 * an object with ajv's `compile` and `validate` that hands out those functions, so ajv's compiler
 * never reaches the phone and no schema is compiled there.
 */
export async function loadPrecompiledValidator(slug: string, version: number, schema: object): Promise<Ajv> {
  const module = (await import(/* @vite-ignore */ validatorUrl(slug, version))) as ValidatorModule;
  const { root, others } = module.default(await runtimeFor(module.requires));
  return precompiledAjv(schema, root, new Map(others));
}

/** ajv's `compile`/`validate` over validators compiled elsewhere, found by the schema's JSON. */
export function precompiledAjv(
  schema: object,
  root: ValidateFunction,
  others: ReadonlyMap<string, ValidateFunction>,
): Ajv {
  const found = new WeakMap<object, ValidateFunction>([[schema, root]]);
  let rootKey: string | undefined;
  const compile = (part: object): ValidateFunction => {
    const known = found.get(part);
    if (known) return known;
    const key = canonicalJson(part);
    rootKey ??= canonicalJson(schema);
    const validate = key === rootKey ? root : others.get(key);
    // JSON Forms catches this for a combinator alternative that is not self-contained, as with ajv.
    if (!validate) throw new Error('This schema has no validator compiled on the server');
    found.set(part, validate);
    return validate;
  };
  const ajv = {
    errors: null as ValidateFunction['errors'],
    compile,
    validate(part: object, data: unknown): boolean {
      const validate = compile(part);
      const valid = validate(data);
      ajv.errors = validate.errors;
      return valid as boolean;
    },
  };
  // JSON Forms and our utils use only `compile`, `validate` and `errors` of ajv.
  return ajv as unknown as Ajv;
}

/** JSON with sorted keys, as the server keys the validators (functions/shared/domain/form-validator-module.ts). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const object = value as Record<string, unknown>;
  const entries = Object.keys(object)
    .sort()
    .filter((key) => object[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${entries.join(',')}}`;
}
