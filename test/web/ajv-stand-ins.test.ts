import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import fc from 'fast-check';
import * as fastUri from 'fast-uri';
import { describe, expect, it } from 'vitest';
import { formAjv } from '../../web/src/features/public-form/utils/create-ajv.ts';
import { formats } from '../../web/src/lib/json-formats.ts';
import * as resolver from '../../web/src/lib/uri-resolver.ts';
import { shippedForms } from './support/shipped-forms.ts';

// The server validates with ajv + ajv-formats (full mode); the page with src/lib stand-ins. The
// page may be more lenient than the server (the server then names the field), never stricter.

const server = new Ajv({ allErrors: true, strict: false, logger: false });
ajvFormats.default(server);
const check = (name: string, value: string): boolean => {
  const format = server.formats[name] as
    | { validate?: (s: string) => boolean }
    | RegExp
    | ((s: string) => boolean);
  if (format instanceof RegExp) return format.test(value);
  if (typeof format === 'function') return format(value);
  return format?.validate?.(value) ?? true;
};
const mine = (name: string, value: string): boolean => {
  const format = formats[name];
  return format instanceof RegExp
    ? format.test(value)
    : typeof format === 'function'
      ? (format as (s: string) => boolean)(value)
      : true;
};

const dateLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(
    ([y, m, d]) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
const timeLike = fc
  .tuple(
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('', 'Z', 'z', '+01:00', '-23:59', '+24:00', '+0130'),
  )
  .map(
    ([h, m, s, zone]) =>
      `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${zone}`,
  );
const emailLike = fc.oneof(
  fc.emailAddress(),
  fc.string(),
  fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}@${b}`),
);

describe('the browser formats agree with ajv-formats (full)', () => {
  it.each([
    ['date', dateLike],
    ['time', timeLike],
    ['date-time', fc.tuple(dateLike, fc.constantFrom('T', 't', ' ', 'x'), timeLike).map((p) => p.join(''))],
    ['email', emailLike],
    ['uuid', fc.oneof(fc.uuid(), fc.string())],
    ['ipv4', fc.oneof(fc.ipV4(), fc.string())],
    ['hostname', fc.oneof(fc.domain(), fc.string())],
  ])('%s: the same verdict', (name, values) => {
    fc.assert(
      fc.property(values as fc.Arbitrary<string>, (value) => {
        expect(mine(name, value)).toBe(check(name, value));
      }),
      { numRuns: 3000 },
    );
  });

  it('uri: never stricter than the server', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string()), (value) => {
        if (check('uri', value)) expect(mine('uri', value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('knows every format name ajv-formats knows, so ajv never warns about one', () => {
    const page = formAjv();
    for (const name of Object.keys(server.formats)) expect(page.formats[name], name).toBeDefined();
  });
});

describe('the URI resolver resolves $ref like fast-uri', () => {
  const bases = [
    '',
    'person.json',
    'http://example.org/schemas/form.json',
    'http://json-schema.org/draft-07/schema',
    'https://lotse.example/forms/a/b#/x',
  ];
  const refs = [
    '#',
    '#/definitions/address',
    'address.json',
    '../common.json#/definitions/x',
    'http://other.example/s.json',
    '#foo',
    '/abs.json',
  ];

  it.each(bases.flatMap((base) => refs.map((ref) => [base, ref])))('resolve(%j, %j)', (base, ref) => {
    expect(resolver.resolve(base, ref)).toBe(fastUri.resolve(base, ref));
  });

  it('parses the fragment ajv follows', () => {
    for (const uri of ['#/definitions/a%20b', 'http://x.org/s.json#/properties/name', 'x.json', '#']) {
      expect(resolver.parse(uri).fragment).toBe(fastUri.parse(uri).fragment);
      expect(resolver.serialize(resolver.parse(uri))).toBe(fastUri.serialize(fastUri.parse(uri)));
    }
  });

  it('compiles schemas with $id and $ref to the same validator', () => {
    const schema = {
      $id: 'http://example.org/form.json',
      definitions: {
        level: { $id: 'level.json', type: 'string', enum: ['good', 'basic'] },
        name: { type: 'string', minLength: 2 },
      },
      type: 'object',
      properties: {
        a: { $ref: '#/definitions/name' },
        b: { $ref: 'level.json' },
        c: { $ref: 'http://example.org/level.json' },
      },
    };
    const page = formAjv().compile(schema);
    const reference = server.compile(schema);
    for (const data of [{ a: 'x', b: 'bad', c: 'good' }, { a: 'xy', b: 'good', c: 'nope' }, {}]) {
      expect(page(data)).toBe(reference(data));
      expect(page.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(
        reference.errors?.map((e) => `${e.instancePath} ${e.keyword}`),
      );
    }
  });
});

describe('the shipped forms validate in the browser as on the server', () => {
  it.each(shippedForms().map((form) => [form.slug, form]))(
    '%s: same errors for random answers',
    (_slug, form) => {
      const page = formAjv().compile(form.schema);
      const reference = server.compile(form.schema);
      const keysOf = (f: typeof page) => (f.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
      const answers = fc.dictionary(
        fc.constantFrom(...Object.keys((form.schema.properties ?? {}) as object)),
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.emailAddress(),
          fc.integer(),
          fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
          fc.constant('2026-02-30'),
          fc.constant('other'),
        ),
      );
      fc.assert(
        fc.property(answers, (data) => {
          expect(page(data)).toBe(reference(data));
          expect(keysOf(page)).toEqual(keysOf(reference));
        }),
        { numRuns: 500 },
      );
    },
  );
});
