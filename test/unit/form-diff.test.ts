import { describe, expect, it } from 'vitest';
import { diffForms, documentTexts, textsByLocale } from '../../functions/shared/domain/form-diff.ts';
import { breakingChanges, measureImpact, valuesAt } from '../../functions/shared/domain/form-impact.ts';

const base = () => ({
  slug: 'anmeldung',
  defaultLocale: 'de',
  locales: ['de', 'en'],
  title: { de: 'Anmeldung', en: 'Registration' },
  workflow: 'submission-received',
  consent: { version: '1' },
  retentionDays: 365,
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name', maxLength: 100 },
      age: { type: 'integer', title: 'Alter', minimum: 14 },
      topic: { type: 'string', title: 'Thema', enum: ['wohnen', 'arbeit', 'schule'] },
      languages: {
        type: 'array',
        items: {
          type: 'object',
          properties: { level: { type: 'string', title: 'Niveau', enum: ['a1', 'b1', 'c1'] } },
        },
      },
    },
    required: ['name'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/name' },
      { type: 'Group', label: 'Details', elements: [{ type: 'Control', scope: '#/properties/age' }] },
      { type: 'Control', scope: '#/properties/topic' },
      { type: 'Control', scope: '#/properties/languages' },
      { type: 'Label', text: 'Danke!' },
    ],
  },
  translations: { en: { 'name.label': 'Name', 'age.label': 'Age', Details: 'Details' } } as Record<
    string,
    Record<string, string>
  >,
});

type Definition = ReturnType<typeof base>;
const changed = (edit: (definition: Definition) => void) => {
  const definition = structuredClone(base());
  edit(definition);
  return definition;
};
const diff = (before: Definition, after: Definition) =>
  diffForms({ side: 1, definition: before }, { side: 'draft', definition: after });
const props = (definition: Definition) =>
  definition.schema.properties as Record<string, Record<string, unknown>>;
/** The properties of the `languages` items. */
const itemProps = (definition: Definition) =>
  (props(definition).languages as { items: { properties: Record<string, Record<string, unknown>> } }).items
    .properties;

describe('form diff', () => {
  it('finds nothing between a form and itself', () => {
    const result = diff(base(), base());
    expect(result).toEqual({
      from: 1,
      to: 'draft',
      fields: { added: [], removed: [], changed: [] },
      texts: {},
      other: [],
    });
  });

  it('names added and removed fields by data path and label, also inside arrays', () => {
    const after = changed((d) => {
      delete props(d).age;
      props(d).email = { type: 'string', format: 'email', title: 'E-Mail' };
      (d.schema.required as string[]).push('email');
      itemProps(d).since = {
        type: 'integer',
      };
    });
    const result = diff(base(), after);
    expect(result.fields.added).toEqual([
      { path: 'languages.since', label: 'Since', changes: ['type: integer'] },
      { path: 'email', label: 'E-Mail', changes: ['type: string', 'required'] },
    ]);
    expect(result.fields.removed).toEqual([{ path: 'age', label: 'Alter', changes: ['type: integer'] }]);
  });

  it('describes a changed type, requirement, options, limits, pattern and rule for a person', () => {
    const after = changed((d) => {
      props(d).age = { type: 'string', title: 'Alter' };
      props(d).topic = { type: 'string', title: 'Thema', enum: ['wohnen', 'arbeit', 'kita'] };
      props(d).name = { type: 'string', title: 'Name', maxLength: 50, pattern: '^[A-Z]' };
      d.schema.required = [];
      (d.uischema.elements[2] as Record<string, unknown>).rule = {
        effect: 'SHOW',
        condition: { scope: '#/properties/name', schema: { const: 'x' } },
      };
    });
    const byPath = Object.fromEntries(diff(base(), after).fields.changed.map((c) => [c.path, c.changes]));
    expect(byPath.age).toEqual(['type: integer → string', 'minimum: 14 → –']);
    expect(byPath.topic).toEqual([
      'options: -schule +kita',
      'rule: – → SHOW when #/properties/name {"const":"x"}',
    ]);
    expect(byPath.name).toEqual(['no longer required', 'maxLength: 100 → 50', 'pattern: – → ^[A-Z]']);
  });

  it('lists text changes per language: the documents for the default, translations for the others', () => {
    const after = changed((d) => {
      props(d).name = { ...props(d).name, title: 'Vollständiger Name' };
      (d.translations.en as Record<string, string>)['name.label'] = 'Full name';
      delete (d.translations.en as Record<string, string>).Details;
      d.title = { de: 'Anmeldung 2027', en: 'Registration' };
    });
    const result = diff(base(), after);
    expect(result.texts).toEqual({
      de: [
        { key: 'name.label', before: 'Name', after: 'Vollständiger Name' },
        { key: 'title', before: 'Anmeldung', after: 'Anmeldung 2027' },
      ],
      en: [
        { key: 'Details', before: 'Details' },
        { key: 'name.label', before: 'Name', after: 'Full name' },
      ],
    });
    // A relabelled field is a field change too, so the fields list alone tells the whole story.
    expect(result.fields.changed).toEqual([
      { path: 'name', label: 'Vollständiger Name', changes: ['label: Name → Vollständiger Name'] },
    ]);
  });

  it('reports other parts by name, and a reordered layout but not a relabelled one', () => {
    const after = changed((d) => {
      d.locales = ['de'];
      d.retentionDays = 90;
      (d as Record<string, unknown>).availability = { listed: false };
      d.uischema.elements.reverse();
    });
    const parts = diff(base(), after).other.map((change) => change.part);
    expect(parts).toEqual(['locales', 'retentionDays', 'availability', 'layout']);
    const relabelled = changed((d) => {
      (d.uischema.elements[1] as Record<string, unknown>).label = 'Mehr';
    });
    expect(diff(base(), relabelled).other).toEqual([]);
  });

  it('reads the default texts from the documents with JSON Forms keys', () => {
    expect(documentTexts(base())).toMatchObject({
      'name.label': 'Name',
      'topic.schule': 'schule',
      'languages.level.label': 'Niveau',
      'languages.level.b1': 'b1',
      Details: 'Details',
      'Danke!': 'Danke!',
    });
    expect(textsByLocale(base()).en).toEqual({
      'name.label': 'Name',
      'age.label': 'Age',
      Details: 'Details',
      title: 'Registration',
    });
  });

  it('diffs a draft that is not a valid form yet without throwing', () => {
    const broken = { slug: 'anmeldung', schema: 'not a schema', uischema: null } as unknown as Definition;
    const result = diff(base(), broken);
    expect(result.fields.removed.map((field) => field.path)).toEqual([
      'name',
      'age',
      'topic',
      'languages',
      'languages.level',
    ]);
  });
});

describe('breaking changes', () => {
  const kinds = (after: Definition) =>
    breakingChanges(base(), after).map((c) => [c.path, c.change, c.detail]);

  it('finds removed, renamed, retyped, narrowed and newly required fields', () => {
    const after = changed((d) => {
      delete props(d).name;
      props(d).fullName = { type: 'string', title: 'Name' };
      props(d).age = { type: 'string', title: 'Alter' };
      props(d).topic = { type: 'string', title: 'Thema', enum: ['wohnen', 'arbeit'] };
      itemProps(d).level = {
        type: 'string',
        title: 'Niveau',
        enum: ['a1', 'b1', 'c1'],
      };
      d.schema.required = ['fullName', 'topic'];
    });
    expect(kinds(after)).toEqual([
      ['name', 'renamed', 'now fullName; earlier answers stay under name'],
      ['age', 'retyped', 'integer → string'],
      ['topic', 'narrowed', 'options removed: schule'],
      ['topic', 'newly-required', 'earlier submissions without an answer would not be accepted now'],
    ]);
  });

  it('calls a tighter limit narrowing and a looser one nothing', () => {
    const tighter = changed((d) => {
      props(d).age = { type: 'integer', title: 'Alter', minimum: 16 };
      props(d).name = { type: 'string', title: 'Name', maxLength: 200 };
    });
    expect(kinds(tighter)).toEqual([['age', 'narrowed', 'minimum 14 → 16']]);
  });

  it('counts the earlier submissions each change hits, and stops counting at the cap', async () => {
    const after = changed((d) => {
      delete props(d).name;
      props(d).age = { type: 'integer', title: 'Alter', minimum: 18 };
      props(d).topic = { type: 'string', title: 'Thema', enum: ['wohnen', 'arbeit'] };
      itemProps(d).level = {
        type: 'string',
        title: 'Niveau',
        enum: ['b1', 'c1'],
      };
    });
    const answers = [
      { name: 'A', age: 15, topic: 'schule', languages: [{ level: 'a1' }, { level: 'b1' }] },
      { name: 'B', age: 30, topic: 'wohnen', languages: [{ level: 'c1' }] },
      { age: 17 },
      { name: '' },
    ];
    const requested: string[][] = [];
    const source = {
      async *answers(_slug: string, fields: readonly string[]) {
        requested.push([...fields]);
        yield* answers;
      },
    };
    const impact = await measureImpact(source, 'anmeldung', 1, breakingChanges(base(), after));
    expect(requested).toEqual([['name', 'age', 'topic', 'languages']]);
    expect(impact).toMatchObject({ against: 1, submissions: 4, capped: false });
    expect(impact.breaking.map((change) => [change.path, change.change, change.submissions])).toEqual([
      ['name', 'removed', 2],
      ['age', 'narrowed', 2],
      ['topic', 'narrowed', 1],
      ['languages.level', 'narrowed', 1],
    ]);
    const capped = await measureImpact(source, 'anmeldung', 1, breakingChanges(base(), after), 3);
    expect(capped).toMatchObject({ submissions: 3, capped: true });
  });

  it('reads values through arrays', () => {
    expect(valuesAt({ languages: [{ level: 'a1' }, { level: 'b1' }, {}] }, 'languages.level')).toEqual([
      'a1',
      'b1',
    ]);
  });
});
