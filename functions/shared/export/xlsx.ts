import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Cell, isDateCell, neutralise } from './cells.ts';
import type { Column } from './columns.ts';

/** Excel's limit for one cell's text. */
const MAX_CELL_CHARS = 32_767;
/** XML 1.0 forbids these control characters; one in a cell would make Excel call the file corrupt. */
const xmlAllowed = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
};

/**
 * Writes an .xlsx with exceljs's streaming writer: each row is written to the zip as it comes and
 * then dropped, so memory stays flat. The header is bold and frozen; dates are real date cells;
 * text is neutralised like the CSV's and always written as a string, never as a formula.
 */
export async function writeXlsx(
  columns: readonly Pick<Column, 'label' | 'kind'>[],
  rows: AsyncIterable<readonly Cell[]>,
  out: Writable,
  options: { readonly locale: string },
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Export', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({ key: String(index), width: widthOf(column) }));
  const header = sheet.addRow(columns.map((column) => text(column.label)));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const cells of rows) {
    const row = sheet.addRow(cells.map(value));
    cells.forEach((cell, index) => {
      if (isDateCell(cell)) row.getCell(index + 1).numFmt = dateFormat(cell.time, options.locale);
    });
    row.commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

function value(cell: Cell): string | number | Date | null {
  if (cell === null || typeof cell === 'number') return cell;
  if (typeof cell === 'string') return text(cell);
  return cell.date;
}

/** Lone surrogates become U+FFFD and forbidden characters go, before the formula check sees the text. */
const text = (raw: string): string =>
  neutralise(
    [...raw]
      .map((char) => (char.length === 1 && char >= '\uD800' && char <= '\uDFFF' ? '\uFFFD' : char))
      .filter(xmlAllowed)
      .join(''),
  ).slice(0, MAX_CELL_CHARS);

function dateFormat(time: boolean, locale: string): string {
  const date = locale === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  return time ? `${date} hh:mm` : date;
}

/** Wide enough for the label, within reason; the rows are not known yet when the widths are set. */
function widthOf(column: Pick<Column, 'label' | 'kind'>): number {
  if (column.kind === 'datetime') return 18;
  if (column.kind === 'date') return 12;
  return Math.min(50, Math.max(12, column.label.length + 2));
}
