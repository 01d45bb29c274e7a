import { createEvents, type EventAttributes } from 'ics';
import type { Session } from '../domain/course-model.ts';
import { zonedInstant } from '../domain/course-time.ts';

export interface CourseCalendarInput {
  readonly courseId: string;
  readonly title: string;
  readonly description?: string;
  readonly place?: string;
  readonly onlineUrl?: string;
  readonly sessions: readonly Session[];
  /** IANA zone of the sessions' clock times. */
  readonly timeZone: string;
  readonly organiser: { readonly name: string; readonly email: string };
  /** The volunteer's own page: where the course can be seen and the seat given back. */
  readonly pageUrl: string;
  /** The course's revision: a calendar only replaces an event it has seen with a higher SEQUENCE. */
  readonly revision?: number;
  readonly cancelled?: boolean;
}

/** The UID stays the same across changes, so a moved session updates the event instead of adding one. */
export const sessionUid = (courseId: string, sessionId: string): string => `${courseId}-${sessionId}@lotse`;

/**
 * A course as an iCalendar file: one VEVENT per session, times in UTC. A cancelled session keeps its
 * event with STATUS:CANCELLED (so calendars remove it); a cancelled course is sent as METHOD:CANCEL.
 */
export function courseCalendar(input: CourseCalendarInput): string {
  const events = input.sessions.map((session) => sessionEvent(input, session));
  const { error, value } = createEvents(events, {
    productId: '-//Lotse//Courses//EN',
    method: input.cancelled ? 'CANCEL' : 'PUBLISH',
    calName: input.title,
  });
  if (error || !value) throw new Error('The course calendar could not be written', { cause: error });
  return value;
}

function sessionEvent(input: CourseCalendarInput, session: Session): EventAttributes {
  const cancelled = input.cancelled === true || session.cancelled === true;
  const description = [input.description, input.onlineUrl, input.pageUrl].filter(Boolean).join('\n\n');
  const location = input.place ?? input.onlineUrl;
  return {
    uid: sessionUid(input.courseId, session.sessionId),
    sequence: input.revision ?? 0,
    title: input.title,
    description,
    ...(location ? { location } : {}),
    url: input.pageUrl,
    start: zonedInstant(session.date, session.start, input.timeZone).getTime(),
    end: zonedInstant(session.date, session.end, input.timeZone).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: cancelled ? 'FREE' : 'BUSY',
    organizer: { name: input.organiser.name, email: input.organiser.email },
  };
}

/** The bytes and headers of the calendar as a mail attachment. */
export const calendarAttachment = (ics: string, cancelled = false) => ({
  filename: 'course.ics',
  contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
  content: new TextEncoder().encode(ics),
});
