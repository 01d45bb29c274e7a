import type { CourseDeps } from '#shared/course-deps.ts';
import { registrationOpen } from '#shared/domain/courses.ts';
import { mailParticipant } from './mailing.ts';
import { where } from './offer.ts';
import { courseCancelled, plan } from './plan.ts';
import { noticeSeatCancelled } from './seat-notice.ts';
import { eventOf, type FlowState, SEAT_RECHECK_SECONDS, type StepResult, step } from './state.ts';
import { addCourseEvent } from './timeline.ts';

/**
 * What ended a wait (an event from outside, or the wait's timeout), acted on. `state.next` still
 * names the wait it came from. Changes to the course are mailed to everyone concerned; then the
 * records decide where the volunteer stands.
 */
export async function handleEvent(deps: CourseDeps, state: FlowState): Promise<StepResult> {
  const { participantId } = state;
  const event = eventOf(state);
  const courseId = state.event?.courseId ?? state.courseId;
  const from = state.next;
  // An invitation (bulk or by hand) names the course to offer; without one, look again.
  if (event === 'invited' && state.event?.courseId)
    return step(participantId, 'offer', { courseId: state.event.courseId });
  if (from === 'await-course') return step(participantId, 'offer');
  if (!courseId) return step(participantId, 'offer');
  const course = await deps.courses.getCourse(courseId);
  if (!course || course.status === 'cancelled')
    return course ? courseCancelled(deps, participantId, course) : step(participantId, 'offer');
  if (event === 'session-changed' && state.event?.sessionId) {
    const session = course.sessions.find((s) => s.sessionId === state.event?.sessionId);
    await mailParticipant(deps, {
      participantId,
      course,
      kind: session?.cancelled ? 'session-cancelled' : 'session-moved',
      round: `course-session#${courseId}#${state.event.sessionId}#${course.revision}`,
      withCalendar: true,
      extra: () => ({ sessionId: state.event?.sessionId ?? '' }),
    });
  }
  if (event === 'seat-cancelled') {
    await addCourseEvent(deps, participantId, 'course-seat-cancelled', { courseId });
    await mailParticipant(deps, {
      participantId,
      course,
      kind: 'seat-cancelled',
      round: `course-seat-cancelled#${courseId}`,
      withCalendar: true,
    });
    await noticeSeatCancelled(deps, participantId, course);
    await deps.courses.updateParticipant(participantId, { state: 'left', currentCourseId: undefined });
    return step(participantId, 'done');
  }
  if (from === 'await-event') return plan(deps, { participantId, courseId });
  const enrolment = await deps.courses.getEnrolment(courseId, participantId);
  if (enrolment?.status === 'offered' && from === 'await-seat') {
    await deps.courses.updateParticipant(participantId, { state: 'offered', currentCourseId: courseId });
    await addCourseEvent(deps, participantId, 'course-offered', { courseId, promoted: 'true' });
    const found = await where(deps, participantId, courseId, enrolment);
    return found ? { ...found, promoted: true } : step(participantId, 'offer');
  }
  if (enrolment?.status === 'waiting' && !registrationOpen(course, deps.now())) {
    await deps.courses.release({
      courseId,
      participantId,
      to: 'cancelled',
      now: deps.now(),
      onlyIf: 'waiting',
    });
    await addCourseEvent(deps, participantId, 'course-left-waiting-list', { courseId });
    return step(participantId, 'offer');
  }
  if (enrolment?.status === 'waiting')
    return step(participantId, 'await-seat', { courseId, seconds: SEAT_RECHECK_SECONDS });
  return (await where(deps, participantId, courseId, enrolment)) ?? step(participantId, 'offer');
}
