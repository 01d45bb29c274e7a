import type { CourseDeps } from '#shared/course-deps.ts';
import type { Course } from '#shared/domain/course-model.ts';
import { firstSessionStart } from '#shared/domain/courses.ts';
import { mailParticipant } from './mailing.ts';
import { DAY, type FlowState, LONGEST_WAIT_SECONDS, type StepResult, secondsUntil, step } from './state.ts';

/** How long before the first session each reminder goes out. */
export const reminderLead = { soon: 3 * DAY, tomorrow: DAY } as const;
export type ReminderKind = keyof typeof reminderLead;

/** Once each per first-session time: a moved first session gets its reminders again. */
export const reminderRound = (kind: ReminderKind, course: Course, first: Date): string =>
  `course-reminder-${kind}#${course.courseId}#${first.toISOString()}`;

/**
 * Enrolled: reads the records again and decides what comes next — a reminder that is due, a wait
 * until the next one (or for news of the course, at most 30 days), the next course after a
 * cancellation or a failed attempt, or the end after a certificate or a cancelled seat.
 */
export async function plan(deps: CourseDeps, state: FlowState): Promise<StepResult> {
  const { participantId, courseId } = state;
  if (!courseId) return step(participantId, 'offer');
  const [course, enrolment] = await Promise.all([
    deps.courses.getCourse(courseId),
    deps.courses.getEnrolment(courseId, participantId),
  ]);
  if (!course || !enrolment) return step(participantId, 'offer');
  if (enrolment.status === 'certified') {
    await deps.courses.updateParticipant(participantId, { state: 'certified' });
    return step(participantId, 'done');
  }
  if (enrolment.status === 'cancelled') return step(participantId, 'done');
  if (course.status === 'cancelled') return courseCancelled(deps, participantId, course);
  if (enrolment.status !== 'enrolled') return step(participantId, 'offer');
  return nextReminder(deps, participantId, course);
}

async function nextReminder(deps: CourseDeps, participantId: string, course: Course): Promise<StepResult> {
  const { courseId } = course;
  const now = deps.now();
  const first = firstSessionStart(course);
  const left = (first.getTime() - now.getTime()) / 1000;
  const due: ReminderKind | undefined =
    left <= 0
      ? undefined
      : left <= reminderLead.tomorrow
        ? 'tomorrow'
        : left <= reminderLead.soon
          ? 'soon'
          : undefined;
  if (due && !(await reminded(deps, participantId, reminderRound(due, course, first))))
    return step(participantId, 'remind', { courseId, reminder: due });
  const nextAt =
    left > reminderLead.soon
      ? first.getTime() - reminderLead.soon * 1000
      : left > reminderLead.tomorrow
        ? first.getTime() - reminderLead.tomorrow * 1000
        : undefined;
  const seconds = nextAt ? secondsUntil(new Date(nextAt), now) : LONGEST_WAIT_SECONDS;
  return step(participantId, 'await-event', { courseId, seconds });
}

/** True when the round's mail was sent or refused already, or there is nobody to send it to. */
async function reminded(deps: CourseDeps, participantId: string, round: string): Promise<boolean> {
  const person = await deps.loadPerson(participantId);
  if (!person.email) return true;
  return (await deps.approvals.getMail(participantId, round, person.email)) !== undefined;
}

/** The course will not take place: the volunteer is told (once) and offered the next one. */
export async function courseCancelled(
  deps: CourseDeps,
  participantId: string,
  course: Course,
): Promise<StepResult> {
  await mailParticipant(deps, {
    participantId,
    course,
    kind: 'course-cancelled',
    round: `course-cancelled#${course.courseId}`,
    withCalendar: true,
  });
  await deps.courses.updateParticipant(participantId, {
    state: 'awaiting-course',
    currentCourseId: undefined,
  });
  return step(participantId, 'offer');
}
