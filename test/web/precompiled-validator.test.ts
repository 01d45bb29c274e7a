import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isVisible, type UISchemaElement } from '@jsonforms/core';
import type { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormSchema } from '#shared/domain/form-schema-compiler.ts';
import { validatorModule } from '#shared/domain/form-validator-module.ts';
import { precompiledAjv } from '../../web/src/features/public-form/validation/precompiled.ts';
import { runtimeFor } from '../../web/src/features/public-form/validation/runtime.ts';
import { shippedForms } from './support/shipped-forms.ts';

type Json = Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'lotse-validator-'));

/** The module as the page gets it: written out and imported, its runtime from the page's own table. */
async function pageValidator(schema: Json, uischema: Json, name: string): Promise<Ajv> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, validatorModule(schema, uischema));
  const module = await import(pathToFileURL(file).href);
  const { root, others } = module.default(await runtimeFor(module.requires));
  return precompiledAjv(schema, root, new Map(others));
}

const keysOf = (errors: readonly { instancePath: string; keyword: string }[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();

describe('the page validates with what the server compiled, exactly as the server does', () => {
  it.each(shippedForms().map((form) => [form.slug, form]))(
    '%s: same verdict and errors for random answers',
    async (slug, form) => {
      const page = (await pageValidator(form.schema, form.uischema, slug)).compile(form.schema);
      const server = compileFormSchema(form.schema);
      const answers = fc.dictionary(
        fc.constantFrom(...Object.keys((form.schema.properties ?? {}) as object)),
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.emailAddress(),
          fc.integer(),
          fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
          fc.constantFrom('2026-02-30', '2026-02-28', 'other', '12345', 'a@b'),
        ),
      );
      fc.assert(
        fc.property(answers, (data) => {
          expect(page(data)).toBe(server(data));
          expect(keysOf(page.errors)).toEqual(keysOf(server.errors));
        }),
        { numRuns: 300 },
      );
    },
  );

  it('refuses a date that does not exist and an e-mail without a domain, as the server does', async () => {
    const schema = {
      type: 'object',
      properties: { day: { type: 'string', format: 'date' }, mail: { type: 'string', format: 'email' } },
    };
    const page = (await pageValidator(schema, {}, 'formats')).compile(schema);
    expect(page({ day: '2026-02-30' })).toBe(false);
    expect(page({ mail: 'a@' })).toBe(false);
    expect(page({ day: '2024-02-29', mail: 'a@example.org' })).toBe(true);
    expect(page.errors ?? []).toEqual([]);
  });

  it('evaluates rule conditions with validators compiled on the server', async () => {
    const form = shippedForms().find((candidate) => candidate.slug === 'beratung-anfrage');
    if (!form) throw new Error('beratung-anfrage is not shipped');
    const ajv = await pageValidator(form.schema, form.uischema, 'rules');
    const phone = {
      type: 'Control',
      scope: '#/properties/phone',
      rule: {
        effect: 'SHOW',
        condition: {
          scope: '#/properties/contactMethod',
          schema: { const: 'phone' },
          failWhenUndefined: true,
        },
      },
    } as unknown as UISchemaElement;
    expect(isVisible(phone, { contactMethod: 'phone' }, '', ajv, undefined)).toBe(true);
    expect(isVisible(phone, { contactMethod: 'email' }, '', ajv, undefined)).toBe(false);
  });

  it('compiles combinator alternatives, and throws for a schema it was not given, as ajv does for one it cannot compile', async () => {
    const schema = {
      type: 'object',
      definitions: { org: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
      properties: { who: { oneOf: [{ $ref: '#/definitions/org' }, { type: 'string', minLength: 2 }] } },
    };
    const ajv = await pageValidator(schema, {}, 'combinators');
    expect(ajv.compile({ minLength: 2, type: 'string' })('ab')).toBe(true);
    expect(ajv.compile(schema.definitions.org)({})).toBe(false);
    expect(() => ajv.compile({ type: 'number' })).toThrow(/no validator/);
  });
});
