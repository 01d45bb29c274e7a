import { openLink } from '#shared/action-link.ts';
import { answerTask } from '#shared/adapters/workflow.ts';
import { isWorkflowRunning } from '#shared/adapters/workflow-runs.ts';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { privateHeaders } from '#shared/decision-view.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import * as z from '#shared/zod.ts';
import { stateMachineArnVariable } from '../shared/definitions/state-machines.ts';

const deps = approvalsDeps();
const onboardingArn = process.env[stateMachineArnVariable('volunteer-onboarding')] ?? '';
const answerRequest = z.strictObject({
  answer: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
});

/**
 * The applicant answers the coordinator's question (same-origin POST, single use); the decision
 * continues. An answer that comes after the wait is over is kept on the approval and the timeline,
 * and the applicant is told so (409) instead of a thank-you that would not be true.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const now = deps.now().toISOString();
  const token = await openLink(deps, event, 'answer', { fromPage: true });
  const { answer } = parseOrThrow(answerRequest, body ?? {});
  if (token.usedAt) throw new ConflictError('This question has been answered already.');
  const approval = await deps.approvals.get(token.submissionId);
  if (!approval?.taskToken || approval.waitingFor !== 'answer')
    throw new ConflictError('No question is waiting for an answer.');
  if (!(await deps.approvals.useToken(token.tokenHash, now)))
    throw new ConflictError('This question has been answered already.');
  if (!(await deps.approvals.answer(token.submissionId, answer, now)))
    throw new ConflictError('No question is waiting for an answer.');
  if (!(await answerTask(deps.sfn, approval.taskToken, { answered: true }))) {
    // After the answer's wait only the expiry follows, so a running workflow cannot use it either.
    if (!(await isWorkflowRunning(deps.sfn, onboardingArn, token.submissionId)))
      await deps.approvals.markEnded(token.submissionId, now);
    await deps.approvals.addEvent(token.submissionId, {
      at: now,
      action: 'answer-undelivered',
      actor: 'applicant',
    });
    throw new ConflictError(
      'The time for this application has run out, so your answer could not be passed on. It has been kept, and the team will be in touch.',
    );
  }
  await deps.approvals.addEvent(token.submissionId, {
    at: now,
    action: 'question-answered',
    actor: 'applicant',
  });
  return json(200, { status: 'answered' }, privateHeaders);
});
