import { approvalsDeps } from '#shared/approvals-deps.ts';
import { mailRound } from '#shared/domain/approvals.ts';
import { applicantMail } from '#shared/mail/approval-mails.ts';
import { sendOnce } from '#shared/mail-delivery.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = approvalsDeps();

/**
 * Workflow task: nobody decided in time. Marks the approval expired and tells the applicant kindly
 * (a refused address is recorded, not fatal). A decision stored in the last moment, after the
 * final wait had timed out, is kept for staff rather than lost.
 */
export const handler = taskHandler(z.object({ submissionId: z.uuid() }), async ({ submissionId }) => {
  const now = deps.now().toISOString();
  const before = await deps.approvals.get(submissionId);
  await deps.approvals.expire(submissionId, now);
  if (before?.decision === 'approve' || before?.decision === 'reject') {
    await deps.approvals.keepLateDecision(
      submissionId,
      { decision: before.decision, by: before.decidedBy ?? 'unknown', at: before.decidedAt ?? now },
      false,
    );
    await deps.approvals.addEvent(submissionId, {
      at: now,
      action: 'decision-undelivered',
      actor: before.decidedBy ?? 'unknown',
      detail: { decision: before.decision, reason: 'expired' },
    });
  }
  const { submission, firstName, applicantEmail, titleIn } = await deps.load(submissionId);
  const delivery = applicantEmail
    ? await sendOnce(deps, {
        submissionId,
        round: mailRound('expired', before?.createdAt ?? now),
        recipient: applicantEmail,
        role: 'applicant',
        ...(before ? { expiresAt: before.expiresAt } : {}),
        build: async () =>
          applicantMail({
            to: applicantEmail,
            locale: submission.locale,
            kind: 'expired',
            formTitle: titleIn(submission.locale),
            ...(firstName ? { firstName } : {}),
            organisation: await deps.organisation(),
          }),
      })
    : undefined;
  await deps.approvals.addEvent(submissionId, {
    at: now,
    action: 'expired',
    actor: 'system',
    detail: { emailed: String(delivery === 'sent') },
  });
  return { expired: true };
});
