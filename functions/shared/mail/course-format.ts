import { type Session, sessionHours } from '../domain/course-model.ts';
import type { ShippedLocale } from '../i18n/locales.ts';

/**
 * Dates, times and hours in the volunteer's language. Always the Gregorian calendar: the course's
 * dates are the ones staff and the calendar file use (fa would otherwise get the Solar Hijri one).
 */
const intlLocale = (locale: ShippedLocale) => `${locale}-u-ca-gregory`;

/** A session's day, e.g. "Do., 14. Jan. 2027"; the date is read as a calendar day, not an instant. */
export function formatDay(date: string, locale: ShippedLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** A clock time (HH:MM) in the language's digits and style. */
export function formatClock(time: string, locale: ShippedLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(`2000-01-01T${time}:00Z`));
}

export function formatHours(hours: number, locale: ShippedLocale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 2,
  }).format(hours);
}

/** An instant (e.g. when a hold ends) as the course's local date and time, with the zone named. */
export function formatInstant(instant: Date | string, locale: ShippedLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'full',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone,
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

export const formatTimes = (session: Pick<Session, 'start' | 'end'>, locale: ShippedLocale): string =>
  `${formatClock(session.start, locale)}–${formatClock(session.end, locale)}`;

/** "Do., 14. Jan. 2027, 18:00–21:00": one session in one line of text. */
export const formatSession = (session: Session, locale: ShippedLocale): string =>
  `${formatDay(session.date, locale)}, ${formatTimes(session, locale)}`;

/** A session as a fact row: the day as label, times and hours (or that it is cancelled) as value. */
export function sessionFact(
  session: Session,
  locale: ShippedLocale,
  cancelledMark: string,
): [string, string] {
  const times = formatTimes(session, locale);
  const value = session.cancelled
    ? `${times} (${cancelledMark})`
    : `${times} · ${formatHours(sessionHours(session), locale)}`;
  return [formatDay(session.date, locale), value];
}

/** A count in the language's digits (Persian digits in fa, as the dates there). */
export const formatCount = (value: number, locale: ShippedLocale): string =>
  new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(value);
