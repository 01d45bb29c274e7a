import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  addElement,
  addLibraryField,
  choicesOf,
  duplicateElement,
  type FormDefinitionDraft,
  findField,
  type LibraryFieldLike,
  listFields,
  moveBy,
  moveElement,
  outlineOf,
  removeElement,
  requiredWhenOf,
  setChoices,
  setDescription,
  setLabel,
  setLimits,
  setPattern,
  setPlaceholder,
  setRequired,
  setRequiredWhen,
  setShowWhen,
  showWhenOf,
  slotAfter,
  wrapInSection,
} from '../../web/src/features/console/forms/build/model/index.ts';
import {
  dropSlot,
  fitSlot,
  flatten,
  insertSlot,
} from '../../web/src/features/console/forms/build/visual/flat-outline.ts';

const blank = (): FormDefinitionDraft => ({
  slug: 'test-form',
  defaultLocale: 'de',
  locales: ['de', 'en'],
  title: { de: 'Test' },
  schema: { type: 'object', properties: {} },
  uischema: { type: 'VerticalLayout', elements: [] },
  translations: {},
});

/** Adds fields of the given types one after the other at the end. */
function build(...types: Parameters<typeof addElement>[1][]): FormDefinitionDraft {
  let definition = blank();
  for (const type of types)
    definition = addElement(definition, type, slotAfter(definition, undefined)).definition;
  return definition;
}

const labels = (definition: FormDefinitionDraft) => listFields(definition).map((f) => f.label);
const ajv = () => new Ajv({ allErrors: true, strict: false });

describe('adding fields', () => {
  it('creates a titled schema property with a name from the label and a Control', () => {
    const { definition, id } = addElement(blank(), 'email', { parent: '', index: 0 });
    expect(id).toBe('0');
    expect(definition.schema?.properties).toEqual({
      eMailAdresse: { type: 'string', format: 'email', title: 'E-Mail-Adresse' },
    });
    expect(definition.uischema).toEqual({
      type: 'VerticalLayout',
      elements: [{ type: 'Control', scope: '#/properties/eMailAdresse', options: { autocomplete: 'email' } }],
    });
    expect(definition.translations).toEqual({});
  });

  it('writes texts in the form’s default language', () => {
    const english = { ...blank(), defaultLocale: 'en' };
    const { definition } = addElement(english, 'phone', { parent: '', index: 0 });
    expect(listFields(definition)[0]).toMatchObject({
      label: 'Phone number',
      path: 'phoneNumber',
      type: 'phone',
    });
  });

  it('gives a second field with the same label a unique name', () => {
    const definition = build('shortText', 'shortText');
    expect(listFields(definition).map((f) => f.path)).toEqual(['kurzerText', 'kurzerText2']);
  });

  it('leaves the caller’s definition untouched', () => {
    const before = blank();
    const copy = structuredClone(before);
    addElement(before, 'number', { parent: '', index: 0 });
    expect(before).toEqual(copy);
  });

  it('recognises every palette field type it creates', () => {
    const types = [
      'shortText',
      'longText',
      'email',
      'phone',
      'number',
      'date',
      'singleChoice',
      'multipleChoice',
      'yesNo',
      'consent',
      'address',
      'repeatingGroup',
    ] as const;
    const definition = build(...types);
    expect(listFields(definition).map((f) => f.type)).toEqual([...types]);
  });

  it('makes consent a box that must be ticked', () => {
    const definition = build('consent');
    const validate = ajv().compile(definition.schema as object);
    const name = listFields(definition)[0]?.path as string;
    expect(validate({})).toBe(false);
    expect(validate({ [name]: false })).toBe(false);
    expect(validate({ [name]: true })).toBe(true);
  });

  it('builds an address block and a repeating group with a detail layout', () => {
    const definition = build('address', 'repeatingGroup');
    const [address, group] = listFields(definition);
    expect(Object.keys((address?.schema.properties as object) ?? {})).toEqual(['street', 'postcode', 'city']);
    expect(group?.options.detail).toEqual({
      type: 'VerticalLayout',
      elements: [{ type: 'Control', scope: '#/properties/entry' }],
    });
  });

  it('adds after the selected element, and into a selected section at its end', () => {
    let definition = build('shortText', 'number');
    definition = addElement(definition, 'date', slotAfter(definition, '0')).definition;
    expect(labels(definition)).toEqual(['Kurzer Text', 'Datum', 'Zahl']);
    const section = addElement(definition, 'section', slotAfter(definition, undefined));
    definition = addElement(
      section.definition,
      'email',
      slotAfter(section.definition, section.id),
    ).definition;
    expect(outlineOf(definition)[3]).toMatchObject({
      kind: 'section',
      children: [{ kind: 'field', label: 'E-Mail-Adresse' }],
    });
  });

  it('adds a section heading and an explanatory text', () => {
    const definition = build('section', 'text');
    expect(definition.uischema?.elements).toEqual([
      { type: 'Group', label: 'Abschnitt', elements: [] },
      { type: 'Label', text: 'Erläuternder Text' },
    ]);
  });
});

describe('steps', () => {
  it('wraps the form’s elements in a first step when the first step is added', () => {
    let definition = build('shortText', 'email');
    definition = addElement(definition, 'step', slotAfter(definition, undefined)).definition;
    expect(definition.uischema).toMatchObject({
      type: 'Categorization',
      elements: [
        { type: 'Category', label: 'Schritt 1', elements: [{ type: 'Control' }, { type: 'Control' }] },
        { type: 'Category', label: 'Schritt 2', elements: [] },
      ],
    });
  });

  it('adds fields to the last step, or to the selected one', () => {
    let definition = build('shortText', 'step');
    definition = addElement(definition, 'number', slotAfter(definition, undefined)).definition;
    definition = addElement(definition, 'date', slotAfter(definition, '0')).definition;
    expect(outlineOf(definition).map((s) => s.children.map((c) => c.label))).toEqual([
      ['Kurzer Text', 'Datum'],
      ['Zahl'],
    ]);
  });

  it('adds a step after the step the selection is in', () => {
    let definition = build('shortText', 'step', 'step');
    definition = addElement(definition, 'step', slotAfter(definition, '0.0'), 'Neu').definition;
    expect(outlineOf(definition).map((s) => s.label)).toEqual(['Schritt 1', 'Neu', 'Schritt 2', 'Schritt 3']);
  });

  it('moves a field across steps with the move buttons', () => {
    let definition = build('shortText', 'step');
    definition = addElement(definition, 'number', slotAfter(definition, undefined)).definition;
    const down = moveBy(definition, '0.0', 1);
    expect(down.id).toBe('1.0');
    expect(outlineOf(down.definition).map((s) => s.children.map((c) => c.label))).toEqual([
      [],
      ['Kurzer Text', 'Zahl'],
    ]);
    const back = moveBy(down.definition, '1.0', -1);
    expect(back.id).toBe('0.0');
    expect(outlineOf(back.definition).map((s) => s.children.length)).toEqual([1, 1]);
  });

  it('refuses to put a field between steps or a step inside a step', () => {
    const definition = build('shortText', 'step');
    expect(moveElement(definition, '0.0', { parent: '', index: 1 }).definition).toBe(definition);
    expect(moveElement(definition, '1', { parent: '0', index: 0 }).definition).toBe(definition);
  });

  it('reorders steps', () => {
    const definition = build('shortText', 'step');
    const moved = moveElement(definition, '1', { parent: '', index: 0 });
    expect(outlineOf(moved.definition).map((s) => s.label)).toEqual(['Schritt 2', 'Schritt 1']);
    expect(moved.id).toBe('0');
  });
});

describe('moving', () => {
  it('moves down within a list, counting the slot before the move', () => {
    const definition = build('shortText', 'number', 'date');
    const moved = moveElement(definition, '0', { parent: '', index: 2 });
    expect(labels(moved.definition)).toEqual(['Zahl', 'Kurzer Text', 'Datum']);
    expect(moved.id).toBe('1');
  });

  it('moves into a section after it and out again', () => {
    let definition = build('shortText', 'section');
    const into = moveBy(definition, '0', 1);
    expect(into.id).toBe('0.0');
    expect(outlineOf(into.definition)).toMatchObject([
      { kind: 'section', children: [{ label: 'Kurzer Text' }] },
    ]);
    definition = into.definition;
    const out = moveBy(definition, '0.0', -1);
    expect(out.id).toBe('0');
    expect(outlineOf(out.definition).map((n) => n.kind)).toEqual(['field', 'section']);
  });

  it('moves a field into a section that comes later, across removal shifts', () => {
    const definition = build('shortText', 'number', 'section');
    const moved = moveElement(definition, '0', { parent: '2', index: 0 });
    expect(moved.id).toBe('1.0');
    expect(outlineOf(moved.definition)[1]?.children[0]?.label).toBe('Kurzer Text');
  });

  it('does not move a section into itself', () => {
    const definition = build('section');
    expect(moveElement(definition, '0', { parent: '0', index: 0 }).definition).toBe(definition);
  });

  it('stays put at the edges', () => {
    const definition = build('shortText', 'number');
    expect(moveBy(definition, '0', -1).definition).toBe(definition);
    expect(moveBy(definition, '1', 1).definition).toBe(definition);
  });

  it('wraps an element into a new section in its place', () => {
    const definition = build('shortText', 'number');
    const wrapped = wrapInSection(definition, '1', 'Kontakt');
    expect(wrapped.id).toBe('1');
    expect(outlineOf(wrapped.definition)[1]).toMatchObject({
      kind: 'section',
      label: 'Kontakt',
      children: [{ label: 'Zahl' }],
    });
  });
});

describe('removing and duplicating', () => {
  it('removes the property, its required entry, rules and texts that point at it', () => {
    let definition = build('yesNo', 'shortText');
    const [flag, text] = listFields(definition);
    definition = setRequired(definition, flag?.id as string, true);
    definition = setShowWhen(definition, text?.id as string, { scope: flag?.scope as string, value: true });
    definition = {
      ...definition,
      translations: { en: { [`${flag?.path}.label`]: 'Yes or no', 'other.label': 'x' } },
    };
    definition = removeElement(definition, flag?.id as string);
    expect(definition.schema?.properties).not.toHaveProperty(flag?.path as string);
    expect(definition.schema?.required).toBeUndefined();
    expect(definition.uischema?.elements).toEqual([{ type: 'Control', scope: text?.scope }]);
    expect(definition.translations).toEqual({ en: { 'other.label': 'x' } });
  });

  it('removes a required-when that tests or requires the field', () => {
    let definition = build('yesNo', 'shortText');
    const [flag, text] = listFields(definition);
    definition = setRequiredWhen(definition, text?.id as string, {
      scope: flag?.scope as string,
      value: true,
    });
    expect(removeElement(definition, flag?.id as string).schema?.allOf).toBeUndefined();
    expect(removeElement(definition, text?.id as string).schema?.allOf).toBeUndefined();
  });

  it('removes a section with the fields in it', () => {
    let definition = build('section');
    definition = addElement(definition, 'email', { parent: '0', index: 0 }).definition;
    definition = removeElement(definition, '0');
    expect(definition.schema?.properties).toEqual({});
    expect(definition.uischema?.elements).toEqual([]);
  });

  it('duplicates a field with its own property, texts and required flag', () => {
    let definition = build('email');
    definition = setRequired(definition, '0', true);
    definition = { ...definition, translations: { en: { 'eMailAdresse.label': 'E-mail' } } };
    const copy = duplicateElement(definition, '0');
    expect(copy.id).toBe('1');
    const fields = listFields(copy.definition);
    expect(fields.map((f) => [f.path, f.label, f.required])).toEqual([
      ['eMailAdresse', 'E-Mail-Adresse', true],
      ['eMailAdresseCopy', 'E-Mail-Adresse (Kopie)', true],
    ]);
    expect(copy.definition.translations?.en?.['eMailAdresseCopy.label']).toBe('E-mail');
  });

  it('duplicates a section with copies of its fields', () => {
    let definition = build('section');
    definition = addElement(definition, 'number', { parent: '0', index: 0 }).definition;
    const copy = duplicateElement(definition, '0');
    expect(listFields(copy.definition).map((f) => f.path)).toEqual(['zahl', 'zahlCopy']);
  });
});

describe('properties', () => {
  it('sets the label as the schema title and keeps a Control label in step', () => {
    let definition = build('shortText');
    definition = setLabel(definition, '0', 'Vorname');
    expect(findField(definition, '0')?.label).toBe('Vorname');
    expect(definition.schema?.properties).toMatchObject({ kurzerText: { title: 'Vorname' } });
    const labelled = {
      ...definition,
      uischema: {
        type: 'VerticalLayout',
        elements: [{ type: 'Control', scope: '#/properties/kurzerText', label: 'Alt' }],
      },
    };
    expect(setLabel(labelled, '0', 'Neu').uischema?.elements).toEqual([
      { type: 'Control', scope: '#/properties/kurzerText', label: 'Neu' },
    ]);
  });

  it('renames a section’s literal label and moves its translations along', () => {
    let definition = build('section');
    definition = { ...definition, translations: { en: { Abschnitt: 'Section' } } };
    definition = setLabel(definition, '0', 'Kontakt');
    expect(definition.translations).toEqual({ en: { Kontakt: 'Section' } });
  });

  it('sets help text and placeholder, and clears them when empty', () => {
    let definition = build('shortText');
    definition = setPlaceholder(setDescription(definition, '0', 'So wie im Ausweis'), '0', 'Max');
    expect(findField(definition, '0')).toMatchObject({
      description: 'So wie im Ausweis',
      options: { placeholder: 'Max' },
    });
    definition = setPlaceholder(setDescription(definition, '0', ''), '0', '');
    expect(findField(definition, '0')).toMatchObject({ description: '', options: {} });
    expect(definition.uischema?.elements).toEqual([{ type: 'Control', scope: '#/properties/kurzerText' }]);
  });

  it('sets and clears required', () => {
    let definition = setRequired(build('shortText'), '0', true);
    expect(definition.schema?.required).toEqual(['kurzerText']);
    definition = setRequired(definition, '0', false);
    expect(definition.schema).not.toHaveProperty('required');
  });

  it('sets limits that ajv enforces, and removes cleared ones', () => {
    let definition = setLimits(build('shortText'), '0', { minLength: 2, maxLength: 5 });
    const validate = ajv().compile(definition.schema as object);
    expect(validate({ kurzerText: 'a' })).toBe(false);
    expect(validate({ kurzerText: 'abcdef' })).toBe(false);
    expect(validate({ kurzerText: 'abc' })).toBe(true);
    definition = setLimits(definition, '0', { minLength: undefined });
    expect(findField(definition, '0')?.schema).toEqual({
      type: 'string',
      title: 'Kurzer Text',
      maxLength: 5,
    });
  });

  it('keeps a pattern’s message as the default language’s error text', () => {
    let definition = setPattern(build('shortText'), '0', '^[0-9]{5}$', 'Bitte fünf Ziffern');
    expect(findField(definition, '0')?.schema.pattern).toBe('^[0-9]{5}$');
    expect(definition.translations?.de).toEqual({ 'kurzerText.error.pattern': 'Bitte fünf Ziffern' });
    definition = setPattern(definition, '0', '', '');
    expect(definition.translations?.de).toEqual({});
    expect(findField(definition, '0')?.schema).not.toHaveProperty('pattern');
  });

  it('writes options as an enum when labels are the values, else as oneOf', () => {
    let definition = setChoices(build('singleChoice'), '0', [
      { value: 'rot', label: 'rot' },
      { value: 'blau', label: 'blau' },
    ]);
    expect(findField(definition, '0')?.schema).toMatchObject({ enum: ['rot', 'blau'] });
    expect(findField(definition, '0')?.schema).not.toHaveProperty('oneOf');
    definition = setChoices(definition, '0', [
      { value: 'red', label: 'Rot' },
      { value: 'blue', label: 'Blau' },
    ]);
    expect(findField(definition, '0')?.schema.oneOf).toEqual([
      { const: 'red', title: 'Rot' },
      { const: 'blue', title: 'Blau' },
    ]);
  });

  it('writes a multiple choice’s options on its items', () => {
    const definition = setChoices(build('multipleChoice'), '0', [{ value: 'a', label: 'A' }]);
    const schema = findField(definition, '0')?.schema ?? {};
    expect(schema.items).toEqual({ type: 'string', oneOf: [{ const: 'a', title: 'A' }] });
    expect(choicesOf(schema)).toEqual([{ value: 'a', label: 'A' }]);
  });

  it('moves option translations to the new key when an option’s label changes, and drops removed ones', () => {
    let definition = build('singleChoice');
    definition = {
      ...definition,
      translations: { en: { 'einfachauswahl.Option 1': 'First', 'einfachauswahl.Option 2': 'Second' } },
    };
    definition = setChoices(definition, '0', [{ value: 'option-1', label: 'Erste' }]);
    expect(definition.translations).toEqual({ en: { 'einfachauswahl.Erste': 'First' } });
  });
});

describe('rules', () => {
  it('shows a field only when a yes/no field is yes, and JSON Forms reads the rule', () => {
    let definition = build('yesNo', 'shortText');
    const [flag] = listFields(definition);
    definition = setShowWhen(definition, '1', { scope: flag?.scope as string, value: true });
    expect(definition.uischema?.elements).toContainEqual({
      type: 'Control',
      scope: '#/properties/kurzerText',
      rule: { effect: 'SHOW', condition: { scope: '#/properties/jaOderNein', schema: { const: true } } },
    });
    expect(showWhenOf(definition, '1')).toEqual({ scope: '#/properties/jaOderNein', value: true });
    expect(showWhenOf(setShowWhen(definition, '1', undefined), '1')).toBeUndefined();
  });

  it('tests a multiple choice with contains', () => {
    let definition = build('multipleChoice', 'shortText');
    definition = setShowWhen(definition, '1', { scope: '#/properties/mehrfachauswahl', value: 'option-2' });
    const rule = (definition.uischema as { elements: { rule?: { condition: { schema: object } } }[] })
      .elements[1]?.rule;
    expect(rule?.condition.schema).toEqual({ contains: { const: 'option-2' } });
    expect(showWhenOf(definition, '1')?.value).toBe('option-2');
  });

  it('puts a section’s show-when on the section', () => {
    let definition = build('singleChoice', 'section');
    definition = setShowWhen(definition, '1', { scope: '#/properties/einfachauswahl', value: 'option-1' });
    expect(showWhenOf(definition, '1')).toEqual({ scope: '#/properties/einfachauswahl', value: 'option-1' });
  });

  it('requires a field only when another has a value, enforced by ajv', () => {
    let definition = build('singleChoice', 'shortText');
    definition = setRequired(definition, '1', true);
    definition = setRequiredWhen(definition, '1', {
      scope: '#/properties/einfachauswahl',
      value: 'option-2',
    });
    expect(definition.schema?.required).toBeUndefined();
    expect(requiredWhenOf(definition, '1')).toEqual({
      scope: '#/properties/einfachauswahl',
      value: 'option-2',
    });
    const validate = ajv().compile(definition.schema as object);
    expect(validate({})).toBe(true);
    expect(validate({ einfachauswahl: 'option-1' })).toBe(true);
    expect(validate({ einfachauswahl: 'option-2' })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: 'required',
      params: { missingProperty: 'kurzerText' },
    });
    expect(validate({ einfachauswahl: 'option-2', kurzerText: 'x' })).toBe(true);
  });

  it('replaces a field’s required-when and keeps other if/then entries', () => {
    let definition = build('yesNo', 'shortText', 'number');
    definition = setRequiredWhen(definition, '1', { scope: '#/properties/jaOderNein', value: true });
    definition = setRequiredWhen(definition, '2', { scope: '#/properties/jaOderNein', value: false });
    definition = setRequiredWhen(definition, '1', { scope: '#/properties/jaOderNein', value: false });
    expect(definition.schema?.allOf).toHaveLength(2);
    expect(requiredWhenOf(definition, '1')?.value).toBe(false);
    definition = setRequiredWhen(definition, '1', undefined);
    expect(definition.schema?.allOf).toHaveLength(1);
    expect(requiredWhenOf(definition, '2')?.value).toBe(false);
  });

  it('reads required-when on a field inside an object', () => {
    const definition: FormDefinitionDraft = {
      ...blank(),
      schema: {
        type: 'object',
        properties: {
          flag: { type: 'boolean' },
          address: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
      uischema: {
        type: 'VerticalLayout',
        elements: [{ type: 'Control', scope: '#/properties/address/properties/city' }],
      },
    };
    const next = setRequiredWhen(definition, '0', { scope: '#/properties/flag', value: true });
    const validate = ajv().compile(next.schema as object);
    expect(validate({ flag: true, address: {} })).toBe(false);
    expect(validate({ flag: true, address: { city: 'Köln' } })).toBe(true);
    expect(requiredWhenOf(next, '0')).toEqual({ scope: '#/properties/flag', value: true });
  });
});

describe('field library', () => {
  const languages: LibraryFieldLike = {
    id: 'languages',
    name: 'languages',
    schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['de', 'ar'] } },
    required: true,
    options: { format: 'checkbox' },
    texts: {
      de: { label: 'Sprachen', description: 'Alle, die Sie sprechen', de: 'Deutsch', ar: 'Arabisch' },
      en: { label: 'Languages', description: 'All you speak', de: 'German', ar: 'Arabic' },
      ar: { label: 'اللغات', description: 'كل اللغات', de: 'الألمانية', ar: 'العربية' },
    },
  };
  const address: LibraryFieldLike = {
    id: 'address',
    name: 'address',
    schema: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } },
    required: false,
    texts: {
      de: { label: 'Adresse', 'street.label': 'Straße', 'city.label': 'Ort' },
      en: { label: 'Address', 'street.label': 'Street', 'city.label': 'City' },
    },
  };

  it('puts default-language texts into the schema and the other locales’ into translations', () => {
    const { definition, id } = addLibraryField({ ...blank(), locales: ['de', 'en', 'ar'] }, languages, {
      parent: '',
      index: 0,
    });
    expect(findField(definition, id)).toMatchObject({
      label: 'Sprachen',
      description: 'Alle, die Sie sprechen',
      required: true,
      type: 'multipleChoice',
      options: { format: 'checkbox' },
    });
    expect(findField(definition, id)?.schema.items).toEqual({
      type: 'string',
      oneOf: [
        { const: 'de', title: 'Deutsch' },
        { const: 'ar', title: 'Arabisch' },
      ],
    });
    expect(definition.translations?.en).toEqual({
      'languages.label': 'Languages',
      'languages.description': 'All you speak',
      'languages.Deutsch': 'German',
      'languages.Arabisch': 'Arabic',
    });
    expect(definition.translations?.ar?.['languages.label']).toBe('اللغات');
    expect(definition.translations).not.toHaveProperty('de');
  });

  it('titles the parts of an object field and translates them by path', () => {
    const { definition } = addLibraryField(blank(), address, { parent: '', index: 0 });
    expect(definition.schema?.properties).toEqual({
      address: {
        type: 'object',
        title: 'Adresse',
        properties: { street: { type: 'string', title: 'Straße' }, city: { type: 'string', title: 'Ort' } },
      },
    });
    expect(definition.translations?.en).toEqual({
      'address.label': 'Address',
      'address.street.label': 'Street',
      'address.city.label': 'City',
    });
  });

  it('names a second copy uniquely and keeps its translations apart', () => {
    let definition = addLibraryField(blank(), address, { parent: '', index: 0 }).definition;
    definition = addLibraryField(definition, address, { parent: '', index: 1 }).definition;
    expect(listFields(definition).map((f) => f.path)).toEqual(['address', 'address2']);
    expect(definition.translations?.en?.['address2.label']).toBe('Address');
  });

  it('goes into the current step of a form with steps', () => {
    const stepped = build('shortText', 'step');
    const { id } = addLibraryField(stepped, address, slotAfter(stepped, undefined));
    expect(id).toBe('1.0');
  });
});

describe('outline', () => {
  it('lists fields in UI order with labels from titles, else the property name', () => {
    const definition: FormDefinitionDraft = {
      ...blank(),
      schema: {
        type: 'object',
        properties: { firstName: { type: 'string' }, age: { type: 'integer', title: 'Alter' } },
        required: ['age'],
      },
      uischema: {
        type: 'VerticalLayout',
        elements: [
          { type: 'Group', label: 'Person', elements: [{ type: 'Control', scope: '#/properties/age' }] },
          { type: 'Control', scope: '#/properties/firstName' },
        ],
      },
    };
    expect(listFields(definition).map((f) => [f.id, f.label, f.required, f.type])).toEqual([
      ['0.0', 'Alter', true, 'number'],
      ['1', 'First name', false, 'shortText'],
    ]);
  });

  it('treats a lone Control as the root layout’s only element', () => {
    const definition = {
      ...blank(),
      schema: { type: 'object', properties: { a: { type: 'string' } } },
      uischema: { type: 'Control', scope: '#/properties/a' },
    };
    expect(outlineOf(definition).map((n) => n.id)).toEqual(['0']);
    const added = addElement(definition, 'number', slotAfter(definition, '0'));
    expect(added.id).toBe('1');
    expect(added.definition.uischema?.type).toBe('VerticalLayout');
  });
});

describe('drag and drop slots', () => {
  const rowsOf = (definition: FormDefinitionDraft) => flatten(outlineOf(definition));
  const keys = (definition: FormDefinitionDraft) => rowsOf(definition).map((r) => r.key);

  it('lists a section’s end after its children so an empty section can take a field', () => {
    let definition = build('shortText', 'section');
    definition = addElement(definition, 'number', { parent: '1', index: 0 }).definition;
    expect(keys(definition)).toEqual(['el:0', 'el:1', 'el:1.0', 'end:1']);
  });

  it('puts a row dragged down behind the row it is over, and up in front of it', () => {
    const definition = build('shortText', 'number', 'date');
    const rows = rowsOf(definition);
    expect(dropSlot(rows, 'el:0', 'el:1')).toEqual({ parent: '', index: 2 });
    expect(dropSlot(rows, 'el:2', 'el:1')).toEqual({ parent: '', index: 1 });
    const moved = moveElement(definition, '0', dropSlot(rows, 'el:0', 'el:1') as never);
    expect(labels(moved.definition)).toEqual(['Zahl', 'Kurzer Text', 'Datum']);
  });

  it('drops into a section over its heading, and at its end over its end row', () => {
    const definition = build('shortText', 'section', 'date');
    const rows = rowsOf(definition);
    expect(dropSlot(rows, 'el:0', 'el:1')).toEqual({ parent: '1', index: 0 });
    expect(dropSlot(rows, 'el:2', 'end:1')).toEqual({ parent: '1', index: 0 });
  });

  it('ignores a drop of a section into itself', () => {
    let definition = build('section');
    definition = addElement(definition, 'number', { parent: '0', index: 0 }).definition;
    expect(dropSlot(rowsOf(definition), 'el:0', 'el:0.0')).toBeUndefined();
  });

  it('lifts a step dropped inside another step to after that step', () => {
    let definition = build('shortText', 'step', 'step');
    definition = addElement(definition, 'number', { parent: '2', index: 0 }).definition;
    const rows = rowsOf(definition);
    const wanted = dropSlot(rows, 'el:0', 'el:2') as never;
    expect(wanted).toEqual({ parent: '2', index: 0 });
    const slot = fitSlot(definition, '0', wanted);
    expect(slot).toEqual({ parent: '', index: 3 });
    const moved = moveElement(definition, '0', slot as never);
    expect(outlineOf(moved.definition).map((s) => s.label)).toEqual(['Schritt 2', 'Schritt 3', 'Schritt 1']);
  });

  it('puts something new in front of the row it is dropped on, or at a section’s end', () => {
    const definition = build('shortText', 'section');
    const rows = rowsOf(definition);
    expect(insertSlot(rows[0] as never)).toEqual({ parent: '', index: 0 });
    expect(insertSlot(rows.find((r) => r.key === 'end:1') as never)).toEqual({ parent: '1', index: 0 });
  });
});
