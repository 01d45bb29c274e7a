import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type CourseDeps, newLinkToken } from '#shared/course-deps.ts';
import { NotFoundError } from '#shared/domain/errors.ts';

/**
 * After approval: the volunteer becomes a participant (id = submission id, their language, a
 * fresh own-page secret) and their volunteer-course execution starts, named by that id. A retry
 * finds the participant and the execution already there and changes nothing.
 */
export async function begin(deps: CourseDeps, submissionId: string): Promise<{ participantId: string }> {
  const existing = await deps.courses.getParticipant(submissionId);
  if (!existing) {
    const submission = await deps.submissions.get(submissionId);
    if (!submission) throw new NotFoundError(`No submission ${submissionId}`);
    const now = deps.now().toISOString();
    await deps.courses.putParticipant({
      participantId: submissionId,
      formSlug: submission.formSlug,
      source: 'form',
      locale: submission.locale,
      state: 'awaiting-course',
      pageToken: newLinkToken(),
      approvedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  }
  try {
    await deps.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: deps.volunteerCourseArn(),
        name: submissionId,
        // The path's first mail tells the approval too: one mail instead of two (docs/courses.md).
        input: JSON.stringify({ participantId: submissionId, approved: true }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
  return { participantId: submissionId };
}
