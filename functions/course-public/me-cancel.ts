import { ConflictError } from '#shared/domain/errors.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { assertFromOurPage, privateHeaders, rawToken, tokenHashOf } from './links.ts';
import { currentEnrolment, openPage, pageViewOf } from './page.ts';
import type { PublicDeps } from './ports.ts';

const givesBack = ['offered', 'enrolled', 'waiting'] as const;

/**
 * `POST /api/me/{token}/cancel`: the volunteer gives their seat (or waiting place) back. The seat goes
 * to the first person waiting in the same transaction; both workflows are woken.
 */
export const meCancel = (deps: PublicDeps) =>
  httpHandler(async ({ event }) => {
    assertFromOurPage(event, deps.publicBaseUrl);
    const participant = await openPage(deps, tokenHashOf(event));
    const current = await currentEnrolment(deps, participant);
    const status = current?.enrolment.status;
    if (!current || !givesBack.some((s) => s === status) || current.course.status !== 'open')
      throw new ConflictError('You have no seat to give back.');
    const { courseId } = current.course;
    const result = await deps.courses.release({
      courseId,
      participantId: participant.participantId,
      to: 'cancelled',
      now: deps.now(),
      onlyIf: current.enrolment.status,
    });
    if (!result.released)
      throw new ConflictError('Your place changed in the meantime; please reload the page.');
    await deps.wake(participant.participantId, { event: 'seat-cancelled', courseId });
    if (result.promoted) await deps.wake(result.promoted.participantId, { event: 'promoted', courseId });
    const fresh = (await deps.courses.getParticipant(participant.participantId)) ?? participant;
    return json(200, await pageViewOf(deps, fresh, rawToken(event)), privateHeaders);
  });
