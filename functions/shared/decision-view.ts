import type { ApprovalLinkDeps } from './approvals-deps.ts';
import { describeAnswers } from './domain/answers.ts';
import type { ActionToken, Approval } from './domain/approvals.ts';

/** What the decision page shows: the application in full, and what has happened to it. */
export async function decisionView(deps: ApprovalLinkDeps, token: ActionToken, approval: Approval) {
  const { submission, definition, settings, titleIn } = await deps.load(token.submissionId);
  const decided = approval.decision === 'approve' || approval.decision === 'reject';
  const status =
    approval.status === 'expired'
      ? 'expired'
      : approval.status === 'workflow-ended'
        ? 'workflow-ended'
        : decided
          ? 'decided'
          : approval.waitingFor === 'answer'
            ? 'waiting-for-answer'
            : token.usedAt
              ? 'used'
              : 'open';
  return {
    status,
    recipient: token.recipient,
    formTitle: titleIn(settings.locale),
    receiptNumber: submission.receiptNumber,
    receivedAt: submission.receivedAt,
    locale: settings.locale,
    answers: describeAnswers(definition, submission.data, settings.locale),
    ...(decided || approval.decision === 'question'
      ? {
          decision: {
            decision: approval.decision,
            decidedBy: approval.decidedBy,
            decidedAt: approval.decidedAt,
          },
        }
      : {}),
    ...(approval.question ? { question: approval.question } : {}),
    ...(approval.answer ? { answer: approval.answer } : {}),
  };
}

/** Links carry personal data behind them: never cache, never leak the URL to other sites. */
export const privateHeaders = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
