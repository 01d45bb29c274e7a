import { approvalsDeps } from '#shared/approvals-deps.ts';
import { mailRound } from '#shared/domain/approvals.ts';
import { applicantMail } from '#shared/mail/approval-mails.ts';
import { sendOnce } from '#shared/mail-delivery.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = approvalsDeps();

/**
 * Workflow task: tells the applicant the outcome in their language (with the comment, if the
 * coordinator shared it). A refused address is recorded on the timeline; the decision stands.
 */
export const handler = taskHandler(
  z.object({ submissionId: z.uuid(), outcome: z.enum(['approved', 'rejected']) }),
  async ({ submissionId, outcome }) => {
    const approval = await deps.approvals.get(submissionId);
    const { submission, firstName, applicantEmail, titleIn } = await deps.load(submissionId);
    const delivery = applicantEmail
      ? await sendOnce(deps, {
          submissionId,
          round: mailRound(`outcome-${outcome}`, approval?.createdAt ?? submission.receivedAt),
          recipient: applicantEmail,
          role: 'applicant',
          ...(approval ? { expiresAt: approval.expiresAt } : {}),
          build: async () =>
            applicantMail({
              to: applicantEmail,
              locale: submission.locale,
              kind: outcome,
              formTitle: titleIn(submission.locale),
              ...(firstName ? { firstName } : {}),
              ...(outcome === 'rejected' && approval?.shareComment && approval.comment
                ? { comment: approval.comment }
                : {}),
              organisation: await deps.organisation(),
            }),
        })
      : undefined;
    await deps.approvals.addEvent(submissionId, {
      at: deps.now().toISOString(),
      action: `applicant-told-${outcome}`,
      actor: 'system',
      detail: { emailed: String(delivery === 'sent') },
    });
    return { told: delivery === 'sent' };
  },
);
