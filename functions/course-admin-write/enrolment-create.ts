import { randomBytes } from 'node:crypto';
import { manualEnrolmentRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import { assertOpen, courseInScope, coursePath, parseParams } from '#shared/course-admin-http.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { enrolmentViews } from '../course-admin-read/enrolment-views.ts';

/**
 * Enrols someone who came without the form (a phone call): a seat at once if one is free, else
 * 409 "course full" or, if asked, the waiting list. Their volunteer-course execution (named by
 * the new participant id) then mails them and reminds them like everybody else.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const deps = courseAdmin();
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { courseId } = parseParams(coursePath, event.pathParameters);
  const request = parseOrThrow(manualEnrolmentRequest, body);
  const course = await courseInScope(deps.courses, scope, courseId);
  assertOpen(course);
  const now = deps.now();
  const participantId = deps.newParticipantId();
  let result = await deps.courses.enrolDirectly({ courseId, participantId, now });
  if (result.kind === 'refused' && result.reason === 'full' && request.waitingListIfFull)
    result = await deps.courses.hold({
      courseId,
      participantId,
      now,
      holdHours: course.holdHours,
      waitingListIfFull: true,
    });
  if (result.kind === 'refused')
    throw new ConflictError(
      result.reason === 'full' ? 'The course is full.' : `The course is ${result.reason}.`,
    );
  await deps.courses.putParticipant({
    participantId,
    formSlug: course.formSlug,
    source: 'manual',
    locale: request.locale,
    firstName: request.firstName,
    lastName: request.lastName,
    email: request.email,
    currentCourseId: courseId,
    state: result.kind,
    pageToken: randomBytes(32).toString('base64url'),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await deps.startExecution('volunteer-course', participantId, { participantId, courseId });
  await deps.audit.record({
    at: now.toISOString(),
    actor: deps.actor(caller),
    action: 'course.enrol',
    target: { type: 'course', id: courseId },
    details: { participantId, result: result.kind },
  });
  const views = await enrolmentViews(deps, course, true);
  const view = views.find((candidate) => candidate.participantId === participantId);
  return json(201, view ?? { participantId, status: result.kind });
});
