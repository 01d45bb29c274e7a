import equal from 'ajv/dist/runtime/equal.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import ValidationError from 'ajv/dist/runtime/validation_error.js';

type Modules = Record<string, unknown>;

/** Small and needed by most forms (maxLength): always on the page. */
const always: Modules = {
  'ajv/dist/runtime/ucs2length': { default: ucs2length },
  'ajv/dist/runtime/equal': { default: equal },
  'ajv/dist/runtime/validation_error': { default: ValidationError },
};

/** ajv-formats' formats (3.6 kB gzip): loaded only for a form whose formats are functions (date, time, uri). */
const onDemand: Record<string, () => Promise<unknown>> = {
  'ajv-formats/dist/formats': () => import('ajv-formats/dist/formats.js'),
};

/**
 * The `require` that a server-compiled validator module calls for ajv's runtime parts: the
 * maintained modules themselves, the same ones the server's ajv uses.
 */
export async function runtimeFor(requires: readonly string[]): Promise<(name: string) => unknown> {
  const modules: Modules = { ...always };
  for (const name of requires) {
    const load = onDemand[name];
    if (load && !(name in modules)) modules[name] = await load();
  }
  return (name: string) => {
    if (!(name in modules))
      throw new Error(`The form's validator needs ${name}, which the page does not have`);
    return modules[name];
  };
}
