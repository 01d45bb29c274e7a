import { describe, expect, it } from 'vitest';
import { importCsv, parseCsv, toCsv } from '../../web/src/features/console/forms/translations/csv.ts';
import type { DraftDefinition } from '../../web/src/features/console/forms/translations/form-text.ts';
import {
  addLocale,
  cellValue,
  missingByLocale,
  removeLocale,
  setCell,
} from '../../web/src/features/console/forms/translations/grid.ts';
import { formTextsFallback } from '../../web/src/features/console/forms/translations/texts-fallback.ts';
import { importXliff, parseXliff, toXliff } from '../../web/src/features/console/forms/translations/xliff.ts';

const form: DraftDefinition = {
  slug: 'helpers',
  defaultLocale: 'de',
  locales: ['de', 'ar'],
  title: { de: 'Helfende', ar: 'المساعدون' },
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name', description: 'Wie sollen wir Sie nennen?' },
      email: { type: 'string', format: 'email' },
      district: { type: 'string', enum: ['nord', 'süd'] },
      level: {
        type: 'string',
        oneOf: [
          { const: 'a', title: 'Anfänger' },
          { const: 'b', title: 'Fortgeschritten' },
        ],
      },
      languages: {
        type: 'array',
        items: { type: 'object', properties: { language: { type: 'string', title: 'Sprache' } } },
      },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Label', text: 'Über Sie' },
      {
        type: 'Group',
        label: 'Kontakt',
        elements: [
          { type: 'Control', scope: '#/properties/name' },
          { type: 'Control', scope: '#/properties/email', label: 'E-Mail "privat"' },
        ],
      },
      { type: 'Control', scope: '#/properties/district' },
      { type: 'Control', scope: '#/properties/level', i18n: 'lvl' },
      { type: 'Control', scope: '#/properties/languages' },
    ],
  },
  translations: { ar: { 'name.label': 'الاسم' } },
};

const texts = formTextsFallback(form);
const byKey = (key: string) => {
  const text = texts.find((entry) => entry.key === key);
  if (!text) throw new Error(`no text ${key}`);
  return text;
};

describe('the texts of a form (fallback walker)', () => {
  it('lists every form text with the key JSON Forms asks for and the default-language text', () => {
    expect(texts.map((text) => [text.key, text.text, text.kind])).toEqual([
      ['title', 'Helfende', 'title'],
      ['Über Sie', 'Über Sie', 'label-element'],
      ['Kontakt', 'Kontakt', 'layout'],
      ['name.label', 'Name', 'label'],
      ['name.description', 'Wie sollen wir Sie nennen?', 'description'],
      ['email.label', 'E-Mail "privat"', 'label'],
      ['district.label', 'District', 'label'],
      ['district.nord', 'nord', 'option'],
      ['district.süd', 'süd', 'option'],
      ['lvl.label', 'Level', 'label'],
      ['lvl.Anfänger', 'Anfänger', 'option'],
      ['lvl.Fortgeschritten', 'Fortgeschritten', 'option'],
      ['languages.label', 'Languages', 'label'],
      ['languages.language.label', 'Sprache', 'label'],
    ]);
  });
});

describe('the grid model', () => {
  it('shows document texts in the default language and stored ones elsewhere; missing is what has none', () => {
    expect(cellValue(form, byKey('name.label'), 'de')).toBe('Name');
    expect(cellValue(form, byKey('name.label'), 'ar')).toBe('الاسم');
    expect(cellValue(form, byKey('title'), 'ar')).toBe('المساعدون');
    expect(cellValue(form, byKey('email.label'), 'ar')).toBeUndefined();
    const missing = missingByLocale(form, texts);
    expect(Object.keys(missing)).toEqual(['ar']);
    expect(missing.ar).toHaveLength(texts.length - 2);
  });

  it('writes a cell without changing the original, and an empty value removes it', () => {
    const next = setCell(form, byKey('email.label'), 'ar', 'البريد');
    expect(next.translations?.ar).toEqual({ 'name.label': 'الاسم', 'email.label': 'البريد' });
    expect(form.translations?.ar).toEqual({ 'name.label': 'الاسم' });
    expect(setCell(next, byKey('email.label'), 'ar', '').translations?.ar).toEqual({ 'name.label': 'الاسم' });
    expect(setCell(form, byKey('title'), 'ar', 'جديد').title).toEqual({ de: 'Helfende', ar: 'جديد' });
  });

  it('adds a language, and removing it drops its texts; the default language stays', () => {
    const withUk = addLocale(form, 'uk');
    expect(withUk.locales).toEqual(['de', 'ar', 'uk']);
    expect(Object.keys(missingByLocale(withUk, texts))).toEqual(['ar', 'uk']);
    const withoutAr = removeLocale(withUk, 'ar');
    expect(withoutAr.locales).toEqual(['de', 'uk']);
    expect(withoutAr.translations?.ar).toBeUndefined();
    expect(withoutAr.title).toEqual({ de: 'Helfende' });
    expect(removeLocale(form, 'de')).toBe(form);
  });
});

describe('CSV', () => {
  it('exports key, where and one column per language, quoted, with a BOM, and reads back what it wrote', () => {
    const csv = toCsv(form, texts);
    expect(csv.startsWith('\uFEFF"key","where","de","ar"\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(texts.length + 1);
    expect(rows.find((row) => row[0] === 'email.label')).toEqual([
      'email.label',
      'Field \'E-Mail "privat"\' (email)',
      'E-Mail "privat"',
      '',
    ]);
    const round = importCsv(form, texts, csv);
    expect(round.changed).toBe(0);
    expect(round.definition).toEqual(form);
  });

  it("imports a translator's file: filled cells are written, empty ones and the default language left alone", () => {
    const rows = parseCsv(toCsv(addLocale(form, 'uk'), texts));
    const edited = rows.map((row, index) => {
      if (index === 0) return row;
      if (row[0] === 'email.label') return [row[0], row[1], 'geändert', 'البريد الإلكتروني', 'Пошта'];
      if (row[0] === 'name.label') return [row[0], row[1], row[2], '', ''];
      return row;
    });
    edited.push(['gone.label', '', 'Weg', 'x', 'y']);
    // Excel in German regions writes `;` and CRLF.
    const csv = edited
      .map((row) => row.map((cell) => `"${(cell ?? '').replaceAll('"', '""')}"`).join(';'))
      .join('\r\n');
    const outcome = importCsv(addLocale(form, 'uk'), texts, csv);
    expect(outcome.changed).toBe(2);
    expect(outcome.unknownKeys).toEqual(['gone.label']);
    expect(outcome.definition.translations?.ar).toEqual({
      'name.label': 'الاسم',
      'email.label': 'البريد الإلكتروني',
    });
    expect(outcome.definition.translations?.uk).toEqual({ 'email.label': 'Пошта' });
    expect(cellValue(outcome.definition, byKey('email.label'), 'de')).toBe('E-Mail "privat"');
  });

  it('ignores columns of languages the form does not offer, and refuses a file without a key column', () => {
    const outcome = importCsv(form, texts, 'key,where,de,ar,fr\r\nname.label,,Name,اسم,Nom\r\n');
    expect(outcome.ignoredLocales).toEqual(['fr']);
    expect(outcome.definition.translations?.ar?.['name.label']).toBe('اسم');
    expect(() => importCsv(form, texts, 'a,b\r\n1,2')).toThrow();
  });

  it('keeps separators, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('"a","b"\n"x, ""y""\nz","2"\n')).toEqual([
      ['a', 'b'],
      ['x, "y"\nz', '2'],
    ]);
  });
});

describe('XLIFF 1.2', () => {
  it('exports one target language with the default language as source, escaped', () => {
    const xml = toXliff(form, texts, 'ar');
    expect(xml).toContain(
      '<file original="helpers" source-language="de" target-language="ar" datatype="plaintext">',
    );
    expect(xml).toContain('<trans-unit id="email.label" resname="email.label">');
    expect(xml).toContain('<source>E-Mail &quot;privat&quot;</source>');
    expect(xml).toContain('<target state="translated">الاسم</target>');
    expect(xml).toContain('<target state="needs-translation"></target>');
    const parsed = parseXliff(xml);
    expect(parsed.target).toBe('ar');
    expect([...parsed.units]).toEqual([
      ['title', 'المساعدون'],
      ['name.label', 'الاسم'],
    ]);
  });

  it('imports what a translation tool returns (entities, CDATA, inline markup), unknown keys reported', () => {
    const xml = toXliff(form, texts, 'ar')
      .replace(
        '<target state="needs-translation"></target>',
        '<target>بريد &amp; <g id="1">هاتف</g></target>',
      )
      .replace(
        '</body>',
        '<trans-unit id="x.label"><source>X</source><target><![CDATA[<b>]]></target></trans-unit></body>',
      );
    const outcome = importXliff(form, texts, xml);
    expect(outcome.unknownKeys).toEqual(['x.label']);
    expect(outcome.changed).toBe(1);
    const first = texts.find((text) => cellValue(form, text, 'ar') === undefined);
    expect(first && cellValue(outcome.definition, first, 'ar')).toBe('بريد & هاتف');
  });

  it('refuses a file for a language the form does not offer', () => {
    const outcome = importXliff(
      form,
      texts,
      toXliff(form, texts, 'ar').replace('target-language="ar"', 'target-language="fr"'),
    );
    expect(outcome.ignoredLocales).toEqual(['fr']);
    expect(outcome.definition).toBe(form);
  });
});
