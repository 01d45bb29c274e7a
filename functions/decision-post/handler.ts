import * as z from 'zod';
import { openLink } from '#shared/action-link.ts';
import { answerTask } from '#shared/adapters/workflow.ts';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { decisionView, privateHeaders } from '#shared/decision-view.ts';
import { AlreadyDecidedError, assertCanDecide } from '#shared/domain/approvals.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { logger } from '#shared/logger.ts';

const deps = approvalsDeps();

const decisionRequest = z
  .strictObject({
    decision: z.enum(['approve', 'reject', 'question']),
    comment: z.string().trim().max(2000).optional(),
    shareComment: z.boolean().optional(),
    question: z.string().trim().max(2000).optional(),
  })
  .refine((body) => body.decision !== 'question' || (body.question ?? '').length > 0, {
    path: ['question'],
    message: 'is required when you ask a question',
  });

/**
 * A coordinator decides, from the decision page only (same-origin POST). The link is used up,
 * the first decision wins, and the workflow's current task token — which only the server knows —
 * is answered.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const now = deps.now();
  const token = await openLink(deps, event, 'decide', { fromPage: true });
  const request = parseOrThrow(decisionRequest, body ?? {});
  const approval = await deps.approvals.get(token.submissionId);
  const decidedAlready = () =>
    new AlreadyDecidedError(
      approval?.decidedBy
        ? `Already decided by ${approval.decidedBy} at ${approval.decidedAt}.`
        : 'This link has been used already.',
    );
  if (token.usedAt) throw decidedAlready();
  const open = assertCanDecide(approval);
  if (!(await deps.approvals.useToken(token.tokenHash, now.toISOString()))) throw decidedAlready();
  const at = now.toISOString();
  const recorded = await deps.approvals.decide(token.submissionId, {
    decision: request.decision,
    by: token.recipient,
    at,
    ...(request.comment ? { comment: request.comment } : {}),
    ...(request.shareComment !== undefined ? { shareComment: request.shareComment } : {}),
    ...(request.question ? { question: request.question } : {}),
  });
  if (!recorded) {
    const latest = await deps.approvals.get(token.submissionId);
    throw new AlreadyDecidedError(
      `Already decided by ${latest?.decidedBy ?? 'someone else'} at ${latest?.decidedAt ?? ''}.`,
    );
  }
  const resumed = await answerTask(deps.sfn, open.taskToken as string, {
    decision: request.decision,
    decidedBy: token.recipient,
  });
  // If the wait was already over, the decision is stored and the workflow's next wait picks it up.
  if (!resumed)
    logger.warn('decision recorded, workflow wait already over', { submissionId: token.submissionId });
  await deps.approvals.addEvent(token.submissionId, {
    at,
    action: `decided-${request.decision}`,
    actor: token.recipient,
    ...(request.comment
      ? { detail: { comment: request.comment, shared: String(Boolean(request.shareComment)) } }
      : {}),
  });
  const latest = await deps.approvals.get(token.submissionId);
  return json(200, await decisionView(deps, { ...token, usedAt: at }, latest ?? open), privateHeaders);
});
