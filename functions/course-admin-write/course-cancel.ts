import { cancelCourseRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import {
  ACTIVE_STATUSES,
  assertOpen,
  courseInScope,
  coursePath,
  parseParams,
} from '#shared/course-admin-http.ts';
import { toCourseView } from '#shared/domain/courses.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { changeCourse } from './course-update.ts';
import { wakeEveryone } from './wake.ts';

/**
 * Cancels a course: its seats are given back and everyone offered, enrolled or waiting is told
 * (their executions offer them the next course). The waiting list goes first, so no freed seat
 * is handed to someone waiting for a course that no longer takes place.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const deps = courseAdmin();
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { courseId } = parseParams(coursePath, event.pathParameters);
  const { reason } = parseOrThrow(cancelCourseRequest, body ?? {});
  assertOpen(await courseInScope(deps.courses, scope, courseId));
  const now = deps.now();
  const { after } = await changeCourse(deps, courseId, (course) =>
    course.status === 'open' ? { ...course, status: 'cancelled', updatedAt: now.toISOString() } : undefined,
  );
  const affected = (await deps.courses.listEnrolments(courseId))
    .filter((enrolment) => ACTIVE_STATUSES.has(enrolment.status))
    .sort((a, b) => Number(b.status === 'waiting') - Number(a.status === 'waiting'));
  for (const enrolment of affected)
    await deps.courses.release({
      courseId,
      participantId: enrolment.participantId,
      to: 'cancelled',
      now,
      onlyIf: enrolment.status,
    });
  await deps.audit.record({
    at: now.toISOString(),
    actor: deps.actor(caller),
    action: 'course.cancel',
    target: { type: 'course', id: courseId },
    before: { status: 'open' },
    after: { status: 'cancelled' },
    details: { affected: affected.length, ...(reason ? { reason } : {}) },
  });
  const ids = affected.map((enrolment) => enrolment.participantId);
  const informed = await wakeEveryone(deps, courseId, { event: 'course-cancelled', courseId }, ids);
  return json(200, { course: toCourseView((await deps.courses.getCourse(courseId)) ?? after), informed });
});
