import { invitationRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import { assertOpen, courseInScope, coursePath, parseParams } from '#shared/course-admin-http.ts';
import type { Course, Participant } from '#shared/domain/course-model.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';

type Skip = { participantId: string; reason: string };

/** Why someone cannot be invited to this course now; undefined when they can. */
function skipReason(course: Course, participant: Participant | undefined): string | undefined {
  if (!participant) return 'not on a course path';
  if (participant.formSlug !== course.formSlug) return 'applied to another programme';
  if (participant.state !== 'awaiting-course') return `not waiting for a course (${participant.state})`;
  if (!participant.taskToken) return 'their workflow is not waiting right now; it checks again by itself';
  return undefined;
}

/**
 * Offers the course to approved volunteers without one: the named ones (offer by hand), else every
 * candidate of the programme. Their own executions take the seat (or the waiting list) and mail
 * the offer, so `offered` and `waiting` are what the free seats allow at this moment.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const deps = courseAdmin();
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { courseId } = parseParams(coursePath, event.pathParameters);
  const request = parseOrThrow(invitationRequest, body ?? {});
  const course = await courseInScope(deps.courses, scope, courseId);
  assertOpen(course);
  const participants = request.participantIds
    ? await Promise.all(
        [...new Set(request.participantIds)].map(async (id) => ({
          id,
          participant: await deps.courses.getParticipant(id),
        })),
      )
    : (await deps.courses.listAwaitingCourse(course.formSlug)).map((participant) => ({
        id: participant.participantId,
        participant,
      }));
  const skipped: Skip[] = [];
  let invited = 0;
  for (const { id, participant } of participants) {
    const reason = skipReason(course, participant);
    if (reason) skipped.push({ participantId: id, reason });
    else if (await deps.wake(id, { event: 'invited', courseId })) invited += 1;
    else
      skipped.push({
        participantId: id,
        reason: 'their workflow is not waiting right now; it checks again by itself',
      });
  }
  const free = course.waiting > 0 ? 0 : Math.max(0, course.capacity - course.taken);
  const offered = Math.min(invited, free);
  await deps.audit.record({
    at: deps.now().toISOString(),
    actor: deps.actor(caller),
    action: 'course.invite',
    target: { type: 'course', id: courseId },
    details: { invited, skipped: skipped.length, byHand: request.participantIds !== undefined },
  });
  return json(200, { offered, waiting: invited - offered, skipped });
});
