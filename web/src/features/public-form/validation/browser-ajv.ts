import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';

let shared: Ajv | undefined;

/**
 * ajv compiling in the browser, for the console only (the editor's preview of a draft that has no
 * published version yet, and the read-only answers): the server's options (allErrors, strict: false,
 * ajv-formats' full mode; functions/shared/domain/form-validation.ts) plus `verbose`, which JSON
 * Forms needs for `parentSchema`. The public page never loads this: it gets its version's
 * validators precompiled by the server (precompiled.ts).
 */
export function browserAjv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: false, logger: false, verbose: true });
    ajvFormats.default(shared);
  }
  return shared;
}
