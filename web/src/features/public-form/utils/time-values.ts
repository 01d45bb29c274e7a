/**
 * Between the browser's time inputs (local wall-clock time, no zone) and JSON Schema's `time` and
 * `date-time` formats, which the server checks in ajv-formats' full mode: both need a time zone.
 */

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** `+01:00` for the offset this device has at `at` (daylight saving decides it). */
export function zoneOffset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `14:30` from `<input type=time>` → `14:30:00+01:00`; empty → undefined. */
export function timeFromInput(value: string, now = new Date()): string | undefined {
  if (value === '') return undefined;
  const withSeconds = value.split(':').length === 2 ? `${value}:00` : value;
  return `${withSeconds}${zoneOffset(now)}`;
}

/** `14:30:00+01:00` → `14:30` for the input (the wall-clock time as it was entered). */
export const timeForInput = (data: unknown): string =>
  typeof data === 'string' ? (/^\d\d:\d\d/.exec(data)?.[0] ?? '') : '';

/** `2026-12-01T14:30` (local) → the same moment as `2026-12-01T13:30:00.000Z`. */
export function dateTimeFromInput(value: string): string | undefined {
  if (value === '') return undefined;
  const moment = new Date(value);
  return Number.isNaN(moment.getTime()) ? value : moment.toISOString();
}

/** An ISO date-time → `2026-12-01T14:30` in this device's time, for `<input type=datetime-local>`. */
export function dateTimeForInput(data: unknown): string {
  if (typeof data !== 'string') return '';
  const moment = new Date(data);
  if (Number.isNaN(moment.getTime())) return '';
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}
