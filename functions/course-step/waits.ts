import { answerTask } from '#shared/adapters/workflow.ts';
import type { CourseDeps } from '#shared/course-deps.ts';
import { newLinkToken } from '#shared/course-deps.ts';
import { hashToken } from '#shared/domain/approvals.ts';
import { mailParticipant } from './mailing.ts';
import type { FlowState } from './state.ts';

/**
 * The parked waits (waitForTaskToken). Each parks the token on the participant first, then looks
 * whether what it waits for already happened (an answer that came while nothing was parked) and
 * if so answers at once; the mails go out once per round. They return nothing: the wait ends with
 * `answerParticipant`'s event or the state's timeout.
 */
export async function awaitAnswer(deps: CourseDeps, state: FlowState, taskToken: string): Promise<void> {
  const { participantId } = state;
  const courseId = required(state.courseId);
  await deps.courses.parkTaskToken(participantId, taskToken);
  const [enrolment, course] = await Promise.all([
    deps.courses.getEnrolment(courseId, participantId),
    deps.courses.getCourse(courseId),
  ]);
  if (enrolment?.status !== 'offered' || !enrolment.offerExpiresAt || !course) {
    const event = enrolment?.status === 'enrolled' ? 'accepted' : 'recheck';
    await answerNow(deps, participantId, taskToken, { event, courseId });
    return;
  }
  const expiresAt = enrolment.offerExpiresAt;
  await mailParticipant(deps, {
    participantId,
    course,
    kind: state.promoted ? 'promoted' : 'offer',
    ...(state.approved ? { approved: true } : {}),
    round: `course-offer#${courseId}#${enrolment.offeredAt ?? expiresAt}`,
    withCalendar: true,
    extra: async () => {
      const token = newLinkToken();
      await deps.courses.putOfferLink({ tokenHash: hashToken(token), courseId, participantId, expiresAt });
      const link = deps.publicUrl(`/offer/${token}`);
      return {
        acceptUrl: `${link}?answer=accept`,
        declineUrl: `${link}?answer=decline`,
        holdUntil: new Date(expiresAt),
      };
    },
  });
}

export async function awaitSeat(deps: CourseDeps, state: FlowState, taskToken: string): Promise<void> {
  const { participantId } = state;
  const courseId = required(state.courseId);
  await deps.courses.parkTaskToken(participantId, taskToken);
  const enrolment = await deps.courses.getEnrolment(courseId, participantId);
  if (enrolment?.status === 'offered')
    await answerNow(deps, participantId, taskToken, { event: 'promoted', courseId });
  else if (enrolment?.status !== 'waiting')
    await answerNow(deps, participantId, taskToken, { event: 'recheck', courseId });
}

/** No suitable course: says so once per attempt (a new round after each course they had). */
export async function awaitCourse(deps: CourseDeps, state: FlowState, taskToken: string): Promise<void> {
  const { participantId } = state;
  await deps.courses.parkTaskToken(participantId, taskToken);
  const history = await deps.courses.enrolmentsOf(participantId);
  await mailParticipant(deps, {
    participantId,
    kind: 'no-course',
    round: `course-none#${history.length}`,
    ...(state.approved ? { approved: true } : {}),
  });
}

export async function awaitEvent(deps: CourseDeps, state: FlowState, taskToken: string): Promise<void> {
  const { participantId } = state;
  const courseId = required(state.courseId);
  await deps.courses.parkTaskToken(participantId, taskToken);
  const enrolment = await deps.courses.getEnrolment(courseId, participantId);
  if (enrolment?.status === 'certified' || enrolment?.status === 'not-certified')
    await answerNow(deps, participantId, taskToken, { event: enrolment.status, courseId });
  else if (enrolment?.status !== 'enrolled')
    await answerNow(deps, participantId, taskToken, { event: 'recheck', courseId });
}

async function answerNow(
  deps: CourseDeps,
  participantId: string,
  taskToken: string,
  event: { event: string; courseId: string },
) {
  await deps.courses.clearTaskToken(participantId, taskToken);
  await answerTask(deps.sfn, taskToken, event);
}

function required(courseId: string | undefined): string {
  if (!courseId) throw new Error('This wait needs a courseId in the state');
  return courseId;
}
