import { attendanceRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import { attendancePath, courseInScope, parseParams, sessionOf } from '#shared/course-admin-http.ts';
import { ConflictError, NotFoundError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';

const ATTENDING = new Set(['enrolled', 'certified', 'not-certified']);

/**
 * One tap on the attendance page. Idempotent, so a tap queued offline may arrive twice. The first
 * mark is just recorded; changing a mark goes to the audit log with before and after.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const deps = courseAdmin();
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { courseId, sessionId, participantId } = parseParams(attendancePath, event.pathParameters);
  const { present } = parseOrThrow(attendanceRequest, body);
  const course = await courseInScope(deps.courses, scope, courseId);
  if (sessionOf(course, sessionId).cancelled) throw new ConflictError('This session is cancelled.');
  const enrolment = await deps.courses.getEnrolment(courseId, participantId);
  if (!enrolment) throw new NotFoundError('This person is not in the course.');
  if (!ATTENDING.has(enrolment.status))
    throw new ConflictError(`This person is not enrolled (${enrolment.status}).`);
  const now = deps.now();
  const { before } = await deps.courses.markAttendance({ courseId, participantId, sessionId, present, now });
  if (before !== undefined && before !== present)
    await deps.audit.record({
      at: now.toISOString(),
      actor: deps.actor(caller),
      action: 'course.attendance.change',
      target: { type: 'course', id: courseId },
      before: { present: before },
      after: { present },
      details: { sessionId, participantId },
    });
  return json(200, {
    courseId,
    sessionId,
    participantId,
    present,
    changed: before !== undefined && before !== present,
  });
});
