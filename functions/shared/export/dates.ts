import type { DateCell } from './cells.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/** German readers expect `31.12.2026`; everyone else gets ISO order, which no one misreads. */
function dateText(wall: Date, locale: string): string {
  const [y, m, d] = [wall.getUTCFullYear(), pad(wall.getUTCMonth() + 1), pad(wall.getUTCDate())];
  return locale === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

/** An instant as the wall-clock time in `timeZone` (Excel's dates have no time zone). */
export function dateTimeCell(iso: string, timeZone: string, locale: string): DateCell | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = new Date(
    Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute, parts.second),
  );
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
  return { date: wall, text: `${dateText(wall, locale)} ${time}`, time: true };
}

/** A calendar date answer (`2026-12-31`), which has no time zone to convert. */
export function dateCell(value: string, locale: string): DateCell | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const wall = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(wall.getTime())) return null;
  return { date: wall, text: dateText(wall, locale), time: false };
}
