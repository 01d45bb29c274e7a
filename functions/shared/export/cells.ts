/**
 * What one exported cell holds. Dates carry both the wall-clock time (for a spreadsheet's date
 * cell, which has no time zone) and the text a CSV shows, so both writers agree.
 */
export interface DateCell {
  /** The local wall-clock time written as if it were UTC: what Excel shows, with no time zone. */
  readonly date: Date;
  readonly text: string;
  /** Whether the cell shows a time of day besides the date. */
  readonly time: boolean;
}

export type Cell = string | number | DateCell | null;

export const isDateCell = (cell: Cell): cell is DateCell => typeof cell === 'object' && cell !== null;

/**
 * OWASP's CSV-injection rule: a spreadsheet treats a cell starting with `=`, `+`, `-` or `@` as a
 * formula, and tab or carriage return can smuggle one in after them. Such text gets a leading `'`,
 * which Excel and LibreOffice show as plain text. Both writers call this on every text cell.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A cell as CSV text: numbers and dates already formatted for the export's locale. */
export function cellText(cell: Cell, formatNumber: (value: number) => string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return neutralise(formatNumber(cell));
  if (typeof cell === 'string') return neutralise(cell);
  return neutralise(cell.text);
}

/** Cells travel as JSON between the API and the command line; dates come back as Date objects. */
export function reviveCell(value: unknown): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  const { date, text, time } = value as { date: string; text: string; time: boolean };
  return { date: new Date(date), text: String(text), time: Boolean(time) };
}
