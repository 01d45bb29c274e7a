import type { CourseDeps } from '#shared/course-deps.ts';
import { answerParticipant } from '#shared/course-events.ts';
import { mailParticipant } from './mailing.ts';
import { eventOf, type FlowState, type StepResult, step } from './state.ts';
import { addCourseEvent } from './timeline.ts';

/**
 * A declined offer, or one whose hold ran out, gives its seat back (to the first waiting, whose
 * execution is woken with `promoted`). Only an open offer is released: one accepted meanwhile is
 * confirmed instead, since "the seat is yours" is never taken back.
 */
export async function release(deps: CourseDeps, state: FlowState): Promise<StepResult> {
  const { participantId } = state;
  const courseId = state.courseId;
  if (!courseId) return step(participantId, 'offer');
  const declined = eventOf(state) === 'declined';
  const result = await deps.courses.release({
    courseId,
    participantId,
    to: declined ? 'declined' : 'expired',
    now: deps.now(),
    onlyIf: 'offered',
  });
  if (!result.released) {
    const enrolment = await deps.courses.getEnrolment(courseId, participantId);
    return enrolment?.status === 'enrolled'
      ? step(participantId, 'confirm', { courseId })
      : step(participantId, 'offer');
  }
  if (result.promoted)
    await answerParticipant(deps, result.promoted.participantId, { event: 'promoted', courseId });
  await addCourseEvent(deps, participantId, declined ? 'course-declined' : 'course-expired', { courseId });
  const course = await deps.courses.getCourse(courseId);
  const enrolment = await deps.courses.getEnrolment(courseId, participantId);
  if (!declined && course)
    await mailParticipant(deps, {
      participantId,
      course,
      kind: 'expired',
      round: `course-expired#${courseId}#${enrolment?.offeredAt ?? enrolment?.updatedAt ?? ''}`,
    });
  return step(participantId, 'offer');
}
