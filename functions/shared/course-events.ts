import type { SFNClient } from '@aws-sdk/client-sfn';
import { answerTask } from './adapters/workflow.ts';
import type { CourseStore } from './domain/course-model.ts';

/** What happened to a participant from outside their volunteer-course execution (docs/courses.md). */
export type ParticipantEvent =
  | { readonly event: 'accepted' | 'declined'; readonly courseId: string }
  | { readonly event: 'promoted'; readonly courseId: string }
  | { readonly event: 'invited'; readonly courseId: string }
  | { readonly event: 'seat-cancelled'; readonly courseId: string }
  | { readonly event: 'session-changed'; readonly courseId: string; readonly sessionId: string }
  | { readonly event: 'course-cancelled'; readonly courseId: string }
  | { readonly event: 'certified' | 'not-certified'; readonly courseId: string };

/**
 * Wakes a participant's execution where it is parked (their task token is kept on the participant),
 * and forgets the token so nobody answers it twice. False when nothing was parked or the wait was
 * already over; the parked states' timeouts re-check the records, so nothing is lost either way.
 */
export async function answerParticipant(
  deps: {
    readonly sfn: SFNClient;
    readonly courses: Pick<CourseStore, 'getParticipant' | 'clearTaskToken'>;
  },
  participantId: string,
  event: ParticipantEvent,
): Promise<boolean> {
  const participant = await deps.courses.getParticipant(participantId);
  const token = participant?.taskToken;
  if (!token) return false;
  const answered = await answerTask(deps.sfn, token, event);
  await deps.courses.clearTaskToken(participantId, token);
  return answered;
}
