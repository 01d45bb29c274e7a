import { describe, expect, it } from 'vitest';
import { compileFormSchema } from '../../functions/shared/domain/form-schema-compiler.ts';
import { fieldLibrary, type LibraryField } from '../../functions/shared/forms/field-library.ts';
import { placeLibraryField } from '../../functions/shared/forms/place-library-field.ts';
import { shippedLocales } from '../../functions/shared/i18n/locales.ts';
import { autocompleteFor } from '../../web/src/features/public-form/utils/input-purpose.ts';

type Json = Record<string, unknown>;
const byId = (id: string) => fieldLibrary.find((field) => field.id === id) as LibraryField;
const validator = (field: LibraryField) => compileFormSchema(structuredClone(field.schema));

/** The text keys a field's schema calls for: label, each option, each nested property's label. */
function expectedKeys(schema: Json, path = ''): string[] {
  const keys = [`${path}label`];
  const items = schema.items as Json | undefined;
  for (const value of (schema.enum ?? items?.enum ?? []) as unknown[]) keys.push(`${path}${String(value)}`);
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    keys.push(...expectedKeys(child, `${path}${name}.`));
  }
  return keys;
}

function hasText(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  return Object.entries(node).some(
    ([key, value]) => key === 'title' || key === 'description' || hasText(value),
  );
}

describe('the field library', () => {
  it('offers the common fields of issue 10, each once', () => {
    expect(fieldLibrary.map((field) => field.id)).toEqual([
      'firstName',
      'lastName',
      'email',
      'phone',
      'dateOfBirth',
      'address',
      'languages',
      'availability',
      'contactConsent',
    ]);
    expect(new Set(fieldLibrary.map((field) => field.name)).size).toBe(fieldLibrary.length);
  });

  describe.each(fieldLibrary.map((field) => [field.id, field] as const))('%s', (_id, field) => {
    it('has the same texts in all seven languages, none empty', () => {
      const keys = Object.keys(field.texts.de).sort();
      expect(Object.keys(field.texts).sort()).toEqual([...shippedLocales].sort());
      for (const locale of shippedLocales) {
        expect(Object.keys(field.texts[locale]).sort(), locale).toEqual(keys);
        for (const text of Object.values(field.texts[locale])) expect(text.trim().length).toBeGreaterThan(0);
      }
    });

    it('has a text for its label, every option and every part, and none for what it lacks', () => {
      const expected = expectedKeys(field.schema);
      const keys = Object.keys(field.texts.en);
      expect(keys).toEqual(expect.arrayContaining(expected));
      const extras = keys.filter((key) => !expected.includes(key));
      for (const key of extras) expect(key).toMatch(/^([a-z]+\.)?(description|error\.[a-zA-Z]+)$/);
    });

    it('writes Arabic and Persian, Ukrainian and Russian each in their own words', () => {
      expect(field.texts.fa.label).not.toBe(field.texts.ar.label);
      expect(field.texts.ru.label).not.toBe(field.texts.uk.label);
      expect(field.texts.de.label).not.toBe(field.texts.en.label);
    });

    it('keeps texts out of the schema and compiles with ajv', () => {
      expect(hasText(field.schema)).toBe(false);
      expect(() => validator(field)).not.toThrow();
    });

    it('fills in from the phone’s address book where the public page can tell', () => {
      const token = autocompleteFor(field.name, field.options?.autocomplete);
      const expected: Record<string, string> = {
        firstName: 'given-name',
        lastName: 'family-name',
        email: 'email',
        phone: 'tel',
        dateOfBirth: 'bday',
      };
      expect(token).toBe(expected[field.id] ?? (field.id === 'address' ? 'street-address' : undefined));
    });
  });

  it('names languages by ISO code and translates each option', () => {
    const languages = byId('languages');
    const codes = (languages.schema.items as { enum: string[] }).enum;
    for (const code of codes) expect(code).toMatch(/^[a-z]{2}$/);
    expect(codes).toEqual(expect.arrayContaining(['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru']));
    expect(languages.texts.de.ar).toBe('Arabisch');
    expect(languages.texts.fa.fa).toBe('فارسی (دری)');
    expect(languages.texts.tr.de).toBe('Almanca');
  });

  it('accepts what people type and refuses what coordinators could not use', () => {
    const check = (id: string, value: unknown) => validator(byId(id))(value);
    expect(check('phone', '+49 170 1234567')).toBe(true);
    expect(check('phone', '0170/123 45-67')).toBe(true);
    expect(check('phone', '۰۹۱۲۳۴۵۶۷۸۹')).toBe(false);
    expect(check('email', 'amal@example.org')).toBe(true);
    expect(check('email', 'amal@')).toBe(false);
    expect(check('dateOfBirth', '1990-02-28')).toBe(true);
    expect(check('dateOfBirth', '28.02.1990')).toBe(false);
    expect(check('address', { street: 'Hauptstr. 1', postcode: '10115', city: 'Berlin' })).toBe(true);
    expect(check('address', { street: 'Hauptstr. 1', city: 'Berlin' })).toBe(false);
    expect(check('languages', ['ar', 'de'])).toBe(true);
    expect(check('languages', [])).toBe(false);
    expect(check('languages', ['xx'])).toBe(false);
    expect(check('availability', ['weekends'])).toBe(true);
    expect(check('contactConsent', true)).toBe(true);
    expect(check('contactConsent', false)).toBe(false);
  });

  it('is rendered as a checkbox where a yes is needed, not as a one-option choice', () => {
    const consent = byId('contactConsent').schema;
    expect(consent.type).toBe('boolean');
    for (const key of ['enum', 'const', 'oneOf', 'anyOf', 'allOf']) expect(consent).not.toHaveProperty(key);
  });
});

describe('placing a library field in a form', () => {
  const locales = ['de', 'en', 'ar', 'fr'];

  it('writes the default language into the schema and the rest into translations', () => {
    const placed = placeLibraryField(byId('address'), { defaultLocale: 'de', locales });
    expect(placed.schema).toMatchObject({
      title: 'Adresse',
      properties: { street: { title: 'Straße und Hausnummer' }, city: { title: 'Ort' } },
    });
    expect(placed.translations.de).toEqual({
      'address.postcode.error.pattern': 'Bitte geben Sie eine gültige Postleitzahl ein.',
    });
    expect(placed.translations.ar?.['address.street.label']).toBe('الشارع ورقم المنزل');
    expect(placed.translations).not.toHaveProperty('fr');
    expect(placed.control).toEqual({ type: 'Control', scope: '#/properties/address' });
    expect(byId('address').schema).not.toHaveProperty('title');
  });

  it('titles the options in the default language, with keys that survive renaming them', () => {
    const placed = placeLibraryField(byId('languages'), { defaultLocale: 'en', locales, name: 'spoken' });
    expect(placed.schema.title).toBe('Which languages do you speak?');
    const items = placed.schema.items as { oneOf: Json[]; enum?: unknown };
    expect(items.enum).toBeUndefined();
    expect(items.oneOf).toContainEqual({ const: 'uk', title: 'Ukrainian', i18n: 'spoken.uk' });
    expect(placed.translations).not.toHaveProperty('en');
    expect(placed.translations.de?.['spoken.label']).toBe('Welche Sprachen sprechen Sie?');
    expect(placed.translations.de?.['spoken.uk']).toBe('Ukrainisch');
    expect(placed.control.scope).toBe('#/properties/spoken');
    const valid = compileFormSchema(placed.schema);
    expect(valid(['uk', 'ar'])).toBe(true);
    expect(valid(['xx'])).toBe(false);
  });

  it('takes English texts for a default language Lotse does not ship', () => {
    const placed = placeLibraryField(byId('phone'), { defaultLocale: 'fr', locales });
    expect(placed.schema.title).toBe('Phone number');
    expect(placed.control).toMatchObject({ options: { autocomplete: 'tel' } });
  });
});
