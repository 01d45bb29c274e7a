import { cancelSessionRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import {
  assertOpen,
  assertRealDates,
  courseInScope,
  parseParams,
  sessionOf,
  sessionPath,
} from '#shared/course-admin-http.ts';
import type { Course } from '#shared/domain/course-model.ts';
import { toCourseView } from '#shared/domain/courses.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { certifyWhenComplete } from './certification.ts';
import { changeCourse } from './course-update.ts';
import { wakeEveryone } from './wake.ts';

type Request = ReturnType<typeof cancelSessionRequest.parse>;

/** The course with the session dropped, or moved to its new date (keeping its id, so calendars update). */
function cancelled(course: Course, sessionId: string, request: Request, at: string): Course {
  const session = sessionOf(course, sessionId);
  if (session.cancelled) throw new ConflictError('This session is cancelled already.');
  if (session.attendanceCompletedAt)
    throw new ConflictError('This session took place: its attendance is recorded.');
  const replacement = request.moveTo
    ? { sessionId, date: request.moveTo.date, start: request.moveTo.start, end: request.moveTo.end }
    : { ...session, cancelled: true, ...(request.reason ? { cancelReason: request.reason } : {}) };
  return {
    ...course,
    sessions: course.sessions
      .map((candidate) => (candidate.sessionId === sessionId ? replacement : candidate))
      .sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`)),
    updatedAt: at,
  };
}

/** Cancels a session or moves it to a new date; everyone with a seat or waiting is told. */
export const handler = httpHandler(async ({ event, body }) => {
  const deps = courseAdmin();
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { courseId, sessionId } = parseParams(sessionPath, event.pathParameters);
  const request = parseOrThrow(cancelSessionRequest, body ?? {});
  assertRealDates({ 'moveTo.date': request.moveTo?.date });
  assertOpen(await courseInScope(deps.courses, scope, courseId));
  const at = deps.now().toISOString();
  const { before, after } = await changeCourse(deps, courseId, (course) =>
    cancelled(course, sessionId, request, at),
  );
  const old = sessionOf(before, sessionId);
  await deps.audit.record({
    at,
    actor: deps.actor(caller),
    action: request.moveTo ? 'course.session.move' : 'course.session.cancel',
    target: { type: 'course', id: courseId },
    before: { date: old.date, start: old.start, end: old.end },
    after: request.moveTo
      ? { date: request.moveTo.date, start: request.moveTo.start, end: request.moveTo.end }
      : { cancelled: true },
    details: { sessionId, ...(request.reason ? { reason: request.reason } : {}) },
  });
  const informed = await wakeEveryone(deps, courseId, { event: 'session-changed', courseId, sessionId });
  await certifyWhenComplete(deps, courseId);
  return json(200, { course: toCourseView(after), informed });
});
