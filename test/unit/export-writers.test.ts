import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, neutralise } from '../../functions/shared/export/cells.ts';
import { csvDelimiter, writeCsv } from '../../functions/shared/export/csv.ts';
import { writeXlsx } from '../../functions/shared/export/xlsx.ts';
import { parseCsv } from '../support/csv.ts';

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];
const risky = fc
  .tuple(fc.constantFrom(...FORMULA_START, '', ' ', 'a'), fc.string({ unit: 'binary', maxLength: 40 }))
  .map(([start, rest]) => start + rest);

async function* rowsOf(rows: readonly (readonly Cell[])[]) {
  yield* rows;
}

async function csvOf(labels: string[], rows: Cell[][], locale = 'de') {
  const out = new PassThrough();
  const written = buffer(out);
  await writeCsv(labels, rowsOf(rows), out, { locale });
  return written;
}

async function xlsxOf(labels: string[], rows: Cell[][], locale = 'de') {
  const out = new PassThrough();
  const written = buffer(out);
  const columns = labels.map((label) => ({ label, kind: 'text' as const }));
  await writeXlsx(columns, rowsOf(rows), out, { locale });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await written) as unknown as ArrayBuffer);
  return workbook.getWorksheet('Export') as ExcelJS.Worksheet;
}

describe('formula neutralising', () => {
  it('prefixes every text that starts with a formula character, and keeps the rest as it was', () => {
    fc.assert(
      fc.property(risky, (text) => {
        const safe = neutralise(text);
        expect(FORMULA_START).not.toContain(safe.charAt(0));
        expect(safe === text || safe === `'${text}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(neutralise('=cmd|"/C calc"!A0')).toBe(`'=cmd|"/C calc"!A0`);
    expect(neutralise('Köln')).toBe('Köln');
  });

  it('leaves no CSV cell starting with a formula character', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(risky, { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        async (rows) => {
          const labels = ['a', 'b', 'c', 'd'];
          const text = (await csvOf(labels, rows)).toString('utf8').replace(/^\uFEFF/, '');
          const parsed = parseCsv(text, ';');
          expect(parsed).toHaveLength(rows.length + 1);
          for (const cell of parsed.flat()) expect(FORMULA_START).not.toContain(cell.charAt(0));
          parsed.slice(1).forEach((row, index) => {
            expect(row).toEqual(rows[index]?.map(neutralise));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves no XLSX cell starting with a formula character, and writes no formula', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(risky, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        async (rows) => {
          const sheet = await xlsxOf(['x', 'y', 'z'], rows);
          sheet.eachRow((row) => {
            row.eachCell((cell) => {
              expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
              expect(FORMULA_START).not.toContain(String(cell.value ?? '').charAt(0));
            });
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('CSV writer', () => {
  it('writes UTF-8 with a BOM, CRLF and the separator the locale expects', async () => {
    const bytes = await csvOf(
      ['Name', 'Betrag'],
      [
        ['Jürgen; „Ü“', 12.5],
        ['مرحبا', null],
      ],
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    expect(parseCsv(text.slice(1), ';')).toEqual([
      ['Name', 'Betrag'],
      ['Jürgen; „Ü“', '12,5'],
      ['مرحبا', ''],
    ]);
    expect(csvDelimiter('de')).toBe(';');
    expect(csvDelimiter('uk')).toBe(';');
    expect(csvDelimiter('en')).toBe(',');
    const english = (await csvOf(['Amount'], [[12.5]], 'en')).toString('utf8');
    expect(parseCsv(english.slice(1), ',')).toEqual([['Amount'], ['12.5']]);
  });
});

describe('XLSX writer', () => {
  it('writes a bold, frozen header, numbers as numbers and dates as dates', async () => {
    const when = { date: new Date('2026-03-12T14:05:00Z'), text: '12.03.2026 14:05', time: true };
    const sheet = await xlsxOf(['Name', 'Betrag', 'Eingegangen'], [['Ärzte ohne Grenzen', 7, when]]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('Ärzte ohne Grenzen');
    expect(row.getCell(2).value).toBe(7);
    expect(row.getCell(3).value).toEqual(when.date);
    expect(row.getCell(3).numFmt).toBe('dd.mm.yyyy hh:mm');
  });
});
