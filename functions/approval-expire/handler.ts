import * as z from 'zod';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { applicantMail } from '#shared/mail/approval-mails.ts';
import { taskHandler } from '#shared/task.ts';

const deps = approvalsDeps();

/** Workflow task: nobody decided in time. Marks the approval expired and tells the applicant kindly. */
export const handler = taskHandler(z.object({ submissionId: z.uuid() }), async ({ submissionId }) => {
  const now = deps.now().toISOString();
  await deps.approvals.expire(submissionId, now);
  const { submission, firstName, applicantEmail, titleIn } = await deps.load(submissionId);
  if (applicantEmail) {
    await deps.mailer.send(
      applicantMail({
        to: applicantEmail,
        locale: submission.locale,
        kind: 'expired',
        formTitle: titleIn(submission.locale),
        ...(firstName ? { firstName } : {}),
        organisation: deps.config.ORGANISATION_NAME,
      }),
    );
  }
  await deps.approvals.addEvent(submissionId, { at: now, action: 'expired', actor: 'system' });
  return { expired: true };
});
