import type { ApprovalStore } from './adapters/approval-store.ts';
import {
  MailAccountBlockedError,
  type Mailer,
  type MailMessage,
  MailRefusedError,
} from './adapters/mailer.ts';
import type { AttentionStore } from './domain/attention.ts';

export type Delivery = 'sent' | 'refused';

/** Who a mail was for, as staff read it on the timeline. */
export type RecipientRole = 'coordinator' | 'escalation-contact' | 'applicant' | 'team';

export interface DeliveryDeps {
  readonly mailer: Mailer;
  readonly approvals: Pick<ApprovalStore, 'getMail' | 'recordMail' | 'addEvent'>;
  /** Where a refusal is raised for staff (health, digest, alarm). */
  readonly attention: Pick<AttentionStore, 'raise'>;
  readonly now: () => Date;
}

/** Timeline actions other parts (alerts, the console) rely on; see docs/approvals-and-intake.md. */
export const mailActions = {
  refused: 'mail-refused',
  accountBlocked: 'mail-account-blocked',
  noCoordinatorReachable: 'no-coordinator-reachable',
  noTeamReachable: 'no-team-reachable',
} as const;

/**
 * Sends one round's mail to one recipient at most once: a retry of the task skips whoever was
 * already mailed (or refused) in that round, so nobody gets the same mail twice with a fresh link.
 * `build` runs only when the mail is really sent, so links are minted only for mails that go out.
 * A permanent refusal is recorded on the timeline (with the address, for staff; never logged) and
 * returned; transient errors are thrown for the workflow to retry; a blocked account is recorded
 * and thrown, since no recipient could be reached.
 */
export async function sendOnce(
  deps: DeliveryDeps,
  input: {
    submissionId: string;
    round: string;
    recipient: string;
    role: RecipientRole;
    build: () => MailMessage | Promise<MailMessage>;
    expiresAt?: number;
  },
): Promise<Delivery> {
  const { submissionId, round, recipient } = input;
  const earlier = await deps.approvals.getMail(submissionId, round, recipient);
  if (earlier) return earlier.status;
  const purpose = round.split('#')[0] ?? round;
  try {
    const messageId = await deps.mailer.send(await input.build());
    const at = deps.now().toISOString();
    await deps.approvals.recordMail(
      submissionId,
      round,
      recipient,
      { status: 'sent', at, messageId },
      input.expiresAt,
    );
    return 'sent';
  } catch (error) {
    const at = deps.now().toISOString();
    if (error instanceof MailAccountBlockedError) {
      await deps.approvals.addEvent(submissionId, {
        at,
        action: mailActions.accountBlocked,
        actor: 'system',
        detail: { purpose, reason: error.reason },
      });
      throw error;
    }
    if (!(error instanceof MailRefusedError)) throw error;
    const first = await deps.approvals.recordMail(
      submissionId,
      round,
      recipient,
      { status: 'refused', at, reason: error.reason },
      input.expiresAt,
    );
    if (first) {
      await deps.approvals.addEvent(submissionId, {
        at,
        action: mailActions.refused,
        actor: 'system',
        detail: { recipient, role: input.role, purpose, reason: error.reason },
      });
      // No address here: the attention list is read more widely than the timeline.
      await deps.attention.raise({
        kind: 'mail-refused',
        submissionId,
        since: at,
        detail: { role: input.role, purpose, reason: error.reason },
        ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
      });
    }
    return 'refused';
  }
}

/** Records, once per round, that every recipient of the round refused: nobody was reached. */
export async function recordIfNobodyReached(
  deps: DeliveryDeps,
  input: { submissionId: string; round: string; deliveries: readonly Delivery[]; action: string },
): Promise<boolean> {
  const { submissionId, round, deliveries } = input;
  if (deliveries.length === 0 || deliveries.some((delivery) => delivery === 'sent')) return false;
  const at = deps.now().toISOString();
  const first = await deps.approvals.recordMail(submissionId, round, '*', {
    status: 'refused',
    at,
    reason: 'every recipient refused',
  });
  if (first)
    await deps.approvals.addEvent(submissionId, {
      at,
      action: input.action,
      actor: 'system',
      detail: { purpose: round.split('#')[0] ?? round, recipients: String(deliveries.length) },
    });
  return true;
}
