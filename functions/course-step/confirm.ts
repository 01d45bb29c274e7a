import type { CourseDeps } from '#shared/course-deps.ts';
import { mailParticipant } from './mailing.ts';
import { where } from './offer.ts';
import { type FlowState, type StepResult, step } from './state.ts';
import { addCourseEvent } from './timeline.ts';

/**
 * The seat is theirs: confirmation mail with the calendar, the timeline, then planning reminders.
 * An accept that did not enrol (the store said no) goes back to where the enrolment really is.
 */
export async function confirm(deps: CourseDeps, state: FlowState): Promise<StepResult> {
  const { participantId } = state;
  const courseId = state.courseId;
  if (!courseId) return step(participantId, 'offer');
  const [enrolment, course] = await Promise.all([
    deps.courses.getEnrolment(courseId, participantId),
    deps.courses.getCourse(courseId),
  ]);
  if (!course || enrolment?.status !== 'enrolled')
    return (await where(deps, participantId, courseId, enrolment)) ?? step(participantId, 'offer');
  const participant = await deps.courses.getParticipant(participantId);
  // A retried step finds the participant enrolled here already and records nothing twice.
  if (participant?.state !== 'enrolled' || participant.currentCourseId !== courseId) {
    await addCourseEvent(deps, participantId, 'course-enrolled', { courseId });
    await deps.courses.updateParticipant(participantId, { state: 'enrolled', currentCourseId: courseId });
  }
  const round = `course-enrolled#${courseId}#${enrolment.enrolledAt ?? enrolment.updatedAt}`;
  await mailParticipant(deps, { participantId, course, kind: 'confirmation', round, withCalendar: true });
  return step(participantId, 'plan', { courseId });
}
