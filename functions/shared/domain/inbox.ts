/**
 * The inbox: one entry per submission (`SUBMISSION#<id>` / `INBOX`), kept up to date from the
 * table's stream, so staff lists never scan. The entry holds what a list row shows and what it is
 * filtered by; the answers stay in the submission item.
 *
 * Keys: gsi2 `INBOX#<slug>` / `<receivedAt>#<id>` (a form, newest first), gsi3
 * `INBOX#<slug>#<status>` / same sort key (a form in one status), gsi4 `ASSIGNEE#<sub>` / same
 * sort key (assigned to someone).
 */
export const INBOX_STATUSES = [
  'new', // stored, workflow starting or before its first decision step
  'waiting', // waiting for a coordinator's decision
  'question', // a question to the applicant is open
  'approved',
  'rejected',
  'expired', // nobody decided in time
  'open', // counselling request waiting for pickup
  'picked-up',
  'unassigned', // counselling request nobody picked up in time
  'failed', // the workflow failed or ended without a decision: see attention
] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export interface InboxEntry {
  readonly submissionId: string;
  readonly receiptNumber: string;
  readonly formSlug: string;
  readonly formVersion: number;
  readonly workflow: string;
  readonly locale: string;
  readonly receivedAt: string;
  readonly status: InboxStatus;
  /** The workflow step it is at, e.g. `approval`, `intake`, `done`. */
  readonly step: string;
  /** The applicant's name and e-mail as the form's settings name them; for lists and search only. */
  readonly applicantName?: string;
  readonly applicantEmail?: string;
  readonly assignee?: { readonly sub: string; readonly username: string };
  readonly updatedAt: string;
}

export const inboxKeys = {
  entry: (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'INBOX' }),
  byForm: (slug: string) => `INBOX#${slug}`,
  byFormAndStatus: (slug: string, status: InboxStatus) => `INBOX#${slug}#${status}`,
  byAssignee: (sub: string) => `ASSIGNEE#${sub}`,
  sort: (entry: Pick<InboxEntry, 'receivedAt' | 'submissionId'>) =>
    `${entry.receivedAt}#${entry.submissionId}`,
};
