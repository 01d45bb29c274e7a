import { generateDefaultUISchema, generateJsonSchema, type JsonSchema } from '@jsonforms/core';
import { getExamples } from '@jsonforms/examples';
import { describe, expect, it } from 'vitest';
import { validateFormDefinition } from '../../functions/shared/domain/form-validation.ts';

/*
 * JSON Forms' own examples (@jsonforms/examples) as one-language forms, the way an import wraps
 * them: each must be accepted as it is, except the ones below, which the page truly cannot serve.
 */

type Example = ReturnType<typeof getExamples>[number];

/** Refused examples: the issue's field and why. Everything else must be accepted. */
const refused: Record<string, { field: string; reason: RegExp }> = {
  // The answers of a form are an object; these describe a list, a text or any value.
  enumInArray: { field: 'schema.type', reason: /^must be "object"/ },
  'json-editor': { field: 'schema.type', reason: /^must be "object"/ },
  mixed: { field: 'schema.type', reason: /^must be "object"/ },
  string: { field: 'schema.type', reason: /^must be "object"/ },
  // The draft-07 meta-schema: `additionalItems`, `not`, `if`… are the schema itself again, as
  // plain properties, so JSON Forms would render it endlessly.
  jsonschema: { field: 'schema.properties.additionalItems.$ref', reason: /would never finish rendering/ },
  // Required fields the UI schema never shows: the form could never be sent.
  'array-with-detail': { field: 'schema.required.0', reason: /^"occupation" is required, but no Control/ },
  'array-with-detail-and-rule': {
    field: 'schema.required.1',
    reason: /^"nationality" is required, but no Control/,
  },
  'layout-complex': { field: 'schema.required.0', reason: /^"occupation" is required, but no Control/ },
  'layout-group': { field: 'schema.required.0', reason: /^"occupation" is required, but no Control/ },
  'layout-horizontal': { field: 'schema.required.0', reason: /^"occupation" is required, but no Control/ },
  'layout-vertical': { field: 'schema.required.0', reason: /^"occupation" is required, but no Control/ },
};

const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

function asDefinition(example: Example) {
  // Three examples have only data: JSON Forms then generates the schema, and so does an import.
  const schema = (example.schema ?? generateJsonSchema((example.data ?? {}) as object)) as JsonSchema;
  return {
    slug: slugOf(example.name),
    defaultLocale: 'en',
    locales: ['en'],
    title: { en: example.label },
    workflow: 'submission-received',
    consent: { version: '1' },
    retentionDays: 365,
    schema,
    uischema: example.uischema ?? generateDefaultUISchema(schema),
    translations: {},
  };
}

const examples = getExamples() as Example[];
const refusedCount = examples.filter((example) => example.name in refused).length;
const acceptedCount = examples.length - refusedCount;
console.info(`JSON Forms examples: ${acceptedCount} accepted, ${refusedCount} refused of ${examples.length}`);

describe(`JSON Forms' own examples (${acceptedCount} accepted, ${refusedCount} refused of ${examples.length})`, () => {
  it('are all there, and every refusal names an example that exists', () => {
    expect(examples).toHaveLength(75);
    const names = examples.map((example) => example.name);
    for (const name of Object.keys(refused)) expect(names).toContain(name);
  });

  it.each(examples.filter((example) => !(example.name in refused)).map((example) => [example.name, example]))(
    'accepts %s as it is',
    (_name, example) => {
      const result = validateFormDefinition(asDefinition(example as Example));
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );

  it.each(examples.filter((example) => example.name in refused).map((example) => [example.name, example]))(
    'refuses %s, naming the place and the reason',
    (name, example) => {
      const result = validateFormDefinition(asDefinition(example as Example));
      const expected = refused[name as string];
      expect(result.ok ? [] : result.issues).toContainEqual({
        field: expected?.field,
        message: expect.stringMatching(expected?.reason ?? /./),
      });
    },
  );
});
