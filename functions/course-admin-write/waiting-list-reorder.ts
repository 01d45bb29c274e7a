import { waitingOrderRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import { assertOpen, courseInScope, coursePath, parseParams } from '#shared/course-admin-http.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { enrolmentViews } from '../course-admin-read/enrolment-views.ts';

const waitingOrder = (
  enrolments: readonly { status: string; waitingRank?: number; participantId: string }[],
) =>
  enrolments
    .filter((enrolment) => enrolment.status === 'waiting')
    .sort((a, b) => (a.waitingRank ?? 0) - (b.waitingRank ?? 0))
    .map((enrolment) => enrolment.participantId);

/** Puts the waiting list in a new order; it must name exactly who waits now (409 otherwise). */
export const handler = httpHandler(async ({ event, body }) => {
  const deps = courseAdmin();
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { courseId } = parseParams(coursePath, event.pathParameters);
  const { participantIds } = parseOrThrow(waitingOrderRequest, body);
  const course = await courseInScope(deps.courses, scope, courseId);
  assertOpen(course);
  const before = waitingOrder(await deps.courses.listEnrolments(courseId));
  await deps.courses.reorderWaiting(courseId, participantIds);
  await deps.audit.record({
    at: deps.now().toISOString(),
    actor: deps.actor(caller),
    action: 'course.waiting-list.reorder',
    target: { type: 'course', id: courseId },
    before,
    after: participantIds,
  });
  return json(200, { enrolments: await enrolmentViews(deps, course, true) });
});
