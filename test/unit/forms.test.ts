import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../functions/shared/contracts/form-definition.ts';
import { stateMachines } from '../../functions/shared/definitions/state-machines.ts';
import { compileFormSchema } from '../../functions/shared/domain/form-schema-compiler.ts';
import { validateFormDefinition } from '../../functions/shared/domain/form-validation.ts';

const formsDirectory = fileURLToPath(new URL('../../forms', import.meta.url));
const files = readdirSync(formsDirectory)
  .filter((name) => name.endsWith('.json'))
  .sort();
const read = (file: string): unknown => JSON.parse(readFileSync(join(formsDirectory, file), 'utf8'));

const load = (slug: string): FormDefinition => {
  const result = validateFormDefinition(read(`${slug}.json`));
  if (!result.ok) throw new Error(`forms/${slug}.json is not valid`);
  return result.definition;
};

const expectedLocales: Record<string, string[]> = {
  'integrationslotsen-registrierung': ['de', 'en', 'ar', 'uk'],
  'beratung-anfrage': ['de', 'en', 'ar', 'uk'],
  'foerderantrag-initiative': ['de', 'en'],
};

describe('forms/*.json', () => {
  it('holds the default forms', () => {
    expect(files.map((file) => basename(file, '.json'))).toEqual(
      expect.arrayContaining(Object.keys(expectedLocales)),
    );
  });

  it.each(files)('%s is a valid form definition', (file) => {
    const result = validateFormDefinition(read(file));
    const problems = result.ok ? [] : result.issues.map((issue) => `${issue.field}: ${issue.message}`);
    expect(problems, `forms/${file}:\n${problems.join('\n')}`).toEqual([]);
  });

  it.each(files)('%s is named after its slug and uses the shared settings', (file) => {
    const definition = read(file) as FormDefinition;
    expect(definition.slug).toBe(basename(file, '.json'));
    expect(definition.defaultLocale).toBe('de');
    const workflows: Record<string, string> = {
      'integrationslotsen-registrierung': 'volunteer-onboarding',
      'beratung-anfrage': 'counselling-intake',
    };
    expect(definition.workflow).toBe(workflows[definition.slug] ?? 'submission-received');
    expect(definition.workflow in stateMachines).toBe(true);
    expect(definition.consent.version).toBe('2026-11-01');
    expect(definition.consent.privacyUrl).toBe('https://example.org/datenschutz');
  });

  it.each(Object.entries(expectedLocales))('%s is offered in %j', (slug, locales) => {
    expect(load(slug).locales).toEqual(locales);
  });

  it.each(files)('%s limits every free-text field', (file) => {
    const definition = read(file) as FormDefinition;
    const unlimited: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, unknown>;
      const isFreeText =
        schema.type === 'string' && !schema.enum && !schema.const && schema.format !== 'date';
      if (isFreeText && typeof schema.maxLength !== 'number') unlimited.push(path);
      for (const [name, child] of Object.entries((schema.properties as object | undefined) ?? {})) {
        visit(child, `${path}.${name}`);
      }
      visit(schema.items, `${path}.items`);
    };
    visit(definition.schema, 'schema');
    expect(unlimited).toEqual([]);
  });
});

describe('conditional fields', () => {
  const counselling = compileFormSchema(load('beratung-anfrage').schema);
  const person = { topics: ['housing'], age: 19, firstName: 'Amal' };

  it.each([
    ['phone', 'phone'],
    ['email', 'email'],
    ['helper', 'helperName'],
  ])('beratung-anfrage requires the detail for contactMethod %s', (contactMethod, field) => {
    expect(counselling({ ...person, contactMethod })).toBe(false);
    expect(counselling.errors).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: field } }),
    );
  });

  it('beratung-anfrage accepts a first name and a helper without a phone number', () => {
    expect(counselling({ ...person, contactMethod: 'helper', helperName: 'Frau Schmidt' })).toBe(true);
  });

  it('beratung-anfrage accepts ages from 14 to 120 only', () => {
    const answers = { ...person, contactMethod: 'phone', phone: '0170 1234567' };
    expect(counselling({ ...answers, age: 14 })).toBe(true);
    expect(counselling({ ...answers, age: 13 })).toBe(false);
    expect(counselling({ ...answers, age: 121 })).toBe(false);
  });

  it('foerderantrag-initiative requires amount and purpose for a small grant only', () => {
    const validate = compileFormSchema(load('foerderantrag-initiative').schema);
    const request = {
      organisationName: 'Nachbarschaft hilft',
      legalForm: 'initiative',
      contactName: 'Jana Novak',
      email: 'jana@example.org',
      projectTitle: 'Sprachcafé',
      projectDescription: 'Wöchentliches Treffen zum Deutschüben.',
      startDate: '2027-01-15',
      supportType: 'advice',
    };
    expect(validate(request)).toBe(true);
    expect(validate({ ...request, supportType: 'small-grant' })).toBe(false);
    expect(validate.errors?.filter((error) => error.keyword === 'required').map((e) => e.params)).toEqual([
      { missingProperty: 'amount' },
      { missingProperty: 'purpose' },
    ]);
    expect(validate({ ...request, supportType: 'small-grant', amount: 800, purpose: 'Material' })).toBe(true);
    expect(validate({ ...request, supportType: 'small-grant', amount: 8000, purpose: 'Material' })).toBe(
      false,
    );
  });

  it('integrationslotsen-registrierung needs a language with a level and a weekday', () => {
    const validate = compileFormSchema(load('integrationslotsen-registrierung').schema);
    const volunteer = {
      firstName: 'Olena',
      lastName: 'Koval',
      email: 'olena@example.org',
      postalCode: '50667',
      languages: [{ language: 'uk', level: 'native' }],
      availabilityDays: ['tue'],
      motivation: 'Ich möchte helfen.',
    };
    expect(validate(volunteer)).toBe(true);
    expect(validate({ ...volunteer, languages: [] })).toBe(false);
    expect(validate({ ...volunteer, languages: [{ language: 'uk' }] })).toBe(false);
    expect(validate({ ...volunteer, availabilityDays: [] })).toBe(false);
    expect(validate({ ...volunteer, postalCode: '5066' })).toBe(false);
  });
});
