import type { Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { Ajv, type ErrorObject } from 'ajv';
import { rangeOfPointer } from './json-position.ts';
// A compact schema of JSON Forms UI schemas (@jsonforms/core ships types, not a schema): element
// types, what each needs (a Control's scope, a layout's elements, a Label's text), rule shapes.
import uiSchemaSchema from './uischema.schema.json' with { type: 'json' };

/*
 * Checks of the two documents while they are typed: the answers' schema against JSON Schema
 * draft-07 (ajv's own meta-schema, and that it compiles), the UI schema against uischema.schema.json.
 */

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validateUiSchema = ajv.compile(uiSchemaSchema);

const describe = (error: ErrorObject) => {
  const params = error.params as Record<string, unknown>;
  const extra = params.allowedValues ? `: ${(params.allowedValues as unknown[]).join(', ')}` : '';
  return `${error.message ?? error.keyword}${extra}`;
};

function toDiagnostics(state: EditorState, errors: readonly ErrorObject[] | null | undefined): Diagnostic[] {
  // `if`/`anyOf` wrappers repeat what the inner errors already say.
  const meaningful = (errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf');
  return meaningful.slice(0, 50).map((error) => ({
    ...rangeOfPointer(state, error.instancePath),
    severity: 'error',
    message: describe(error),
  }));
}

const parse = (state: EditorState): unknown => {
  try {
    return JSON.parse(state.doc.toString());
  } catch {
    return undefined; // the JSON syntax linter reports it
  }
};

export function lintSchema(state: EditorState): Diagnostic[] {
  const document = parse(state);
  if (typeof document !== 'object' || document === null) return [];
  if (!ajv.validateSchema(document as object)) return toDiagnostics(state, ajv.errors);
  try {
    new Ajv({ strict: false, validateFormats: false }).compile(document as object);
    return [];
  } catch (error) {
    return [
      { from: 0, to: Math.min(1, state.doc.length), severity: 'error', message: (error as Error).message },
    ];
  }
}

export function lintUiSchema(state: EditorState): Diagnostic[] {
  const document = parse(state);
  if (document === undefined || validateUiSchema(document)) return [];
  return toDiagnostics(state, validateUiSchema.errors);
}
