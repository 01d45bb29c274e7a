import { getExamples } from '@jsonforms/examples';
import { describe, expect, it } from 'vitest';
import { formDefinition } from '../../functions/shared/contracts/form-definition.ts';
import { importJsonForms, previewImport, slugFromTitle } from '../../functions/shared/domain/form-import.ts';

const example = (name: string) => {
  const found = getExamples().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no JSON Forms example ${name}`);
  return found as unknown as { schema: Record<string, unknown>; uischema: Record<string, unknown> };
};

describe('JSON Forms import', () => {
  it('wraps the two documents unchanged into a definition with the defaults of a new form', () => {
    const { schema, uischema } = example('categorization');
    const definition = importJsonForms({ schema, uischema, locale: 'en', title: 'Categories' });
    expect(definition).toEqual({
      slug: 'categories',
      defaultLocale: 'en',
      locales: ['en'],
      title: { en: 'Categories' },
      workflow: 'submission-received',
      consent: { version: '1' },
      retentionDays: 365,
      schema,
      uischema,
      translations: {},
    });
    // Structurally a form definition: only validation's checks can stand in its way.
    expect(formDefinition.safeParse(definition).success).toBe(true);
  });

  it("generates JSON Forms' default UI schema when none is given, and takes the schema's title and description", () => {
    const definition = importJsonForms({
      schema: {
        title: 'Anmeldung Sprachcafé',
        description: 'Einmal pro Woche',
        type: 'object',
        properties: { name: { type: 'string' }, age: { type: 'integer' } },
      },
      locale: 'de',
    });
    expect(definition).toMatchObject({
      slug: 'anmeldung-sprachcafe',
      title: { de: 'Anmeldung Sprachcafé' },
      description: { de: 'Einmal pro Woche' },
      uischema: {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/name' },
          { type: 'Control', scope: '#/properties/age' },
        ],
      },
    });
  });

  it('makes slugs that the contract accepts from any title', () => {
    expect(slugFromTitle('Über uns: Förderung 2027!')).toBe('ueber-uns-foerderung-2027');
    expect(slugFromTitle('تسجيل')).toBe('form-new');
    expect(slugFromTitle('A')).toBe('form-a');
    for (const title of ['x'.repeat(300), '--a--b--', 'Ça va', '日本語のフォーム'])
      expect(formDefinition.shape.slug.safeParse(slugFromTitle(title)).success, title).toBe(true);
  });

  it('reports what stops a form from being published, naming the place', () => {
    const { issues } = previewImport({
      schema: {
        type: 'object',
        properties: { name: { type: 'string' }, secret: { type: 'string' } },
        required: ['secret'],
      },
      uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/name' }] },
      locale: 'de',
      slug: 'geheim',
    });
    expect(issues.some((issue) => issue.message.includes('secret') || issue.field.includes('secret'))).toBe(
      true,
    );
  });
});
