import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../functions/shared/contracts/form-definition.ts';
import { compileFormSchema } from '../../functions/shared/domain/form-schema-compiler.ts';
import {
  arrayTranslationKeys,
  requiredTranslationKeys,
  validateFormDefinition,
} from '../../functions/shared/domain/form-validation.ts';
import { formTemplates, templateDefinition } from '../../functions/shared/forms/templates/index.ts';

type Json = Record<string, unknown>;

const properties = (definition: FormDefinition) =>
  Object.entries(definition.schema.properties as Record<string, Json>);

function* layoutElements(element: Json): Generator<Json> {
  yield element;
  for (const child of (element.elements ?? []) as Json[]) yield* layoutElements(child);
}

describe('form templates', () => {
  it('offers the four starting points of issue 10', () => {
    expect(formTemplates.map((template) => template.id)).toEqual([
      'volunteer-registration',
      'counselling-intake',
      'small-grant-request',
      'course-feedback',
    ]);
  });

  describe.each(formTemplates.map((template) => [template.id, template] as const))('%s', (_id, template) => {
    const { definition } = template;

    it('validates as it is: German in the documents, English in translations', () => {
      const result = validateFormDefinition(structuredClone(definition));
      expect(result.ok ? [] : result.issues).toEqual([]);
    });

    it('starts the workflow that needs no organisation data, in German with English', () => {
      expect(definition.workflow).toBe('submission-received');
      expect(definition.defaultLocale).toBe('de');
      expect(definition.locales).toEqual(['de', 'en']);
      expect(definition.consent).toEqual({ version: '1' });
      expect(template.title.de).toBeTruthy();
      expect(template.title.en).toBeTruthy();
      expect(template.description.de).toBeTruthy();
      expect(template.description.en).toBeTruthy();
    });

    it('holds its German texts in the documents', () => {
      for (const [name, schema] of properties(definition)) expect(schema.title, name).toBeTruthy();
      for (const element of layoutElements(definition.uischema)) {
        if (element.type === 'Group') expect(element.label, String(element.i18n)).toBeTruthy();
      }
      for (const [, schema] of properties(definition)) {
        const options = (schema.oneOf ?? (schema.items as Json | undefined)?.oneOf ?? []) as Json[];
        for (const option of options)
          expect(option).toEqual(expect.objectContaining({ title: expect.any(String) }));
        expect(schema.enum ?? (schema.items as Json | undefined)?.enum).toBeUndefined();
      }
    });

    it('has an English text for every form text', () => {
      const english = definition.translations.en ?? {};
      const formTexts = requiredTranslationKeys(definition).filter(
        (key) =>
          !key.startsWith('error.') && !arrayTranslationKeys.some((array) => key.endsWith(`.${array}`)),
      );
      expect(formTexts.length).toBeGreaterThan(5);
      expect(formTexts.filter((key) => !english[key])).toEqual([]);
      const translated = Object.keys(english).filter((key) => !/\.error\.[a-zA-Z]+$/.test(key));
      expect(translated.filter((key) => !formTexts.includes(key))).toEqual([]);
    });

    it('gives a fresh copy to each new form', () => {
      const copy = templateDefinition(template.id) as FormDefinition;
      expect(copy).toEqual(definition);
      (copy.title as Record<string, string>).de = 'Geändert';
      expect(definition.title.de).not.toBe('Geändert');
    });
  });

  it('asks for the contact details only where the visitor chose that way', () => {
    const intake = templateDefinition('counselling-intake') as FormDefinition;
    const validate = compileFormSchema(intake.schema);
    const base = { topics: ['housing'], firstName: 'Amal', age: 34 };
    expect(validate({ ...base, contactMethod: 'phone' })).toBe(false);
    expect(validate({ ...base, contactMethod: 'phone', phone: '+49 170 1234567' })).toBe(true);
    expect(validate({ ...base, contactMethod: 'helper', helperName: 'Sara' })).toBe(true);
  });

  it('rates a course from 1 to 5 with one set of option texts', () => {
    const feedback = templateDefinition('course-feedback') as FormDefinition;
    const validate = compileFormSchema(feedback.schema);
    const answers = { ratingContent: 5, ratingTrainer: 4, ratingOrganisation: 3, recommend: 'yes' };
    expect(validate(answers)).toBe(true);
    expect(validate({ ...answers, ratingContent: 6 })).toBe(false);
    expect(feedback.translations.en?.['rating.1']).toBe('1 – not at all');
    expect(
      Object.keys(feedback.translations.en ?? {}).filter((key) => key.startsWith('rating.')),
    ).toHaveLength(5);
  });
});
