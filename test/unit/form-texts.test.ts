import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../functions/shared/contracts/form-definition.ts';
import { formTexts, missingTranslations, walkUiSchema } from '../../functions/shared/domain/form-texts.ts';

const definition = (edit: (d: FormDefinition) => void = () => {}): FormDefinition => {
  const d: FormDefinition = {
    slug: 'texts',
    defaultLocale: 'de',
    locales: ['de'],
    title: { de: 'Anmeldung' },
    description: { de: 'Bitte ausfüllen' },
    workflow: 'submission-received',
    consent: { version: '1', text: { de: 'Ich stimme zu.' } },
    retentionDays: 30,
    schema: {
      type: 'object',
      properties: {
        firstName: { type: 'string' },
        email: { type: 'string', title: 'E-Mail', description: 'Für die Bestätigung' },
        level: { type: 'string', enum: ['basic', 'native'] },
        contact: {
          type: 'string',
          oneOf: [
            { const: 'phone', title: 'Telefon' },
            { const: 'mail', title: 'Post', i18n: 'contact.byMail' },
          ],
        },
        languages: {
          type: 'array',
          items: { type: 'object', properties: { language: { type: 'string', title: 'Sprache' } } },
        },
      },
    },
    uischema: {
      type: 'Categorization',
      elements: [
        {
          type: 'Category',
          label: 'Person',
          elements: [
            {
              type: 'Group',
              i18n: 'person',
              label: 'Über Sie',
              elements: [
                { type: 'Control', scope: '#/properties/firstName' },
                { type: 'Control', scope: '#/properties/email', label: 'Ihre E-Mail' },
              ],
            },
            { type: 'Label', text: 'Pflichtfelder sind markiert.' },
          ],
        },
        {
          type: 'Category',
          label: 'Mehr',
          elements: [
            { type: 'Control', scope: '#/properties/level', label: false },
            { type: 'Control', scope: '#/properties/contact' },
            { type: 'Control', scope: '#/properties/languages' },
          ],
        },
      ],
    },
    translations: {},
  };
  edit(d);
  return d;
};

describe('formTexts', () => {
  it('lists every text in page order with its JSON Forms key, default text, kind and place', () => {
    expect(formTexts(definition())).toEqual([
      { key: 'title', text: 'Anmeldung', kind: 'title', where: 'Form title' },
      { key: 'description', text: 'Bitte ausfüllen', kind: 'title', where: 'Form description' },
      { key: 'Person', text: 'Person', kind: 'layout', where: "Step 'Person'" },
      { key: 'person.label', text: 'Über Sie', kind: 'layout', where: "Section 'Über Sie'" },
      // Without a title JSON Forms shows the start-cased property name.
      { key: 'firstName.label', text: 'First Name', kind: 'label', where: "Field 'First Name' (firstName)" },
      // The UI schema's label wins over the schema's title.
      { key: 'email.label', text: 'Ihre E-Mail', kind: 'label', where: "Field 'Ihre E-Mail' (email)" },
      {
        key: 'email.description',
        text: 'Für die Bestätigung',
        kind: 'description',
        where: "Help text of field 'Ihre E-Mail' (email)",
      },
      {
        key: 'Pflichtfelder sind markiert.',
        text: 'Pflichtfelder sind markiert.',
        kind: 'label-element',
        where: "Text 'Pflichtfelder sind markiert.'",
      },
      { key: 'Mehr', text: 'Mehr', kind: 'layout', where: "Step 'Mehr'" },
      // `label: false` hides the label, but the options still show.
      { key: 'level.basic', text: 'basic', kind: 'option', where: "Option 'basic' of field 'Level' (level)" },
      {
        key: 'level.native',
        text: 'native',
        kind: 'option',
        where: "Option 'native' of field 'Level' (level)",
      },
      { key: 'contact.label', text: 'Contact', kind: 'label', where: "Field 'Contact' (contact)" },
      {
        key: 'contact.Telefon',
        text: 'Telefon',
        kind: 'option',
        where: "Option 'Telefon' of field 'Contact' (contact)",
      },
      {
        key: 'contact.byMail',
        text: 'Post',
        kind: 'option',
        where: "Option 'Post' of field 'Contact' (contact)",
      },
      { key: 'languages.label', text: 'Languages', kind: 'label', where: "Field 'Languages' (languages)" },
      // The entries of a list without a detail: the fields JSON Forms generates, keyed without indices.
      {
        key: 'languages.language.label',
        text: 'Sprache',
        kind: 'label',
        where: "Field 'Sprache' (languages.language)",
      },
      { key: 'consent.text', text: 'Ich stimme zu.', kind: 'consent', where: 'Consent text' },
    ]);
  });

  it('lists each key once, and the fields of oneOf alternatives and nested objects', () => {
    const keys = formTexts(
      definition((d) => {
        d.schema.properties = {
          payment: {
            oneOf: [
              { title: 'Bank', type: 'object', properties: { iban: { type: 'string', title: 'IBAN' } } },
              { title: 'Bar', type: 'object', properties: { note: { type: 'string' } } },
            ],
          },
          address: { type: 'object', properties: { city: { type: 'string', title: 'Ort' } } },
        };
        d.uischema = {
          type: 'VerticalLayout',
          elements: [
            { type: 'Control', scope: '#/properties/payment' },
            { type: 'Control', scope: '#/properties/address' },
            { type: 'Control', scope: '#/properties/address/properties/city' },
          ],
        };
      }),
    ).map((text) => `${text.key}=${text.text}`);
    expect(keys).toEqual([
      'title=Anmeldung',
      'description=Bitte ausfüllen',
      'payment.label=Payment',
      'payment.Bank=Bank',
      'payment.iban.label=IBAN',
      'payment.Bar=Bar',
      'payment.note.label=Note',
      'address.label=Address',
      'address.city.label=Ort',
      'consent.text=Ich stimme zu.',
    ]);
  });

  it('stops at a schema that repeats itself inside a list', () => {
    const folder = {
      type: 'object',
      properties: {
        name: { type: 'string', title: 'Name' },
        children: { type: 'array', items: { $ref: '#/definitions/folder' } },
      },
    };
    const walk = walkUiSchema(
      { type: 'object', definitions: { folder }, properties: { root: { $ref: '#/definitions/folder' } } },
      { type: 'Control', scope: '#' },
    );
    // The folder inside the list is the folder again: its fields fall back to the texts above.
    expect(walk.texts.map((text) => text.key)).toEqual([
      'root.label',
      'root.name.label',
      'root.children.label',
    ]);
    expect([...walk.controls]).toEqual(['', 'root', 'root.name', 'root.children']);
  });

  it('names the scopes that do not resolve and the element types the page cannot render', () => {
    const walk = walkUiSchema(
      { type: 'object', properties: { a: { type: 'string' } } },
      {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/b' },
          {
            type: 'Control',
            scope: '#/properties/a',
            rule: { effect: 'HIDE', condition: { scope: '#/properties/c' } },
          },
          { type: 'Table' },
        ],
      },
    );
    expect(walk.issues.map((issue) => issue.field)).toEqual([
      'uischema.elements.0.scope',
      'uischema.elements.1.rule.condition.scope',
      'uischema.elements.2.type',
    ]);
  });
});

describe('missingTranslations', () => {
  it('finds nothing missing in a form in one language', () => {
    expect(missingTranslations(definition())).toEqual({});
  });

  it('lists, per other locale, each text without a translation with its default-language text', () => {
    const twoLanguages = definition((d) => {
      d.locales = ['de', 'ar'];
      d.title.ar = 'التسجيل';
      d.translations = {
        ar: Object.fromEntries(formTexts(d).map((text) => [text.key, `${text.text} (ar)`])),
      };
      delete d.translations.ar?.['email.description'];
      delete d.translations.ar?.['level.native'];
    });
    expect(missingTranslations(twoLanguages)).toEqual({
      ar: [
        { key: 'description', text: 'Bitte ausfüllen' },
        { key: 'email.description', text: 'Für die Bestätigung' },
        { key: 'level.native', text: 'native' },
        { key: 'consent.text', text: 'Ich stimme zu.' },
      ],
    });
  });

  it('needs the title in the default locale too, and a key-only text nowhere until it has a text', () => {
    const keyOnly = definition((d) => {
      d.locales = ['de', 'en'];
      delete d.description;
      delete d.consent.text;
      d.title = { en: 'Registration' };
      d.uischema = { type: 'Group', i18n: 'intro', elements: [] };
    });
    expect(missingTranslations(keyOnly)).toEqual({ de: [{ key: 'title', text: '' }] });
    keyOnly.translations = { de: { 'intro.label': 'Willkommen' } };
    expect(missingTranslations(keyOnly)).toEqual({
      de: [{ key: 'title', text: '' }],
      en: [{ key: 'intro.label', text: '' }],
    });
  });
});

describe('placeholders', () => {
  it("are a form text under `<prefix>.placeholder`, from the Control's options, and need a translation", () => {
    const d = definition((form) => {
      form.uischema = {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/email', options: { placeholder: 'name@beispiel.de' } },
        ],
      };
      form.locales = ['de', 'en'];
      form.title.en = 'Registration';
      form.description = undefined;
      form.consent = { version: '1' };
    });
    expect(formTexts(d).find((text) => text.key === 'email.placeholder')).toMatchObject({
      text: 'name@beispiel.de',
      kind: 'description',
    });
    expect(missingTranslations(d).en?.map((text) => text.key)).toContain('email.placeholder');
  });
});

describe('oneOf and anyOf alternatives', () => {
  it('list their titles as options under `<prefix>.<title>`, as the public page translates them', () => {
    const d = definition((form) => {
      form.schema = {
        type: 'object',
        properties: {
          payment: {
            oneOf: [
              { title: 'Karte', type: 'object', properties: { number: { type: 'string' } } },
              { title: 'Bar', type: 'object', properties: { note: { type: 'string' } } },
            ],
          },
        },
      };
      form.uischema = {
        type: 'VerticalLayout',
        elements: [{ type: 'Control', scope: '#/properties/payment' }],
      };
    });
    const keys = formTexts(d)
      .filter((text) => text.kind === 'option')
      .map((text) => text.key);
    expect(keys).toEqual(['payment.Karte', 'payment.Bar']);
  });
});
