import * as z from 'zod';
import { openLink } from '#shared/action-link.ts';
import { answerTask } from '#shared/adapters/workflow.ts';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { privateHeaders } from '#shared/decision-view.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';

const deps = approvalsDeps();
const answerRequest = z.strictObject({ answer: z.string().trim().min(1).max(4000) });

/** The applicant answers the coordinator's question (same-origin POST, single use); the decision continues. */
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
  // The answer is stored either way; if the wait just ended, the workflow has moved on (expiry).
  await answerTask(deps.sfn, approval.taskToken, { answered: true });
  await deps.approvals.addEvent(token.submissionId, {
    at: now,
    action: 'question-answered',
    actor: 'applicant',
  });
  return json(200, { status: 'answered' }, privateHeaders);
});
