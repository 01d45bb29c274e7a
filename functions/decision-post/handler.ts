import * as z from 'zod';
import { openLink } from '#shared/action-link.ts';
import { answerTask } from '#shared/adapters/workflow.ts';
import { isWorkflowRunning } from '#shared/adapters/workflow-runs.ts';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { decisionView, privateHeaders } from '#shared/decision-view.ts';
import {
  AlreadyDecidedError,
  assertCanDecide,
  hasEnded,
  type LateDecision,
  WorkflowEndedError,
} from '#shared/domain/approvals.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { logger } from '#shared/logger.ts';
import { stateMachineArnVariable } from '../../infra/definitions/state-machines.ts';

const deps = approvalsDeps();
const onboardingArn = process.env[stateMachineArnVariable('volunteer-onboarding')] ?? '';

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
 * is answered. A decision that no workflow can act on any more (expired, failed, aborted) is kept
 * for staff and answered with 409 `workflow_ended`, never with a quiet 200.
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
  const at = now.toISOString();
  const late: LateDecision = {
    decision: request.decision,
    by: token.recipient,
    at,
    ...(request.comment ? { comment: request.comment } : {}),
  };
  const ended = approval !== undefined && hasEnded(approval) && !approval.decision;
  const open = ended ? approval : assertCanDecide(approval);
  if (!(await deps.approvals.useToken(token.tokenHash, at))) throw decidedAlready();
  if (ended) await keepUndelivered(token.submissionId, late, open.status, false);
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
  if (!resumed) {
    // A wait that just timed out is followed by the next one, which picks the stored decision up.
    if (!(await isWorkflowRunning(deps.sfn, onboardingArn, token.submissionId)))
      await keepUndelivered(token.submissionId, late, 'workflow-ended', true);
    logger.warn('decision recorded, workflow wait already over', { submissionId: token.submissionId });
  }
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

/** Keeps the decision on the approval and the timeline for staff, then tells the coordinator. */
async function keepUndelivered(
  submissionId: string,
  late: LateDecision,
  reason: string,
  ended: boolean,
): Promise<never> {
  await deps.approvals.keepLateDecision(submissionId, late, ended);
  await deps.approvals.addEvent(submissionId, {
    at: late.at,
    action: 'decision-undelivered',
    actor: late.by,
    detail: { decision: late.decision, reason, ...(late.comment ? { comment: late.comment } : {}) },
  });
  throw new WorkflowEndedError();
}
