import { mailRound } from '#shared/domain/approvals.ts';
import { intakeDeps } from '#shared/intake-deps.ts';
import { intakeAcknowledgementMail } from '#shared/mail/intake-mails.ts';
import { sendOnce } from '#shared/mail-delivery.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = intakeDeps();

/**
 * Workflow task: tells the person, in their language, who will contact them and when (if they gave
 * an e-mail address). A refused address is recorded on the timeline; the team still has the case.
 */
export const handler = taskHandler(
  z.object({ submissionId: z.uuid(), teamId: z.string() }),
  async ({ submissionId, teamId }) => {
    const { submission, intake, firstName, applicantEmail } = await deps.loadIntake(submissionId);
    const team = intake.teams.find((candidate) => candidate.id === teamId);
    if (!applicantEmail || !team) return { sent: false };
    const delivery = await sendOnce(deps, {
      submissionId,
      round: mailRound('acknowledged', submission.receivedAt),
      recipient: applicantEmail,
      role: 'applicant',
      expiresAt: submission.expiresAt,
      build: async () =>
        intakeAcknowledgementMail({
          to: applicantEmail,
          locale: submission.locale,
          ...(firstName ? { firstName } : {}),
          teamName: team.name,
          withinDays: Math.max(1, Math.ceil(intake.pickupWithinHours / 24)),
          receiptNumber: submission.receiptNumber,
          organisation: await deps.organisation(),
        }),
    });
    return { sent: delivery === 'sent' };
  },
);
