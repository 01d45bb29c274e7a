import type { CourseDeps } from '#shared/course-deps.ts';
import { firstSessionStart } from '#shared/domain/courses.ts';
import { mailParticipant } from './mailing.ts';
import { reminderRound } from './plan.ts';
import { type FlowState, type StepResult, step } from './state.ts';

/** The reminder Plan found due, sent once (its round names the kind and the first session's time). */
export async function remind(deps: CourseDeps, state: FlowState): Promise<StepResult> {
  const { participantId, courseId, reminder } = state;
  if (!courseId || !reminder) return step(participantId, 'plan', courseId ? { courseId } : {});
  const course = await deps.courses.getCourse(courseId);
  if (course)
    await mailParticipant(deps, {
      participantId,
      course,
      kind: reminder === 'soon' ? 'reminder-soon' : 'reminder-tomorrow',
      round: reminderRound(reminder, course, firstSessionStart(course)),
      withCalendar: true,
    });
  return step(participantId, 'plan', { courseId });
}
