import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { type Cell, cellText, neutralise } from './cells.ts';

/**
 * Excel opens a double-clicked CSV with the list separator of the computer's region, which is `;`
 * wherever the decimal separator is a comma (German, Ukrainian, most of Europe) and `,` elsewhere.
 * The export's language is the best guess we have of that region.
 */
export function csvDelimiter(locale: string): ';' | ',' {
  return decimalSeparator(locale) === ',' ? ';' : ',';
}

/** Numbers as that region's Excel reads them: its decimal separator, no grouping, Latin digits. */
export function numberFormatter(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(latinDigits(locale), {
    useGrouping: false,
    maximumFractionDigits: 20,
  });
  return (value) => format.format(value);
}

/**
 * Writes a CSV as Excel wants it: UTF-8 with a byte-order mark (without one Excel reads UTF-8 as
 * the region's legacy code page and breaks umlauts and Arabic), CRLF line ends, every field quoted,
 * every text neutralised against formulas. Rows are pulled one at a time: memory stays flat.
 */
export async function writeCsv(
  labels: readonly string[],
  rows: AsyncIterable<readonly Cell[]>,
  out: Writable,
  options: { readonly locale: string },
): Promise<number> {
  const formatNumber = numberFormatter(options.locale);
  let count = 0;
  async function* records() {
    yield labels.map(neutralise);
    for await (const row of rows) {
      count += 1;
      yield row.map((cell) => cellText(cell, formatNumber));
    }
  }
  await pipeline(
    Readable.from(records()),
    stringify({
      delimiter: csvDelimiter(options.locale),
      record_delimiter: 'windows',
      bom: true,
      quoted: true,
    }),
    out,
  );
  return count;
}

function decimalSeparator(locale: string): string {
  try {
    return (
      new Intl.NumberFormat(latinDigits(locale)).formatToParts(1.5).find((part) => part.type === 'decimal')
        ?.value ?? '.'
    );
  } catch {
    return '.';
  }
}

const latinDigits = (locale: string) => `${locale}-u-nu-latn`;
