import { describe, expect, it } from 'vitest';
import {
  arrayTranslationKeys,
  compileFormSchema,
  requiredTranslationKeys,
  validateFormDefinition,
} from '../../functions/shared/domain/form-validation.ts';
import {
  approvalSettingsSchema,
  approvalWaitSeconds,
  intakeSettingsSchema,
  submissionWorkflows,
} from '../../functions/shared/domain/workflow-settings.ts';
import { functions } from '../../infra/definitions/functions.ts';
import { stateMachines } from '../../infra/definitions/state-machines.ts';
import intakeAsl from '../../infra/definitions/workflows/counselling-intake.asl.json' with { type: 'json' };
import onboardingAsl from '../../infra/definitions/workflows/volunteer-onboarding.asl.json' with {
  type: 'json',
};

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited freely to break them
type Fixture = any;

/** Every key the fixture needs; the spec of the key rules in one list. */
const expectedKeys = [
  'address.street.label', // nested scope #/properties/address/properties/street
  'contact.Phone', // oneOf entry with a title: <prefix>.<title>
  'contact.byMail', // oneOf entry with its own i18n key
  'contact.label',
  'days.label',
  'days.mon', // items.enum of a multi-choice array
  'days.tue',
  'error.format',
  'error.maxLength',
  'error.minItems',
  'error.required',
  'group.person.label', // Group: <i18n>.label
  'hint.text', // Label: <i18n>.text
  'languages.label',
  ...arrayTranslationKeys.map((key) => `languages.${key}`),
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

const translationsFor = (locale: string) =>
  Object.fromEntries(expectedKeys.map((key) => [key, `${key} (${locale})`]));

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

    it('reports what ajv cannot compile', () => {
      const result = validateFormDefinition(
        broken((d) => {
          d.schema.properties.name.not = { $ref: '#/definitions/missing' };
        }),
      );
      expect(result.ok ? [] : result.issues).toEqual([
        {
          field: 'schema',
          message: expect.stringContaining("can't resolve reference #/definitions/missing"),
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
      expect(fieldsOf(definition)).toEqual([]);
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
      ['a locale without translations', (d: Fixture) => delete d.translations.en, ['translations.en']],
    ])('reports %s', (_name, edit, fields) => {
      expect(fieldsOf(broken(edit))).toEqual(fields);
    });
  });

  describe('e) translation keys', () => {
    it.each([
      'name.label',
      'mail.label',
      'telephone.label',
      'address.street.label',
      'languages.level.label',
      'languages.level.native',
      'languages.addTooltip',
      'days.tue',
      'contact.Phone',
      'contact.byMail',
      'group.person.label',
      'hint.text',
      'error.required',
      'error.format',
      'error.maxLength',
      'error.minItems',
    ])('reports a missing %s', (key) => {
      const result = validateFormDefinition(broken((d) => delete d.translations.en[key]));
      expect(result.ok ? [] : result.issues).toEqual([
        { field: `translations.en.${key}`, message: expect.stringMatching(/^is missing: needed for /) },
      ]);
    });

    it('asks for error.<keyword> when the schema starts using a keyword', () => {
      expect(fieldsOf(broken((d) => (d.schema.properties.name.pattern = '^[A-Z]')))).toEqual([
        'translations.de.error.pattern',
        'translations.en.error.pattern',
      ]);
    });

    it('asks for error.<keyword> of keywords inside then, but not inside if', () => {
      const definition = broken((d) => {
        d.schema.allOf = [
          {
            if: { properties: { contact: { const: 'phone' } }, required: ['contact'], minProperties: 1 },
            // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then
            then: { properties: { phone: { minLength: 6 } } },
          },
        ];
      });
      expect(fieldsOf(definition)).toEqual([
        'translations.de.error.minLength',
        'translations.en.error.minLength',
      ]);
    });

    it('asks for <prefix>.description when the schema has a description', () => {
      expect(fieldsOf(broken((d) => (d.schema.properties.name.description = 'Ihr Name')))).toEqual([
        'translations.de.name.description',
        'translations.en.name.description',
      ]);
    });

    it('uses the literal label of a Group without i18n as its key, as JSON Forms does', () => {
      const definition = broken((d) =>
        d.uischema.elements.push({ type: 'Group', label: 'Kontakt', elements: [] }),
      );
      expect(fieldsOf(definition)).toEqual(['translations.de.Kontakt', 'translations.en.Kontakt']);
    });

    it('needs no key for a Group whose label is switched off', () => {
      const definition = broken((d) =>
        d.uischema.elements.push({ type: 'Group', i18n: 'group.silent', label: false, elements: [] }),
      );
      expect(fieldsOf(definition)).toEqual([]);
    });

    it('reports a key that one locale has and another lacks', () => {
      const result = validateFormDefinition(
        broken((d) => (d.translations.de['name.description'] = 'Wie Sie heißen')),
      );
      expect(result.ok ? [] : result.issues).toEqual([
        { field: 'translations.en.name.description', message: 'is missing here but exists in de' },
      ]);
    });

    it('reports an empty text', () => {
      expect(fieldsOf(broken((d) => (d.translations.en['name.label'] = ' ')))).toEqual([
        'translations.en.name.label',
      ]);
    });
  });
});

describe('f) the workflow and its settings', () => {
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
