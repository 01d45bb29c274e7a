import { approvalsDeps } from '#shared/approvals-deps.ts';
import { mailRound, newActionToken } from '#shared/domain/approvals.ts';
import { applicantMail } from '#shared/mail/approval-mails.ts';
import { sendOnce } from '#shared/mail-delivery.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = approvalsDeps();

class NoWayToAsk extends Error {
  override name = 'NoWayToAsk';
}

/**
 * Workflow task (waitForTaskToken): e-mails the coordinator's question to the applicant with a link
 * to answer. If the address is refused, that is on the timeline for staff, and the wait goes on
 * (it ends in the kind expiry) rather than failing the application.
 */
export const handler = taskHandler(
  z.object({ submissionId: z.uuid(), taskToken: z.string().check(z.minLength(1)) }),
  async ({ submissionId, taskToken }) => {
    const now = deps.now();
    const approval = await deps.approvals.get(submissionId);
    const { submission, settings, firstName, applicantEmail, titleIn } = await deps.load(submissionId);
    if (!approval || !applicantEmail) throw new NoWayToAsk(`Cannot ask the applicant of ${submissionId}`);
    await deps.approvals.park(submissionId, 'answer', taskToken, now.toISOString());
    const delivery = await sendOnce(deps, {
      submissionId,
      round: mailRound('question', approval.decidedAt ?? approval.updatedAt),
      recipient: applicantEmail,
      role: 'applicant',
      expiresAt: approval.expiresAt,
      build: async () => {
        const { token, stored } = newActionToken({
          submissionId,
          recipient: 'applicant',
          purpose: 'answer',
          now,
          validDays: settings.expireAfterDays,
        });
        await deps.approvals.saveToken(stored);
        return applicantMail({
          to: applicantEmail,
          locale: submission.locale,
          kind: 'question',
          formTitle: titleIn(submission.locale),
          ...(firstName ? { firstName } : {}),
          question: approval.question ?? '',
          answerUrl: new URL(`/answer/${token}`, deps.config.PUBLIC_BASE_URL).toString(),
          organisation: await deps.organisation(),
        });
      },
    });
    await deps.approvals.addEvent(submissionId, {
      at: now.toISOString(),
      action: 'question-sent',
      actor: 'system',
      detail: { emailed: String(delivery === 'sent') },
    });
    return { waiting: true };
  },
);
