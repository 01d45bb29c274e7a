import { randomUUID } from 'node:crypto';
import type { CourseInput, CourseView, EnrolmentView } from '#shared/contracts/courses.ts';
import { type Course, courseHours, type Enrolment, sessionHours } from '#shared/domain/course-model.ts';
import { ValidationError } from '#shared/domain/errors.ts';

/*
 * Stand-in for c-seats' course rules (functions/shared/domain/courses.ts, same names and shapes),
 * until that branch has them; the imports switch over when it lands.
 */

const withSessionIds = (input: CourseInput, before: Course['sessions'] = []): Course['sessions'] =>
  input.sessions.map((session) => {
    const kept = session.sessionId ? before.find((old) => old.sessionId === session.sessionId) : undefined;
    return {
      ...kept,
      sessionId: kept?.sessionId ?? randomUUID().slice(0, 8),
      date: session.date,
      start: session.start,
      end: session.end,
    };
  });

export function newCourse(input: CourseInput, now: Date, actor: string): Course {
  const at = now.toISOString();
  return {
    ...input,
    courseId: randomUUID(),
    sessions: withSessionIds(input),
    status: 'open',
    revision: 0,
    taken: 0,
    enrolled: 0,
    waiting: 0,
    certification: 'not-started',
    createdAt: at,
    updatedAt: at,
    createdBy: actor,
  };
}

export function editCourse(course: Course, input: CourseInput, _expectedRevision: number, now: Date): Course {
  if (input.capacity < course.taken)
    throw new ValidationError([
      { field: 'capacity', message: `must be at least ${course.taken}, the seats already taken` },
    ]);
  const sessions = withSessionIds(input, course.sessions);
  const { title, description, place, onlineUrl, registrationDeadline, ...rest } = input;
  return {
    ...course,
    ...rest,
    title,
    description,
    place,
    onlineUrl,
    registrationDeadline,
    sessions,
    revision: course.revision + 1,
    updatedAt: now.toISOString(),
  } as Course;
}

export function toCourseView(course: Course): CourseView {
  const { taken, enrolled, waiting, createdBy: _by, ...rest } = course;
  return {
    ...rest,
    sessions: course.sessions.map((session) => ({
      ...session,
      hours: sessionHours(session),
      cancelled: session.cancelled ?? false,
    })),
    seats: {
      capacity: course.capacity,
      taken,
      held: taken - enrolled,
      enrolled,
      free: course.capacity - taken,
      waiting,
    },
    hours: courseHours(course),
  };
}

export function toEnrolmentView(
  course: Course,
  enrolment: Enrolment,
  person: { name: string; email?: string; locale: string; source: 'form' | 'manual' },
  waitingPosition?: number,
): EnrolmentView {
  const held = course.sessions.filter((session) => !session.cancelled);
  const attended = held.filter((session) => enrolment.attendance[session.sessionId] === true);
  const hours = held.reduce((sum, session) => sum + sessionHours(session), 0);
  const attendedHours = attended.reduce((sum, session) => sum + sessionHours(session), 0);
  return {
    participantId: enrolment.participantId,
    ...person,
    status: enrolment.status,
    ...(enrolment.offerExpiresAt ? { offerExpiresAt: enrolment.offerExpiresAt } : {}),
    ...(waitingPosition ? { waitingPosition } : {}),
    attendance: { ...enrolment.attendance },
    attendedHours,
    attendancePercent: hours > 0 ? Math.round((attendedHours / hours) * 100) : 0,
    ...(enrolment.certificateNumber ? { certificateNumber: enrolment.certificateNumber } : {}),
    updatedAt: enrolment.updatedAt,
  };
}
