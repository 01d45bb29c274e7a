import { answerTask } from '#shared/adapters/workflow.ts';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { describeAnswers } from '#shared/domain/answers.ts';
import { mailRound, newActionToken } from '#shared/domain/approvals.ts';
import { approvalRequestMail } from '#shared/mail/approval-mails.ts';
import { type Delivery, mailActions, recordIfNobodyReached, sendOnce } from '#shared/mail-delivery.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = approvalsDeps();

/** The timeline action of each round, which is also the name its mails are kept under. */
const roundPurpose = {
  initial: 'approval-requested',
  reminder: 'reminder',
  escalation: 'escalation',
  'after-answer': 'answer-forwarded',
} as const;

class ApprovalMissing extends Error {
  override name = 'ApprovalMissing';
}

/**
 * Workflow task (waitForTaskToken): parks the task token on the approval and e-mails each
 * coordinator a personal decision link — the first request, a reminder, an escalation (also to
 * the escalation contact), or the applicant's answer to a question. If a decision was recorded
 * while no wait was open (the workflow could not be resumed at that moment), it resumes at once.
 * Each coordinator gets each round's mail once, even when a transient failure makes the workflow
 * retry this task; a refused address is recorded and the others are still mailed.
 */
export const handler = taskHandler(
  z.object({
    submissionId: z.uuid(),
    round: z.enum(['initial', 'reminder', 'escalation', 'after-answer']),
    taskToken: z.string().check(z.minLength(1)),
  }),
  async ({ submissionId, round: roundName, taskToken }) => {
    const approval = await deps.approvals.get(submissionId);
    if (!approval) throw new ApprovalMissing(`No approval for ${submissionId}`);
    if (approval.decision === 'approve' || approval.decision === 'reject') {
      await answerTask(deps.sfn, taskToken, { decision: approval.decision, decidedBy: approval.decidedBy });
      return { resumed: true };
    }
    const now = deps.now();
    await deps.approvals.park(submissionId, 'decision', taskToken, now.toISOString());
    const { submission, definition, settings, firstName } = await deps.load(submissionId);
    const recipients =
      roundName === 'escalation' && settings.escalationContact
        ? [...new Set([...approval.coordinators, settings.escalationContact])]
        : approval.coordinators;
    const daysLeft = Math.max(
      1,
      settings.expireAfterDays - (now.getTime() - Date.parse(approval.createdAt)) / 86_400_000,
    );
    const round = mailRound(
      roundPurpose[roundName],
      roundName === 'after-answer' ? (approval.answeredAt ?? approval.updatedAt) : approval.createdAt,
    );
    const deliveries: Delivery[] = [];
    for (const recipient of recipients) {
      deliveries.push(
        await sendOnce(deps, {
          submissionId,
          round,
          recipient,
          role: approval.coordinators.includes(recipient) ? 'coordinator' : 'escalation-contact',
          expiresAt: approval.expiresAt,
          build: async () => {
            const { token, stored } = newActionToken({
              submissionId,
              recipient,
              purpose: 'decide',
              now,
              validDays: daysLeft,
            });
            await deps.approvals.saveToken(stored);
            return approvalRequestMail({
              to: recipient,
              locale: settings.locale,
              round: roundName,
              formTitle:
                definition.title[settings.locale] ??
                definition.title[definition.defaultLocale] ??
                submission.formSlug,
              ...(firstName ? { firstName } : {}),
              facts: describeAnswers(definition, submission.data, settings.locale, settings.summaryFields),
              decideUrl: new URL(`/decide/${token}`, deps.config.PUBLIC_BASE_URL).toString(),
              validUntil: new Date(stored.validUntil * 1000),
              escalatedAfterDays: settings.escalateAfterDays,
              ...(approval.question ? { question: approval.question } : {}),
              ...(approval.answer ? { answer: approval.answer } : {}),
              organisation: await deps.organisation(),
            });
          },
        }),
      );
    }
    await recordIfNobodyReached(deps, {
      submissionId,
      round,
      deliveries,
      action: mailActions.noCoordinatorReachable,
    });
    await deps.approvals.addEvent(submissionId, {
      at: now.toISOString(),
      action: roundPurpose[roundName],
      actor: 'system',
      detail: {
        recipients: String(recipients.length),
        refused: String(deliveries.filter((d) => d === 'refused').length),
      },
    });
    return { waiting: true };
  },
);
