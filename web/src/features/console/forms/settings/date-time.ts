/*
 * `<input type="datetime-local">` speaks local wall time without a zone; the definition stores an
 * instant with the admin's offset (`2027-03-01T09:00:00+01:00`), so it reads the same to people.
 */

const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');

/** The input's value for a stored instant, in this browser's time zone; '' for none or nonsense. */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The stored instant for an input's value, with the offset this browser has on that date. */
export function fromLocalInput(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const date = new Date(year as number, (month as number) - 1, day, hour, minute);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${value}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
