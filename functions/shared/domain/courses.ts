import { randomUUID } from 'node:crypto';
import type { CourseInput, CourseView, EnrolmentView } from '../contracts/courses.ts';
import type { Course, Enrolment, Participant, Session } from './course-model.ts';
import { courseHours, sessionHours } from './course-model.ts';
import { dayBefore, firstSession, localDate, sortSessions, zonedInstant } from './course-time.ts';
import { ConflictError, type FieldIssue, ValidationError } from './errors.ts';

/** The course rules (docs/courses.md): creating and editing, what the console shows, which course to offer. */

export { firstSession, localDate, zonedInstant } from './course-time.ts';

export function newCourse(input: CourseInput, now: Date, actor: string): Course {
  const at = now.toISOString();
  const { sessions, ...fields } = input;
  return withoutUndefined({
    ...fields,
    courseId: randomUUID(),
    sessions: sortSessions(
      sessions.map(({ date, start, end }) => ({ sessionId: randomUUID(), date, start, end })),
    ),
    status: 'open',
    revision: 0,
    taken: 0,
    enrolled: 0,
    waiting: 0,
    certification: 'not-started',
    createdAt: at,
    updatedAt: at,
    createdBy: actor,
  });
}

/**
 * An edit from `expectedRevision`. Sessions named by id keep their id (and what happened to them);
 * sessions left out are removed, unless their attendance is recorded (`attendanceCompletedAt`, or
 * named in `attendanceRecorded` by whoever read the enrolments).
 */
export function editCourse(
  course: Course,
  input: CourseInput,
  expectedRevision: number,
  now: Date,
  attendanceRecorded: ReadonlySet<string> = new Set(),
): Course {
  if (course.revision !== expectedRevision)
    throw new ConflictError('The course was changed by someone else meanwhile; reload it.');
  const issues: FieldIssue[] = [];
  if (input.capacity < course.taken)
    issues.push({ field: 'capacity', message: `must be at least ${course.taken}, the seats already taken` });
  if (input.formSlug !== course.formSlug && (course.taken > 0 || course.waiting > 0))
    issues.push({ field: 'formSlug', message: 'cannot change while people hold seats or wait' });
  const existing = new Map(course.sessions.map((session) => [session.sessionId, session]));
  const sessions = input.sessions.map((session, index): Session => {
    const before = session.sessionId ? existing.get(session.sessionId) : undefined;
    if (session.sessionId && !before)
      issues.push({ field: `sessions.${index}.sessionId`, message: 'is not a session of this course' });
    const { date, start, end } = session;
    return { ...before, sessionId: before?.sessionId ?? randomUUID(), date, start, end };
  });
  const kept = new Set(sessions.map((session) => session.sessionId));
  course.sessions.forEach((session, index) => {
    const recorded = session.attendanceCompletedAt || attendanceRecorded.has(session.sessionId);
    if (!kept.has(session.sessionId) && recorded)
      issues.push({ field: `sessions.${index}`, message: 'has attendance recorded and cannot be removed' });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const { sessions: _sessions, ...fields } = input;
  const { description: _d, place: _p, onlineUrl: _o, registrationDeadline: _r, ...unchanged } = course;
  return withoutUndefined({
    ...unchanged,
    ...fields,
    sessions: sortSessions(sessions),
    revision: course.revision + 1,
    updatedAt: now.toISOString(),
  });
}

export function toCourseView(course: Course): CourseView {
  return withoutUndefined({
    formSlug: course.formSlug,
    title: course.title,
    description: course.description,
    teachingLanguage: course.teachingLanguage,
    place: course.place,
    onlineUrl: course.onlineUrl,
    capacity: course.capacity,
    passPercent: course.passPercent,
    registrationDeadline: course.registrationDeadline,
    coordinator: course.coordinator,
    holdHours: course.holdHours,
    timeZone: course.timeZone,
    courseId: course.courseId,
    status: course.status,
    revision: course.revision,
    sessions: course.sessions.map((session) =>
      withoutUndefined({
        sessionId: session.sessionId,
        date: session.date,
        start: session.start,
        end: session.end,
        hours: sessionHours(session),
        cancelled: session.cancelled === true,
        cancelReason: session.cancelReason,
        attendanceCompletedAt: session.attendanceCompletedAt,
      }),
    ),
    seats: {
      capacity: course.capacity,
      taken: course.taken,
      held: course.taken - course.enrolled,
      enrolled: course.enrolled,
      free: Math.max(0, course.capacity - course.taken),
      waiting: course.waiting,
    },
    hours: courseHours(course),
    certification: course.certification,
    createdAt: course.createdAt,
    updatedAt: course.updatedAt,
  });
}

/** The last day offers go out: the deadline set, else the day before the first session. */
export function registrationDeadline(course: Pick<Course, 'sessions' | 'registrationDeadline'>): string {
  const first = firstSession(course);
  return course.registrationDeadline ?? (first ? dayBefore(first.date) : '0000-01-01');
}

/** Offers go out while the course is open, up to and including its deadline (in the course's zone). */
export const registrationOpen = (course: Course, now: Date): boolean =>
  course.status === 'open' && localDate(now, course.timeZone) <= registrationDeadline(course);

/** When the first session that takes place begins. */
export function firstSessionStart(course: Pick<Course, 'sessions' | 'timeZone'>): Date {
  const first = firstSession(course);
  if (!first) return new Date(Number.NaN);
  return zonedInstant(first.date, first.start, course.timeZone);
}

export interface AttendanceSummary {
  readonly attendedHours: number;
  /** Of the sessions not cancelled, rounded to one decimal. */
  readonly attendancePercent: number;
  readonly meets: boolean;
}

export function attendanceSummary(
  course: Pick<Course, 'sessions' | 'passPercent'>,
  enrolment: Pick<Enrolment, 'attendance'>,
): AttendanceSummary {
  const held = course.sessions.filter((session) => !session.cancelled);
  const attended = held.filter((session) => enrolment.attendance[session.sessionId] === true);
  const share = held.length > 0 ? (attended.length / held.length) * 100 : 0;
  return {
    attendedHours: attended.reduce((sum, session) => sum + sessionHours(session), 0),
    attendancePercent: Math.round(share * 10) / 10,
    meets: held.length > 0 && share >= course.passPercent,
  };
}

/** Someone who declined, let an offer expire, gave a seat back or failed a course is not offered it again. */
const NOT_AGAIN = new Set(['declined', 'expired', 'cancelled', 'not-certified', 'certified']);

const hasFreeSeat = (course: Course) => course.taken < course.capacity && course.waiting === 0;
const baseLanguage = (locale: string) => locale.toLowerCase().split('-')[0];

/**
 * The next suitable course (docs/courses.md, "Offer"): same programme, open, first session after
 * today, deadline not passed, not one they left; in their language if such a course exists, else
 * any; the soonest with a free seat, else the waiting list of the soonest.
 */
export function pickCourse(input: {
  courses: readonly Course[];
  history: readonly Enrolment[];
  participant: Pick<Participant, 'formSlug' | 'locale'>;
  now: Date;
}): { courseId: string; mode: 'offer' | 'waiting' } | undefined {
  const { participant, now } = input;
  const left = new Set(input.history.filter((e) => NOT_AGAIN.has(e.status)).map((e) => e.courseId));
  const suitable = input.courses
    .filter(
      (course) =>
        course.formSlug === participant.formSlug &&
        registrationOpen(course, now) &&
        !left.has(course.courseId) &&
        firstSessionAfterToday(course, now),
    )
    .sort((a, b) => firstSessionStart(a).getTime() - firstSessionStart(b).getTime());
  const ownLanguage = suitable.filter(
    (course) => baseLanguage(course.teachingLanguage) === baseLanguage(participant.locale),
  );
  const pool = ownLanguage.length > 0 ? ownLanguage : suitable;
  const free = pool.find(hasFreeSeat);
  if (free) return { courseId: free.courseId, mode: 'offer' };
  const soonest = pool[0];
  return soonest ? { courseId: soonest.courseId, mode: 'waiting' } : undefined;
}

function firstSessionAfterToday(course: Course, now: Date): boolean {
  const first = firstSession(course);
  return first !== undefined && first.date > localDate(now, course.timeZone);
}

/** 1-based places on a course's waiting list, by rank. */
export function waitingPositions(enrolments: readonly Enrolment[]): Map<string, number> {
  const waiting = enrolments
    .filter((e) => e.status === 'waiting')
    .sort((a, b) => (a.waitingRank ?? 0) - (b.waitingRank ?? 0));
  return new Map(waiting.map((e, index) => [e.participantId, index + 1]));
}

export function toEnrolmentView(
  course: Course,
  enrolment: Enrolment,
  person: { name: string; email?: string; locale: string; source: 'form' | 'manual' },
  /** The course's enrolments, for the place on the waiting list. */
  others: readonly Enrolment[] = [enrolment],
): EnrolmentView {
  const summary = attendanceSummary(course, enrolment);
  return withoutUndefined({
    participantId: enrolment.participantId,
    name: person.name,
    email: person.email,
    locale: person.locale,
    source: person.source,
    status: enrolment.status,
    offerExpiresAt: enrolment.status === 'offered' ? enrolment.offerExpiresAt : undefined,
    waitingPosition:
      enrolment.status === 'waiting'
        ? waitingPositions(including(others, enrolment)).get(enrolment.participantId)
        : undefined,
    attendance: { ...enrolment.attendance },
    attendedHours: summary.attendedHours,
    attendancePercent: summary.attendancePercent,
    certificateNumber: enrolment.certificateNumber,
    updatedAt: enrolment.updatedAt,
  });
}

const including = (enrolments: readonly Enrolment[], enrolment: Enrolment) => [
  ...enrolments.filter((other) => other.participantId !== enrolment.participantId),
  enrolment,
];

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
