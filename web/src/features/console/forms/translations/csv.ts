import type { DraftDefinition, FormText } from './form-text.ts';
import { cellValue, defaultLocaleOf, localesOf, setCell } from './grid.ts';

/*
 * Translations as a spreadsheet for translators: columns key, where, then one per language (the
 * default first). UTF-8 with a byte-order mark so Excel reads Arabic and umlauts; CRLF; every field
 * quoted. Reading accepts `,` or `;` (Excel in German regions saves with `;`).
 */

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

export function toCsv(definition: DraftDefinition, texts: readonly FormText[]): string {
  const locales = localesOf(definition);
  const lines = [['key', 'where', ...locales].map(quote).join(',')];
  for (const text of texts)
    lines.push(
      [text.key, text.where, ...locales.map((locale) => cellValue(definition, text, locale) ?? '')]
        .map(quote)
        .join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 fields; the separator is whichever of `,` `;` `\t` the header line uses first. */
export function parseCsv(input: string): string[][] {
  const source = input.replace(/^\uFEFF/, '');
  const header = /^[^\r\n]*/.exec(source)?.[0] ?? '';
  const separator = [',', ';', '\t'].find((candidate) => outsideQuotes(header).includes(candidate)) ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index] as string;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}

const outsideQuotes = (line: string) => line.replace(/"[^"]*"/g, '');

export interface ImportOutcome {
  readonly definition: DraftDefinition;
  readonly changed: number;
  /** Keys the form does not have (renamed or removed since the export). */
  readonly unknownKeys: string[];
  /** Columns for languages the form does not offer; add the language first. */
  readonly ignoredLocales: string[];
}

/**
 * Writes the non-default language columns into the definition. An empty cell changes nothing (a
 * translator who skips a text does not delete one); the default language is edited in Build.
 */
export function importCsv(
  definition: DraftDefinition,
  texts: readonly FormText[],
  csv: string,
): ImportOutcome {
  const [header = [], ...rows] = parseCsv(csv);
  const keyColumn = header.indexOf('key');
  if (keyColumn < 0) throw new Error('key');
  const offered = new Set(localesOf(definition).slice(1));
  const main = defaultLocaleOf(definition);
  const columns = header
    .map((name, index) => ({ locale: name.trim(), index }))
    .filter(
      ({ locale, index }) => index !== keyColumn && locale !== 'where' && locale !== main && locale !== '',
    );
  const byKey = new Map(texts.map((text) => [text.key, text]));
  let next = definition;
  let changed = 0;
  const unknownKeys: string[] = [];
  for (const row of rows) {
    const text = byKey.get(row[keyColumn] ?? '');
    if (!text) {
      unknownKeys.push(row[keyColumn] ?? '');
      continue;
    }
    for (const { locale, index } of columns) {
      const value = row[index] ?? '';
      if (!offered.has(locale) || value === '' || value === cellValue(next, text, locale)) continue;
      next = setCell(next, text, locale, value);
      changed++;
    }
  }
  const ignoredLocales = columns.map(({ locale }) => locale).filter((locale) => !offered.has(locale));
  return { definition: next, changed, unknownKeys, ignoredLocales };
}
