import type { Course, Session } from './course-model.ts';

/**
 * Session times are clock times in the course's IANA time zone. Converting them needs the zone's
 * offset at that moment (summer time), which Intl knows; no time-zone library is needed.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading in `timeZone` at `instant`, as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/**
 * The instant a date and clock time in a time zone denote. A time skipped by the switch to summer
 * time comes out one hour later (as a clock that is put forward shows it); a repeated one is its
 * first occurrence.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  const offset = (instant: number) => wallClock(instant, timeZone) - instant;
  // The zone's offsets half a day before and after; between them lies at most one switch.
  const candidates = [asUtc - offset(asUtc - 43_200_000), asUtc - offset(asUtc + 43_200_000)];
  const exact = candidates.filter((instant) => wallClock(instant, timeZone) === asUtc);
  return new Date(exact.length > 0 ? Math.min(...exact) : (candidates[0] ?? asUtc));
}

/** Today's date (YYYY-MM-DD) where the course takes place. */
export const localDate = (now: Date, timeZone: string): string =>
  new Date(wallClock(now.getTime(), timeZone)).toISOString().slice(0, 10);

/** The date one day before a YYYY-MM-DD date. */
export const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const chronological = (a: Session, b: Session) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`);

/** The first session that takes place (the first at all when every one is cancelled). */
export function firstSession(course: Pick<Course, 'sessions'>): Session | undefined {
  const sessions = [...course.sessions].sort(chronological);
  return sessions.find((session) => !session.cancelled) ?? sessions[0];
}

export const sortSessions = <T extends Session>(sessions: readonly T[]): T[] =>
  [...sessions].sort(chronological);
