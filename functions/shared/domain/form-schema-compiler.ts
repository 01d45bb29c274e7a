import { Ajv, type Options, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/*
 * How a form's answers are validated, on its own so that the submit handler loads ajv and nothing
 * of the definition checks (form-validation.ts, which brings JSON Forms and lodash: 82 kB of the
 * submit bundle).
 */

const addFormats = ajvFormats.default;

/** How a form's answers are validated: here, and in the page's precompiled validator (form-validator-module.ts). */
export const formAjvOptions = { allErrors: true, strict: false, logger: false } as const;

/** An ajv with the form options and ajv-formats' full mode; `extra` may add what does not change validity. */
export const createAjv = (extra: Omit<Options, keyof typeof formAjvOptions> = {}): Ajv => {
  const ajv = new Ajv({ ...extra, ...formAjvOptions });
  addFormats(ajv);
  return ajv;
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
