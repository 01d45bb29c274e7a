import { courseAdmin } from '#shared/course-admin-deps.ts';
import { courseInScope, parseParams, sessionOf, sessionPath } from '#shared/course-admin-http.ts';
import { toCourseView } from '#shared/domain/courses.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { certifyWhenComplete } from './certification.ts';
import { changeCourse } from './course-update.ts';

/**
 * Marks a session's attendance as recorded. When that was the last session taking place, the
 * course's certification starts. Repeating it changes nothing (the first completion time stays).
 */
export const handler = httpHandler(async ({ event }) => {
  const deps = courseAdmin();
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { courseId, sessionId } = parseParams(sessionPath, event.pathParameters);
  const current = await courseInScope(deps.courses, scope, courseId);
  if (sessionOf(current, sessionId).cancelled) throw new ConflictError('This session is cancelled.');
  if (current.status === 'cancelled') throw new ConflictError('The course is cancelled.');
  const at = deps.now().toISOString();
  const { after, changed } = await changeCourse(deps, courseId, (course) =>
    sessionOf(course, sessionId).attendanceCompletedAt
      ? undefined
      : {
          ...course,
          sessions: course.sessions.map((session) =>
            session.sessionId === sessionId ? { ...session, attendanceCompletedAt: at } : session,
          ),
          updatedAt: at,
        },
  );
  if (changed)
    await deps.audit.record({
      at,
      actor: deps.actor(caller),
      action: 'course.session.complete',
      target: { type: 'course', id: courseId },
      details: { sessionId },
    });
  const certification = await certifyWhenComplete(deps, courseId);
  const course = certification ? await deps.courses.getCourse(courseId) : after;
  return json(200, { course: toCourseView(course ?? after), ...(certification ? { certification } : {}) });
});
