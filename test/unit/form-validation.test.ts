import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functions } from '../../functions/shared/definitions/functions.ts';
import { stateMachines } from '../../functions/shared/definitions/state-machines.ts';
import intakeAsl from '../../functions/shared/definitions/workflows/counselling-intake.asl.json' with {
  type: 'json',
};
import onboardingAsl from '../../functions/shared/definitions/workflows/volunteer-onboarding.asl.json' with {
  type: 'json',
};
import { compileFormSchema } from '../../functions/shared/domain/form-schema-compiler.ts';
import {
  requiredTranslationKeys,
  validateFormDefinition,
} from '../../functions/shared/domain/form-validation.ts';
import { submissionWorkflows } from '../../functions/shared/domain/form-workflow-settings.ts';
import {
  approvalSettingsSchema,
  approvalWaitSeconds,
  intakeSettingsSchema,
} from '../../functions/shared/domain/workflow-settings.ts';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited freely to break them
type Fixture = any;

/** The keys of the fixture's form texts; the spec of the key rules in one list. */
const expectedKeys = [
  'address.street.label', // nested scope #/properties/address/properties/street
  'contact.Phone', // oneOf entry with a title: <prefix>.<title>
  'contact.byMail', // oneOf entry with its own i18n key
  'contact.label',
  'days.label',
  'days.mon', // items.enum of a multi-choice array
  'days.tue',
  'group.person.label', // Group: <i18n>.label
  'hint.text', // Label: <i18n>.text
  'languages.label',
  'languages.language.ar', // array detail: data path without indices
  'languages.language.de',
  'languages.language.label',
  'languages.level.basic',
  'languages.level.label',
  'languages.level.native',
  'mail.label', // i18n on the Control
  'name.label',
  'telephone.label', // i18n on the schema property
].sort();

/** Texts the page has built in: a form may override them, but never has to. */
const builtInKeys = [
  'error.format',
  'error.maxLength',
  'error.minItems',
  'error.required',
  'languages.addTooltip',
];

const translationsFor = (locale: string) =>
  Object.fromEntries([...expectedKeys, ...builtInKeys].map((key) => [key, `${key} (${locale})`]));

const good = (): Fixture => ({
  slug: 'test-form',
  defaultLocale: 'de',
  locales: ['de', 'en'],
  title: { de: 'Titel', en: 'Title' },
  description: { de: 'Beschreibung', en: 'Description' },
  workflow: 'submission-received',
  consent: {
    version: '2026-11-01',
    text: { de: 'Ich bin einverstanden.', en: 'I agree.' },
    privacyUrl: 'https://example.org/datenschutz',
  },
  retentionDays: 365,
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', maxLength: 200 },
      email: { type: 'string', format: 'email' },
      address: { type: 'object', properties: { street: { type: 'string' } } },
      contact: {
        type: 'string',
        oneOf: [
          { const: 'phone', title: 'Phone' },
          { const: 'mail', i18n: 'contact.byMail' },
        ],
      },
      phone: { type: 'string', i18n: 'telephone' },
      days: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['mon', 'tue'] } },
      languages: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            language: { type: 'string', enum: ['de', 'ar'] },
            level: { type: 'string', enum: ['basic', 'native'] },
          },
          required: ['language'],
        },
      },
    },
    required: ['name', 'languages'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'Group',
        i18n: 'group.person',
        elements: [
          { type: 'Control', scope: '#/properties/name' },
          { type: 'Control', scope: '#/properties/email', i18n: 'mail' },
          { type: 'Control', scope: '#/properties/address/properties/street' },
        ],
      },
      {
        type: 'Control',
        scope: '#/properties/languages',
        options: {
          detail: {
            type: 'VerticalLayout',
            elements: [
              { type: 'Control', scope: '#/properties/language' },
              { type: 'Control', scope: '#/properties/level' },
            ],
          },
        },
      },
      { type: 'Control', scope: '#/properties/contact' },
      {
        type: 'Control',
        scope: '#/properties/phone',
        rule: { effect: 'SHOW', condition: { scope: '#/properties/contact', schema: { const: 'phone' } } },
      },
      { type: 'Control', scope: '#/properties/days' },
      { type: 'Label', i18n: 'hint' },
    ],
  },
  translations: { de: translationsFor('de'), en: translationsFor('en') },
});

const fieldsOf = (definition: Fixture): string[] => {
  const result = validateFormDefinition(definition);
  return result.ok ? [] : result.issues.map((issue) => issue.field);
};

const broken = (edit: (definition: Fixture) => void): Fixture => {
  const definition = good();
  edit(definition);
  return definition;
};

describe('validateFormDefinition', () => {
  it('accepts a complete definition', () => {
    const result = validateFormDefinition(good());
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('derives translation keys the way JSON Forms 3.8 asks for them', () => {
    const result = validateFormDefinition(good());
    if (!result.ok) throw new Error('fixture is not valid');
    expect(requiredTranslationKeys(result.definition)).toEqual(expectedKeys);
  });

  describe('a) the zod contract', () => {
    it.each([
      ['a missing field', (d: Fixture) => delete d.slug, ['slug']],
      ['an unknown field', (d: Fixture) => Object.assign(d, { colour: 'blue' }), ['colour']],
      ['an unknown nested field', (d: Fixture) => Object.assign(d.consent, { date: 'x' }), ['consent.date']],
      ['a bad locale key', (d: Fixture) => Object.assign(d.title, { EN: 'Title' }), ['title.EN']],
      [
        'an invalid URL',
        (d: Fixture) => Object.assign(d.consent, { privacyUrl: 'datenschutz' }),
        ['consent.privacyUrl'],
      ],
      [
        'a non-integer retention',
        (d: Fixture) => Object.assign(d, { retentionDays: 1.5 }),
        ['retentionDays'],
      ],
    ])('reports %s', (_name, edit, fields) => {
      expect(fieldsOf(broken(edit))).toEqual(fields);
    });

    it('says that a missing field is required', () => {
      const result = validateFormDefinition(broken((d) => delete d.workflow));
      expect(result).toEqual({ ok: false, issues: [{ field: 'workflow', message: 'is required' }] });
    });
  });

  describe('b) the JSON Schema compiles', () => {
    it('reports a keyword the draft-07 meta-schema refuses, at its place', () => {
      const definition = broken((d) => {
        d.schema.properties.name.type = 'text';
      });
      const result = validateFormDefinition(definition);
      expect(result.ok ? [] : result.issues).toEqual([
        {
          field: 'schema.properties.name.type',
          message: expect.stringContaining('must be one of "array", "boolean", "integer"'),
        },
      ]);
    });

    it('reports a $ref that points nowhere, at its place', () => {
      const result = validateFormDefinition(
        broken((d) => {
          d.schema.properties.name.not = { $ref: '#/definitions/missing' };
        }),
      );
      expect(result.ok ? [] : result.issues).toEqual([
        {
          field: 'schema.properties.name.not.$ref',
          message: 'points at "#/definitions/missing", which does not exist in the schema',
        },
      ]);
    });

    it('reports what ajv cannot compile', () => {
      const result = validateFormDefinition(broken((d) => (d.schema.properties.name.pattern = '(')));
      expect(result.ok ? [] : result.issues).toEqual([
        {
          field: 'schema',
          message: expect.stringMatching(/^does not compile: .*Invalid regular expression/),
        },
      ]);
    });

    it('reports an unknown format', () => {
      expect(fieldsOf(broken((d) => (d.schema.properties.email.format = 'e-mail')))).toEqual([
        'schema.properties.email.format',
      ]);
    });

    it('requires the answers to be an object', () => {
      expect(fieldsOf(broken((d) => (d.schema.type = 'array')))).toEqual(['schema.type']);
    });
  });

  describe('c) UI schema scopes exist in the schema', () => {
    it.each([
      [
        'a Control',
        (d: Fixture) => (d.uischema.elements[0].elements[1].scope = '#/properties/mail'),
        'uischema.elements.0.elements.1.scope',
      ],
      [
        'a nested property',
        (d: Fixture) => (d.uischema.elements[0].elements[2].scope = '#/properties/address/properties/town'),
        'uischema.elements.0.elements.2.scope',
      ],
      [
        'a Control inside an array detail',
        (d: Fixture) => (d.uischema.elements[1].options.detail.elements[1].scope = '#/properties/grade'),
        'uischema.elements.1.options.detail.elements.1.scope',
      ],
      [
        'a rule condition',
        (d: Fixture) => (d.uischema.elements[3].rule.condition.scope = '#/properties/kontakt'),
        'uischema.elements.3.rule.condition.scope',
      ],
      [
        'a Control without a scope',
        (d: Fixture) => delete d.uischema.elements[4].scope,
        'uischema.elements.4.scope',
      ],
      [
        'an items path',
        (d: Fixture) =>
          d.uischema.elements.push({
            type: 'Control',
            scope: '#/properties/languages/items/properties/grade',
          }),
        'uischema.elements.6.scope',
      ],
    ])('reports %s', (_name, edit, field) => {
      expect(fieldsOf(broken(edit))).toEqual([field]);
    });

    it('resolves #/properties/arr/items/properties/x paths', () => {
      const definition = broken((d) =>
        d.uischema.elements.push({ type: 'Control', scope: '#/properties/languages/items/properties/level' }),
      );
      expect(fieldsOf(definition).filter((field) => field.startsWith('uischema'))).toEqual([]);
    });

    it('reports options.i18n, which JSON Forms does not read', () => {
      expect(fieldsOf(broken((d) => (d.uischema.elements[2].options = { i18n: 'contactWay' })))).toEqual([
        'uischema.elements.2.options.i18n',
      ]);
    });

    it('reports a required property that no Control shows', () => {
      const definition = broken((d) => {
        d.schema.properties.secret = { type: 'string' };
        d.schema.required.push('secret');
      });
      expect(fieldsOf(definition)).toEqual(['schema.required.2']);
    });

    it('reports a property required by if/then that no Control shows', () => {
      const definition = broken((d) => {
        d.schema.properties.phoneTimes = { type: 'string' };
        d.schema.allOf = [
          {
            if: { properties: { contact: { const: 'phone' } }, required: ['contact'] },
            // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then
            then: { required: ['phone', 'phoneTimes'] },
          },
        ];
      });
      expect(fieldsOf(definition)).toEqual(['schema.allOf.0.then.required.1']);
    });
  });

  describe('d) locales', () => {
    it.each([
      ['a default locale that is not offered', (d: Fixture) => (d.defaultLocale = 'fr'), ['defaultLocale']],
      ['a locale listed twice', (d: Fixture) => d.locales.push('de'), ['locales.2']],
      ['a title without a locale', (d: Fixture) => delete d.title.en, ['title.en']],
      ['a description without a locale', (d: Fixture) => delete d.description.en, ['description.en']],
      ['a consent text without a locale', (d: Fixture) => delete d.consent.text.en, ['consent.text.en']],
      ['a title in a locale not offered', (d: Fixture) => (d.title.fr = 'Titre'), ['title.fr']],
    ])('reports %s', (_name, edit, fields) => {
      expect(fieldsOf(broken(edit))).toEqual(fields);
    });

    it('reports every form text of a locale without translations, by key', () => {
      expect(fieldsOf(broken((d) => delete d.translations.en)).sort()).toEqual(
        expectedKeys.map((key) => `translations.en.${key}`),
      );
    });
  });

  describe('e) translations of the form texts', () => {
    it.each([
      'name.label',
      'mail.label',
      'telephone.label',
      'address.street.label',
      'languages.level.label',
      'languages.level.native',
      'days.tue',
      'contact.Phone',
      'contact.byMail',
      'group.person.label',
      'hint.text',
    ])('reports a missing %s in a locale other than the default', (key) => {
      const result = validateFormDefinition(broken((d) => delete d.translations.en[key]));
      expect(result.ok ? [] : result.issues).toEqual([
        {
          field: `translations.en.${key}`,
          message: expect.stringMatching(
            /^is missing: .* needs a translation, because the form is offered in "en"$/,
          ),
        },
      ]);
    });

    it('names the place and the default text of a missing translation', () => {
      const result = validateFormDefinition(
        broken((d) => {
          d.schema.properties.name.title = 'Ihr Name';
          delete d.translations.de['name.label'];
          delete d.translations.en['name.label'];
        }),
      );
      expect(result.ok ? [] : result.issues).toEqual([
        {
          field: 'translations.en.name.label',
          message:
            'is missing: Field \'Ihr Name\' (name) ("Ihr Name") needs a translation, because the form is offered in "en"',
        },
      ]);
    });

    it.each(['name.label', 'address.street.label', 'languages.level.native', 'contact.Phone', 'days.tue'])(
      'needs no %s in the default locale: the documents are its text',
      (key) => {
        expect(fieldsOf(broken((d) => delete d.translations.de[key]))).toEqual([]);
      },
    );

    it('asks the other locales for a text that only an i18n key names once the default language has one', () => {
      expect(fieldsOf(broken((d) => delete d.translations.en['group.person.label']))).toEqual([
        'translations.en.group.person.label',
      ]);
      expect(fieldsOf(broken((d) => delete d.translations.de['group.person.label']))).toEqual([]);
    });

    it('accepts an element with only an i18n key and no text in any language, as JSON Forms shows it', () => {
      const definition = broken((d) => {
        delete d.translations.de['hint.text'];
        delete d.translations.en['hint.text'];
      });
      expect(fieldsOf(definition)).toEqual([]);
    });

    it.each(builtInKeys)('never asks for %s: the page has it built in', (key) => {
      expect(fieldsOf(broken((d) => delete d.translations.en[key]))).toEqual([]);
    });

    it('never asks for error messages when the schema starts using a keyword', () => {
      expect(fieldsOf(broken((d) => (d.schema.properties.name.pattern = '^[A-Z]')))).toEqual([]);
    });

    it('asks for <prefix>.description in the other locales when the schema has a description', () => {
      expect(fieldsOf(broken((d) => (d.schema.properties.name.description = 'Ihr Name')))).toEqual([
        'translations.en.name.description',
      ]);
    });

    it('uses the literal label of a Group without i18n as its key, as JSON Forms does', () => {
      const definition = broken((d) =>
        d.uischema.elements.push({ type: 'Group', label: 'Kontakt', elements: [] }),
      );
      expect(fieldsOf(definition)).toEqual(['translations.en.Kontakt']);
    });

    it('needs no key for a Group whose label is switched off', () => {
      const definition = broken((d) =>
        d.uischema.elements.push({ type: 'Group', i18n: 'group.silent', label: false, elements: [] }),
      );
      expect(fieldsOf(definition)).toEqual([]);
    });

    it('lets one locale override or add a text the others do not have', () => {
      expect(fieldsOf(broken((d) => (d.translations.de['name.description'] = 'Wie Sie heißen')))).toEqual([]);
      expect(fieldsOf(broken((d) => (d.translations.en['name.error.pattern'] = 'Capital first')))).toEqual(
        [],
      );
    });

    it('reports an empty text', () => {
      expect(fieldsOf(broken((d) => (d.translations.en['name.label'] = ' ')))).toEqual([
        'translations.en.name.label',
      ]);
    });

    it('reports the title, description and consent text of an offered locale by their own field', () => {
      const result = validateFormDefinition(
        broken((d) => {
          delete d.title.en;
          delete d.description.de;
        }),
      );
      expect(result.ok ? [] : result.issues).toEqual([
        { field: 'description.de', message: 'is missing: the form is offered in "de"' },
        { field: 'title.en', message: 'is missing: the form is offered in "en"' },
      ]);
    });
  });

  describe('f) a form in one language', () => {
    const oneLanguage = (): Fixture =>
      broken((d) => {
        d.locales = ['de'];
        d.title = { de: 'Titel' };
        d.description = { de: 'Beschreibung' };
        d.consent = { version: '1' };
        d.translations = {};
        d.uischema.elements[0].label = 'Person';
        d.uischema.elements[5].text = 'Bitte alles ausfüllen.';
      });

    it('needs no translations at all', () => {
      const result = validateFormDefinition(oneLanguage());
      expect(result.ok ? [] : result.issues).toEqual([]);
    });

    it('needs translations of every form text once a second locale is offered', () => {
      const definition = broken((d) => {
        Object.assign(d, oneLanguage());
        d.locales = ['de', 'ar'];
      });
      expect(fieldsOf(definition).sort()).toEqual(
        ['title.ar', 'description.ar', ...expectedKeys.map((key) => `translations.ar.${key}`)].sort(),
      );
      expect(fieldsOf(definition)).toHaveLength(2 + expectedKeys.length);
    });
  });
});

describe('h) any JSON Forms form that can be served', () => {
  /** The fixture in one language: no translation noise, so only the point under test shows. */
  const single = (edit: (definition: Fixture) => void = () => {}): Fixture =>
    broken((d) => {
      d.locales = ['de'];
      d.title = { de: 'Titel' };
      delete d.description;
      d.consent = { version: '1' };
      d.translations = {};
      d.uischema.elements[0].label = 'Person';
      d.uischema.elements[5].text = 'Bitte alles ausfüllen.';
      edit(d);
    });
  const issuesOf = (definition: Fixture) => {
    const result = validateFormDefinition(definition);
    return result.ok ? [] : result.issues;
  };

  describe('scopes and required properties as JSON Forms sees them', () => {
    it.each([
      [
        '"#", the root, as the whole UI schema',
        (d: Fixture) => (d.uischema = { type: 'Control', scope: '#' }),
      ],
      ['"#/", the root with a slash', (d: Fixture) => (d.uischema = { type: 'Control', scope: '#/' })],
      [
        'a scope into an anyOf/then branch',
        (d: Fixture) => {
          d.schema.anyOf = [
            {
              if: { properties: { contact: { const: 'phone' } } },
              // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then
              then: { properties: { phoneTimes: { type: 'string' } } },
            },
          ];
          d.uischema.elements.push({ type: 'Control', scope: '#/anyOf/0/then/properties/phoneTimes' });
        },
      ],
      [
        'a property only an allOf part declares',
        (d: Fixture) => {
          d.schema.allOf = [{ properties: { nickname: { type: 'string' } } }];
          d.uischema.elements.push({ type: 'Control', scope: '#/properties/nickname' });
        },
      ],
      [
        'a scope through a $ref',
        (d: Fixture) => {
          d.schema.definitions = { address: { type: 'object', properties: { street: { type: 'string' } } } };
          d.schema.properties.address = { $ref: '#/definitions/address' };
        },
      ],
      [
        'a rule condition scope without "#"',
        (d: Fixture) => (d.uischema.elements[3].rule.condition.scope = '/properties/contact'),
      ],
      [
        'an OR of conditions',
        (d: Fixture) =>
          (d.uischema.elements[3].rule.condition = {
            type: 'OR',
            conditions: [
              { scope: '#/properties/contact', schema: { const: 'phone' } },
              { scope: '/properties/name', schema: { minLength: 1 } },
            ],
          }),
      ],
      [
        'a required property inside an object its Control renders',
        (d: Fixture) => {
          d.schema.properties.address.required = ['street'];
          d.schema.required.push('address');
          d.uischema.elements[0].elements[2] = { type: 'Control', scope: '#/properties/address' };
        },
      ],
      [
        'a required property inside list entries rendered without a detail',
        (d: Fixture) => delete d.uischema.elements[1].options,
      ],
      [
        'a required property inside a oneOf alternative',
        (d: Fixture) => {
          d.schema.properties.payment = {
            oneOf: [
              { title: 'Bank', type: 'object', properties: { iban: { type: 'string' } }, required: ['iban'] },
              { title: 'Cash', type: 'object', properties: { note: { type: 'string' } } },
            ],
          };
          d.schema.required.push('payment');
          d.uischema.elements.push({ type: 'Control', scope: '#/properties/payment' });
        },
      ],
      ['a ListWithDetail element', (d: Fixture) => (d.uischema.elements[1].type = 'ListWithDetail')],
    ])('accepts %s', (_name, edit) => {
      expect(issuesOf(single(edit))).toEqual([]);
    });

    it('still refuses a required top-level property the form never shows', () => {
      const definition = single((d) => {
        d.uischema.elements.splice(1, 1); // the languages list
      });
      expect(issuesOf(definition)).toEqual([
        {
          field: 'schema.required.1',
          message:
            '"languages" is required, but no Control in the UI schema shows it, so the form could never be sent',
        },
      ]);
    });

    it('refuses an element type the page cannot render', () => {
      expect(issuesOf(single((d) => d.uischema.elements.push({ type: 'Stepper', elements: [] })))).toEqual([
        {
          field: 'uischema.elements.6.type',
          message: expect.stringMatching(
            /^"Stepper" is not an element the form page can render; use one of Control, /,
          ),
        },
      ]);
    });
  });

  describe('what cannot be served is refused, naming the place and the reason', () => {
    it.each([
      [
        'an external $ref',
        'https://example.org/address.json',
        /is an external reference: the form page loads no other documents/,
      ],
      ['a $ref to another file', 'address.json#/definitions/a', /is an external reference/],
      ['an anchor', '#address', /is not a JSON pointer such as "#\/definitions\/address"/],
      [
        'a $ref that points nowhere',
        '#/definitions/address',
        /^points at "#\/definitions\/address", which does not exist/,
      ],
    ])('%s', (_name, ref, message) => {
      const definition = single((d) => (d.schema.properties.address = { $ref: ref }));
      expect(issuesOf(definition)).toEqual([
        { field: 'schema.properties.address.$ref', message: expect.stringMatching(message) },
      ]);
    });

    const tree = (children: unknown) => (d: Fixture) => {
      d.schema.definitions = { node: { type: 'object', properties: { name: { type: 'string' }, children } } };
      d.schema.properties.tree = { $ref: '#/definitions/node' };
      d.uischema.elements.push({ type: 'Control', scope: '#/properties/tree' });
    };

    it('refuses a schema that contains itself outside a list: JSON Forms would render it endlessly', () => {
      expect(issuesOf(single(tree({ $ref: '#/definitions/node' })))).toEqual([
        {
          field: 'schema.definitions.node.properties.children.$ref',
          message: expect.stringContaining(
            'so this form would never finish rendering and would freeze the browser',
          ),
        },
      ]);
      expect(issuesOf(single(tree({ allOf: [{ $ref: '#/definitions/node' }] })))).toHaveLength(1);
      expect(
        issuesOf(single(tree({ oneOf: [{ $ref: '#/definitions/node' }, { type: 'string' }] }))),
      ).toHaveLength(1);
    });

    it('accepts a schema that contains itself inside a list or a later alternative', () => {
      expect(issuesOf(single(tree({ type: 'array', items: { $ref: '#/definitions/node' } })))).toEqual([]);
      expect(issuesOf(single(tree({ oneOf: [{ type: 'string' }, { $ref: '#/definitions/node' }] })))).toEqual(
        [],
      );
    });

    it('refuses a schema that grows past 5000 parts once its $refs are followed', () => {
      const definitions: Record<string, unknown> = { d14: { type: 'string' } };
      for (let i = 0; i < 14; i++) {
        const next = { $ref: `#/definitions/d${i + 1}` };
        definitions[`d${i}`] = { type: 'object', properties: { a: next, b: next } };
      }
      const definition = single((d) => {
        d.schema.definitions = definitions;
        d.schema.properties.big = { $ref: '#/definitions/d0' };
      });
      expect(issuesOf(definition)).toEqual([
        {
          field: 'schema',
          message: expect.stringMatching(/^has more than 5000 parts once its "\$ref"s are followed/),
        },
      ]);
    });

    it('refuses more than 1000 fields, counting the ones JSON Forms generates', () => {
      const definition = single((d) => {
        for (let i = 0; i < 1000; i++) d.schema.properties[`extra${i}`] = { type: 'string' };
        d.uischema = { type: 'Control', scope: '#' };
      });
      expect(issuesOf(definition)).toEqual([
        { field: 'uischema', message: expect.stringMatching(/^shows more than 1000 fields/) },
      ]);
    });

    it('refuses a schema too large to send to a phone, and a choice with too many options', () => {
      expect(
        issuesOf(single((d) => (d.schema.properties.name.description = 'x'.repeat(210 * 1024)))),
      ).toEqual([{ field: 'schema', message: 'is 211 KB as JSON; at most 200 KB can be served to a phone' }]);
      const options = Array.from({ length: 1001 }, (_, i) => `o${i}`);
      expect(
        issuesOf(single((d) => (d.schema.properties.days.items.enum = options))).map((issue) => issue.field),
      ).toEqual(['schema.properties.days.items.enum']);
    });

    it('refuses nesting deeper than 40 levels without overflowing the stack', () => {
      const definition = single((d) => {
        let node: Fixture = { type: 'string' };
        for (let i = 0; i < 45; i++) node = { type: 'object', properties: { inner: node } };
        d.schema.properties.deep = node;
      });
      expect(issuesOf(definition)).toEqual([
        {
          field: expect.stringMatching(/^schema(\.properties\.(deep|inner))+$/),
          message: expect.stringContaining('nested more than 40 levels deep'),
        },
      ]);
      const veryDeep = single((d) => {
        let node: Fixture = { type: 'string' };
        for (let i = 0; i < 20_000; i++) node = { type: 'object', properties: { inner: node } };
        d.schema.properties.deep = node;
      });
      expect(issuesOf(veryDeep)).toEqual([
        { field: 'schema', message: 'is nested more than 150 levels deep as JSON' },
      ]);
    });
  });
});

describe('i) any input', () => {
  const schemaWords = fc.constantFrom(
    'type',
    'properties',
    'items',
    '$ref',
    'allOf',
    'anyOf',
    'oneOf',
    'then',
    'else',
    'required',
    'enum',
    'const',
    'title',
    'description',
    'object',
    'array',
    'string',
    'text',
    '#',
    '#/',
    '#/properties/a',
    '#/definitions/a',
    'a',
  );
  const uiWords = fc.constantFrom(
    'type',
    'elements',
    'scope',
    'label',
    'i18n',
    'text',
    'rule',
    'condition',
    'options',
    'detail',
    'Control',
    'VerticalLayout',
    'Group',
    'Label',
    'Categorization',
    'Category',
    'ListWithDetail',
    '#',
    '#/properties/a',
    '/properties/a',
  );
  const tree = (words: fc.Arbitrary<string>) =>
    fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        words,
        fc.boolean(),
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(words, tie('node'), { maxKeys: 4 }),
      ),
    })).node;

  it('answers every schema and UI schema with issues or success, never by throwing', () => {
    fc.assert(
      fc.property(
        fc.dictionary(schemaWords, tree(schemaWords), { maxKeys: 5 }),
        fc.dictionary(uiWords, tree(uiWords), { maxKeys: 5 }),
        (schema, uischema) => {
          // As the API receives them: parsed JSON (fast-check also makes null-prototype objects, which JSON.parse never does).
          const documents = JSON.parse(JSON.stringify({ schema, uischema }));
          const result = validateFormDefinition({ ...good(), ...documents });
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('g) the workflow and its settings', () => {
  const onboarding = (approval: Record<string, unknown>): Fixture =>
    broken((d) => {
      d.workflow = 'volunteer-onboarding';
      d.settings = {
        confirmationEmailField: 'email',
        approval: { coordinators: ['k@example.org'], ...approval },
      };
    });
  const team = (id: string, ageGroup: string) => ({ id, name: id, email: `${id}@example.org`, ageGroup });
  const intake = (settings: Record<string, unknown>): Fixture =>
    broken((d) => {
      d.workflow = 'counselling-intake';
      d.settings = { intake: { teams: [team('jmd', 'youth'), team('mbe', 'adult')], ...settings } };
    });
  const issuesOf = (definition: Fixture) => {
    const result = validateFormDefinition(definition);
    return result.ok ? [] : result.issues;
  };
  const days = (seconds: number) => seconds / 86_400;

  it('accepts each workflow a submission can start, with good settings', () => {
    expect(issuesOf(onboarding({ reminderAfterDays: 2, escalateAfterDays: 5, expireAfterDays: 10 }))).toEqual(
      [],
    );
    expect(issuesOf(intake({ pickupWithinHours: 24 }))).toEqual([]);
  });

  it('refuses a misspelt workflow and names the ones a form can start', () => {
    expect(issuesOf(broken((d) => (d.workflow = 'volunteer-onbaording')))).toEqual([
      {
        field: 'workflow',
        message:
          '"volunteer-onbaording" is not a workflow a form can start; use one of submission-received, volunteer-onboarding, counselling-intake',
      },
    ]);
    // A state machine that exists but is not started by submissions is no form workflow either.
    expect(fieldsOf(broken((d) => (d.workflow = 'system-check')))).toEqual(['workflow']);
  });

  it('offers exactly the state machines that submission-workflow-start may start', () => {
    expect([...submissionWorkflows].sort()).toEqual(
      [...functions['submission-workflow-start'].access.startExecution].sort(),
    );
    for (const workflow of submissionWorkflows) expect(Object.keys(stateMachines)).toContain(workflow);
  });

  it('refuses an escalation before the reminder and an expiry before the escalation, by field', () => {
    expect(issuesOf(onboarding({ reminderAfterDays: 7, escalateAfterDays: 3 }))).toEqual([
      {
        field: 'settings.approval.escalateAfterDays',
        message:
          'must be more days than reminderAfterDays (7): the reminder comes first, then the escalation',
      },
    ]);
    expect(fieldsOf(onboarding({ escalateAfterDays: 20, expireAfterDays: 14 }))).toEqual([
      'settings.approval.expireAfterDays',
    ]);
  });

  it('refuses approval waits longer than the workflow may run, reading its limit from the ASL', () => {
    const limitDays = days(onboardingAsl.TimeoutSeconds);
    const [issue] = issuesOf(onboarding({ expireAfterDays: limitDays }));
    expect(issue).toEqual({
      field: 'settings.approval.expireAfterDays',
      message: `must be at most ${limitDays - 1} days: the approval workflow ends after ${limitDays} days at the latest, and a day of that is kept for its other steps`,
    });
    expect(issuesOf(onboarding({ expireAfterDays: limitDays - 1 }))).toEqual([]);
  });

  it('refuses waits below one second', () => {
    expect(fieldsOf(onboarding({ reminderAfterDays: 0.000001 }))).toEqual([
      'settings.approval.reminderAfterDays',
    ]);
    expect(fieldsOf(onboarding({ reminderAfterDays: 3, escalateAfterDays: 3.000001 }))).toEqual([
      'settings.approval.escalateAfterDays',
    ]);
    expect(fieldsOf(intake({ pickupWithinHours: 0.0001 }))).toEqual(['settings.intake.pickupWithinHours']);
  });

  it('refuses an approval without coordinators, bad e-mail addresses and unknown settings', () => {
    expect(issuesOf(onboarding({ coordinators: [] }))).toEqual([
      {
        field: 'settings.approval.coordinators',
        message: expect.stringContaining('at least one e-mail address'),
      },
    ]);
    expect(issuesOf(onboarding({ escalationContact: 'leitung' }))).toEqual([
      {
        field: 'settings.approval.escalationContact',
        message: 'must be an e-mail address such as team@example.org',
      },
    ]);
    expect(issuesOf(onboarding({ reminderAfterDay: 2 }))).toEqual([
      { field: 'settings.approval.reminderAfterDay', message: 'is not a known field' },
    ]);
    expect(fieldsOf(onboarding({ reminderAfterDays: '3' }))).toEqual(['settings.approval.reminderAfterDays']);
    expect(fieldsOf(broken((d) => (d.settings = { aproval: {} })))).toEqual(['settings.aproval']);
  });

  it('refuses intake settings the routing could not work with', () => {
    expect(fieldsOf(broken((d) => (d.workflow = 'counselling-intake')))).toEqual(['settings.intake']);
    expect(issuesOf(intake({ teams: [team('mbe', 'adult')] }))).toEqual([
      {
        field: 'settings.intake.teams',
        message: 'needs a team with ageGroup "youth": every request is routed to one of each',
      },
    ]);
    expect(fieldsOf(intake({ teams: [team('jmd', 'youth'), team('mbe', 'adults')] }))).toEqual([
      'settings.intake.teams.1.ageGroup',
    ]);
    const limitHours = intakeAsl.TimeoutSeconds / 3600;
    const [issue] = issuesOf(intake({ pickupWithinHours: limitHours / 2 }));
    expect(issue?.field).toBe('settings.intake.pickupWithinHours');
    expect(issue?.message).toMatch(
      new RegExp(
        `^must be at most ${(limitHours - 24) / 2} hours: a case waits this long twice .* after ${days(intakeAsl.TimeoutSeconds)} days`,
      ),
    );
  });

  it('lets the tasks read settings with the same rules, ignoring unknown keys of older versions', () => {
    const settings = approvalSettingsSchema.parse({ coordinators: ['k@example.org'], colour: 'blue' });
    expect(settings).toMatchObject({ reminderAfterDays: 3, escalateAfterDays: 7, expireAfterDays: 14 });
    expect(approvalWaitSeconds(settings)).toEqual({
      reminderSeconds: 3 * 86_400,
      escalationSeconds: 4 * 86_400,
      expirySeconds: 7 * 86_400,
      answerSeconds: 14 * 86_400,
    });
    expect(() =>
      approvalSettingsSchema.parse({ coordinators: ['k@example.org'], escalateAfterDays: 2 }),
    ).toThrow(/reminderAfterDays/);
    expect(() => intakeSettingsSchema.parse({ teams: [team('mbe', 'adult')] })).toThrow(/youth/);
  });
});

describe('compileFormSchema', () => {
  it('validates answers and caches by schema identity', () => {
    const schema = good().schema;
    const validate = compileFormSchema(schema);
    expect(compileFormSchema(schema)).toBe(validate);
    expect(compileFormSchema(structuredClone(schema))).not.toBe(validate);
    expect(validate({ name: 'Ada', languages: [{ language: 'de' }] })).toBe(true);
    expect(validate({ name: 'Ada', email: 'nope', languages: [] })).toBe(false);
    expect(validate.errors?.map((error) => error.keyword).sort()).toEqual(['format', 'minItems']);
  });

  it('throws when the schema does not compile', () => {
    expect(() => compileFormSchema({ $ref: '#/definitions/missing' })).toThrow(/can't resolve reference/);
  });
});
