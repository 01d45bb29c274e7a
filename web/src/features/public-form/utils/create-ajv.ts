import { Ajv } from 'ajv';
import { addFormats } from '../../../lib/json-formats.ts';
import uriResolver from '../../../lib/uri-resolver.ts';

let shared: Ajv | undefined;

/**
 * One ajv for the page, made the way JSON Forms' own `createAjv` makes it (allErrors, verbose for
 * `parentSchema`, no schema registry), minus what a phone does not need: generated code without
 * line breaks, no meta-schema check of the form schema (the server checked it when it was
 * published), and the small format set and URI resolver from src/lib.
 */
export function formAjv(): Ajv {
  shared ??= addFormats(
    new Ajv({
      allErrors: true,
      verbose: true,
      strict: false,
      addUsedSchema: false,
      validateSchema: false,
      code: { lines: false },
      uriResolver: uriResolver as never,
    }),
  );
  return shared;
}
