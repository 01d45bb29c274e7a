import { describe, expect, it } from 'vitest';
import { courseCalendar, sessionUid } from '../../functions/shared/calendar/ics.ts';
import { zonedInstant as zonedToUtc } from '../../functions/shared/domain/course-time.ts';

const winterSession = { sessionId: 's1', date: '2027-01-14', start: '18:00', end: '21:00' };
const summerSession = { sessionId: 's2', date: '2027-07-01', start: '09:30', end: '12:45' };
const base = {
  courseId: 'c-42',
  title: 'Vorbereitungskurs Integrationslotsen',
  sessions: [winterSession, summerSession],
  timeZone: 'Europe/Berlin',
  organiser: { name: 'Lotsen e.V.', email: 'kurse@example.org' },
  pageUrl: 'https://lotse.example.org/me/abcdef',
};

/** Unfolds RFC 5545 line folding so a test can look at whole properties. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const events = (ics: string) => unfold(ics).split('BEGIN:VEVENT').slice(1);

describe('courseCalendar', () => {
  it('writes one event per session, in UTC: winter is UTC+1, summer UTC+2 in Berlin', () => {
    const [winter, summer] = events(courseCalendar(base));
    expect(winter).toContain('DTSTART:20270114T170000Z');
    expect(winter).toContain('DTEND:20270114T200000Z');
    expect(summer).toContain('DTSTART:20270701T073000Z');
    expect(summer).toContain('DTEND:20270701T104500Z');
  });

  it('gives each session a stable UID and the revision as SEQUENCE', () => {
    const ics = unfold(courseCalendar({ ...base, revision: 4 }));
    expect(ics).toContain('UID:c-42-s1@lotse');
    expect(ics).toContain('UID:c-42-s2@lotse');
    expect(ics.match(/SEQUENCE:4/g)).toHaveLength(2);
    expect(sessionUid('c-42', 's1')).toBe('c-42-s1@lotse');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('ORGANIZER;CN="Lotsen e.V.":MAILTO:kurse@example.org');
  });

  it('marks a cancelled session CANCELLED and leaves the others confirmed', () => {
    const ics = courseCalendar({
      ...base,
      sessions: [{ ...winterSession, cancelled: true }, summerSession],
    });
    const [first, second] = events(ics);
    expect(first).toContain('STATUS:CANCELLED');
    expect(second).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('METHOD:PUBLISH');
  });

  it('sends a cancelled course as METHOD:CANCEL with every event cancelled', () => {
    const ics = courseCalendar({ ...base, cancelled: true });
    expect(ics).toContain('METHOD:CANCEL');
    expect(events(ics).every((e) => e.includes('STATUS:CANCELLED'))).toBe(true);
  });

  it('escapes commas, semicolons and line breaks in text', () => {
    const ics = unfold(
      courseCalendar({
        ...base,
        title: 'Kurs, Teil 1; Grundlagen',
        description: 'Erste Zeile\nZweite, mit Komma',
        place: 'Rathaus, Raum 2',
      }),
    );
    expect(ics).toContain('SUMMARY:Kurs\\, Teil 1\\; Grundlagen');
    expect(ics).toContain('DESCRIPTION:Erste Zeile\\nZweite\\, mit Komma');
    expect(ics).toContain('LOCATION:Rathaus\\, Raum 2');
    expect(ics).not.toMatch(/\r\nZweite/);
  });

  it('uses the online link as location when there is no place', () => {
    const ics = unfold(courseCalendar({ ...base, onlineUrl: 'https://meet.example.org/kurs' }));
    expect(ics).toContain('LOCATION:https://meet.example.org/kurs');
    expect(ics).toContain('URL:https://lotse.example.org/me/abcdef');
  });
});

describe('zonedToUtc', () => {
  it('handles the nights the clocks move in Berlin', () => {
    // 2027-03-28: 02:00 → 03:00; 2027-10-31: 03:00 → 02:00.
    expect(zonedToUtc('2027-03-28', '01:30', 'Europe/Berlin').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(zonedToUtc('2027-03-28', '03:30', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedToUtc('2027-10-31', '04:00', 'Europe/Berlin').toISOString()).toBe('2027-10-31T03:00:00.000Z');
  });

  it('works for zones west of UTC and without daylight saving', () => {
    expect(zonedToUtc('2027-01-14', '18:00', 'America/New_York').toISOString()).toBe(
      '2027-01-14T23:00:00.000Z',
    );
    expect(zonedToUtc('2027-07-01', '10:00', 'Asia/Tehran').toISOString()).toBe('2027-07-01T06:30:00.000Z');
  });
});
