import { courseAdminReader } from '#shared/course-admin-deps.ts';
import { formQuery, parseParams } from '#shared/course-admin-http.ts';
import { assertFormInScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

/** Approved volunteers of a programme still without a course: whom a bulk invitation would reach. */
export const handler = httpHandler(async ({ event }) => {
  const deps = courseAdminReader();
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { form } = parseParams(formQuery, event.queryStringParameters);
  assertFormInScope(scope, form);
  const participants = await deps.courses.listAwaitingCourse(form);
  const candidates = await Promise.all(
    participants.map(async (participant) => {
      const person = await deps.personOf(participant, participant.participantId);
      return {
        participantId: participant.participantId,
        name: person.name,
        locale: participant.locale,
        ...(participant.approvedAt ? { approvedAt: participant.approvedAt } : {}),
        status: 'awaiting-course' as const,
      };
    }),
  );
  return json(200, { candidates });
});
