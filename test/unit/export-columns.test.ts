import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../functions/shared/contracts/form-definition.ts';
import { type ExportRecord, exportColumns, toRow } from '../../functions/shared/export/columns.ts';

const registration = JSON.parse(
  readFileSync(new URL('../../forms/integrationslotsen-registrierung.json', import.meta.url), 'utf8'),
) as FormDefinition;

const record = (data: Record<string, unknown>, overrides: Partial<ExportRecord> = {}): ExportRecord => ({
  submissionId: '0190d6a4-0000-7000-8000-000000000001',
  receiptNumber: 'L-0000-0001',
  receivedAt: '2026-03-12T13:05:00.000Z',
  status: 'approved',
  formVersion: 1,
  locale: 'ar',
  data,
  ...overrides,
});

const answers = {
  firstName: 'Ahmad',
  lastName: 'Haddad',
  email: 'ahmad@example.org',
  postalCode: '50667',
  languages: [
    { language: 'ar', level: 'native' },
    { language: 'de', level: 'good' },
  ],
  availabilityDays: ['mon', 'sat'],
  motivation: 'Ich helfe gern.',
};

const options = { locale: 'de', timeZone: 'Europe/Berlin' };

describe('export columns', () => {
  it('puts the fixed columns first, then every field in the order the form shows them', () => {
    const labels = exportColumns([{ version: 1, definition: registration }], options).map((c) => c.label);
    expect(labels.slice(0, 6)).toEqual([
      'Eingangsnummer',
      'Eingegangen am (UTC, ISO 8601)',
      'Eingegangen am',
      'Status',
      'Formularversion',
      'Sprache der Person',
    ]);
    expect(labels.slice(6, 9)).toEqual(['Vorname', 'Nachname', 'E-Mail-Adresse']);
    expect(labels).toContain('Welche Sprachen sprechen Sie? – Sprache');
    expect(labels).toContain('Welche Sprachen sprechen Sie? – Wie gut sprechen Sie diese Sprache?');
    expect(labels.at(-1)).toBe('Wie genau?');
  });

  it('shows enum values, lists and booleans with their labels in the chosen language', () => {
    for (const [locale, expected] of [
      ['de', ['Arabisch; Deutsch', 'Muttersprache; Gut', 'Montag; Samstag', 'Angenommen', 'Arabisch (ar)']],
      ['en', ['Arabic; German', 'Native language; Good', 'Monday; Saturday', 'Approved', 'Arabic (ar)']],
    ] as const) {
      const columns = exportColumns([{ version: 1, definition: registration }], { ...options, locale });
      const row = toRow(columns, record(answers));
      const byKey = Object.fromEntries(columns.map((column, index) => [column.key, row[index]]));
      expect([
        byKey['languages.language'],
        byKey['languages.level'],
        byKey.availabilityDays,
        byKey['@status'],
        byKey['@locale'],
      ]).toEqual(expected);
      expect(byKey.phone).toBeNull();
    }
  });

  it('gives the receipt time in UTC and as a local date cell in the organisation time zone', () => {
    const columns = exportColumns([{ version: 1, definition: registration }], options);
    const row = toRow(columns, record(answers));
    expect(row[1]).toBe('2026-03-12T13:05:00.000Z');
    expect(row[2]).toEqual({
      date: new Date('2026-03-12T14:05:00.000Z'),
      text: '12.03.2026 14:05',
      time: true,
    });
    expect(row[4]).toBe(1);
  });

  it('flattens nested objects and formats numbers, dates and booleans', () => {
    const definition = nestedForm();
    const columns = exportColumns([{ version: 1, definition }], { ...options, locale: 'en' });
    const row = toRow(
      columns,
      record({
        address: { street: 'Hauptstraße 1', city: 'Köln' },
        amount: 250.5,
        start: '2026-05-01',
        ok: true,
      }),
    );
    const byLabel = Object.fromEntries(columns.map((column, index) => [column.label, row[index]]));
    expect(byLabel).toMatchObject({
      'Address – Street': 'Hauptstraße 1',
      'Address – City': 'Köln',
      Amount: 250.5,
      Start: { text: '2026-05-01', time: false },
      'Agreed?': 'Yes',
    });
  });

  it('takes the union of the versions in the export, labelled by the newest version that has the field', () => {
    const v1 = nestedForm();
    const v2 = nestedForm({ dropAmount: true, relabel: 'Postal address', extra: true });
    const columns = exportColumns(
      [
        { version: 1, definition: v1 },
        { version: 2, definition: v2 },
      ],
      { ...options, locale: 'en' },
    );
    const labels = columns.slice(6).map((column) => column.label);
    expect(labels).toEqual([
      'Postal address – Street',
      'Postal address – City',
      'Amount',
      'Start',
      'Agreed?',
      'Notes',
    ]);
    const oldRow = toRow(columns, record({ amount: 99, address: { city: 'Bonn' } }, { formVersion: 1 }));
    expect(oldRow.slice(6)).toEqual([null, 'Bonn', 99, null, null, null]);
  });
});

function nestedForm(
  change: { dropAmount?: boolean; relabel?: string; extra?: boolean } = {},
): FormDefinition {
  const properties: Record<string, unknown> = {
    address: {
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
    ...(change.dropAmount ? {} : { amount: { type: 'number' } }),
    start: { type: 'string', format: 'date' },
    ok: { type: 'boolean' },
    ...(change.extra ? { notes: { type: 'string' } } : {}),
  };
  const texts = {
    'address.label': change.relabel ?? 'Address',
    'address.street.label': 'Street',
    'address.city.label': 'City',
    'amount.label': 'Amount',
    'start.label': 'Start',
    'ok.label': 'Agreed?',
    'notes.label': 'Notes',
  };
  return {
    ...registration,
    slug: 'nested',
    defaultLocale: 'en',
    locales: ['en'],
    schema: { type: 'object', properties },
    uischema: {
      type: 'VerticalLayout',
      elements: Object.keys(properties).map((name) => ({ type: 'Control', scope: `#/properties/${name}` })),
    },
    translations: { en: texts },
  } as FormDefinition;
}
