import * as z from 'zod';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { applicantMail } from '#shared/mail/approval-mails.ts';
import { taskHandler } from '#shared/task.ts';

const deps = approvalsDeps();

/** Workflow task: tells the applicant the outcome in their language (with the comment, if the coordinator shared it). */
export const handler = taskHandler(
  z.object({ submissionId: z.uuid(), outcome: z.enum(['approved', 'rejected']) }),
  async ({ submissionId, outcome }) => {
    const approval = await deps.approvals.get(submissionId);
    const { submission, firstName, applicantEmail, titleIn } = await deps.load(submissionId);
    if (applicantEmail) {
      await deps.mailer.send(
        applicantMail({
          to: applicantEmail,
          locale: submission.locale,
          kind: outcome,
          formTitle: titleIn(submission.locale),
          ...(firstName ? { firstName } : {}),
          ...(outcome === 'rejected' && approval?.shareComment && approval.comment
            ? { comment: approval.comment }
            : {}),
          organisation: deps.config.ORGANISATION_NAME,
        }),
      );
    }
    await deps.approvals.addEvent(submissionId, {
      at: deps.now().toISOString(),
      action: `applicant-told-${outcome}`,
      actor: 'system',
      detail: { emailed: String(Boolean(applicantEmail)) },
    });
    return { told: Boolean(applicantEmail) };
  },
);
