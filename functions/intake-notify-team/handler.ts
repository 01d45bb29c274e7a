import { describeAnswers } from '#shared/domain/answers.ts';
import { mailRound } from '#shared/domain/approvals.ts';
import { intakeDeps } from '#shared/intake-deps.ts';
import { teamNotificationMail } from '#shared/mail/intake-mails.ts';
import { type Delivery, mailActions, recordIfNobodyReached, sendOnce } from '#shared/mail-delivery.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = intakeDeps();

/**
 * Workflow task: tells the team (and on escalation the escalation contact) about the case, each
 * once per round even when the task is retried. Refused addresses are recorded; if nobody could be
 * reached, `no-team-reachable` says so, and the wait for a pickup (and its escalation) goes on.
 */
export const handler = taskHandler(
  z.object({ submissionId: z.uuid(), teamId: z.string(), escalation: z._default(z.boolean(), false) }),
  async ({ submissionId, teamId, escalation }) => {
    const { submission, definition, intake, firstName } = await deps.loadIntake(submissionId);
    const team = intake.teams.find((candidate) => candidate.id === teamId);
    if (!team) throw new Error(`No team ${teamId}`);
    const topicFacts = describeAnswers(definition, submission.data, intake.locale, [intake.topicField]);
    const recipients =
      escalation && intake.escalationContact ? [team.email, intake.escalationContact] : [team.email];
    const round = mailRound(escalation ? 'escalated' : 'team-notified', submission.receivedAt);
    const deliveries: Delivery[] = [];
    for (const to of recipients) {
      deliveries.push(
        await sendOnce(deps, {
          submissionId,
          round,
          recipient: to,
          role: to === team.email ? 'team' : 'escalation-contact',
          expiresAt: submission.expiresAt,
          build: async () =>
            teamNotificationMail({
              to,
              locale: intake.locale,
              escalation,
              teamName: team.name,
              ...(firstName ? { firstName } : {}),
              topic: topicFacts[0]?.[1] ?? '—',
              receiptNumber: submission.receiptNumber,
              caseUrl: new URL(`/admin/cases/${submissionId}`, deps.config.PUBLIC_BASE_URL).toString(),
              pickupWithinHours: intake.pickupWithinHours,
              organisation: await deps.organisation(),
            }),
        }),
      );
    }
    await recordIfNobodyReached(deps, {
      submissionId,
      round,
      deliveries,
      action: mailActions.noTeamReachable,
    });
    await deps.approvals.addEvent(submissionId, {
      at: deps.now().toISOString(),
      action: escalation ? 'escalated' : 'team-notified',
      actor: 'system',
      detail: { team: team.id, refused: String(deliveries.filter((d) => d === 'refused').length) },
    });
    return { notified: recipients.length };
  },
);
