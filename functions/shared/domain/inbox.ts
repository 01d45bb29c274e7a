/**
 * The inbox: one entry per submission (`SUBMISSION#<id>` / `INBOX`), kept up to date from the
 * table's stream, so staff lists never scan. The entry holds what a list row shows and what it is
 * filtered by; the answers stay in the submission item.
 *
 * Keys: gsi2 `INBOX#<slug>` / `<receivedAt>#<id>` (a form, newest first), gsi3
 * `INBOX#<slug>#<status>` / same sort key (a form in one status), gsi4 `ASSIGNEE#<sub>` / same
 * sort key (assigned to someone). Counts per form: `INBOX-COUNTS#<slug>` / `COUNTS`. Search terms:
 * `SUBMISSION#<id>` / `SEARCH#<term>`, in gsi1 under `INBOX-SEARCH#<slug>` / `<term>#<id>`.
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

/** Where in its workflow a submission is. */
export const INBOX_STEPS = ['received', 'decision', 'question', 'pickup', 'done', 'attention'] as const;
export type InboxStep = (typeof INBOX_STEPS)[number];

export interface Assignee {
  readonly sub: string;
  readonly username: string;
}

/** What the projection derives from the submission and its workflow's items. */
export interface ProjectedEntry {
  readonly submissionId: string;
  readonly receiptNumber: string;
  readonly formSlug: string;
  readonly formVersion: number;
  readonly workflow: string;
  readonly locale: string;
  readonly receivedAt: string;
  readonly status: InboxStatus;
  readonly step: InboxStep;
  /** The applicant's name and e-mail as the form's settings name them; for lists and search only. */
  readonly applicantName?: string;
  readonly applicantEmail?: string;
  /** The counselling team a request was routed to. */
  readonly teamId?: string;
  /** When the submission's data goes (epoch seconds); the entry and its search terms go with it. */
  readonly expiresAt: number;
}

export interface InboxEntry extends ProjectedEntry {
  readonly assignee?: Assignee;
  readonly updatedAt: string;
}

export const inboxKeys = {
  entry: (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'INBOX' }),
  counts: (slug: string) => ({ pk: `INBOX-COUNTS#${slug}`, sk: 'COUNTS' }),
  /** Marks an entry whose removal was counted, so a redelivered REMOVE does not count twice. */
  removed: (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'INBOX-REMOVED' }),
  search: (submissionId: string, term: string) => ({
    pk: `SUBMISSION#${submissionId}`,
    sk: `SEARCH#${term}`,
  }),
  searchIndex: (slug: string) => `INBOX-SEARCH#${slug}`,
  byForm: (slug: string) => `INBOX#${slug}`,
  byFormAndStatus: (slug: string, status: InboxStatus) => `INBOX#${slug}#${status}`,
  byAssignee: (sub: string) => `ASSIGNEE#${sub}`,
  sort: (entry: Pick<InboxEntry, 'receivedAt' | 'submissionId'>) =>
    `${entry.receivedAt}#${entry.submissionId}`,
};

/** Counts of one form by status; `total` is every entry. */
export type InboxCounts = Readonly<Partial<Record<InboxStatus, number>>> & { readonly total: number };

/** A list request, already checked. */
export interface InboxQuery {
  readonly forms: readonly string[];
  readonly status?: InboxStatus;
  readonly step?: InboxStep;
  /** Inclusive ISO times (or dates) on `receivedAt`. */
  readonly from?: string;
  readonly to?: string;
  /** Only entries assigned to this staff member. */
  readonly assignee?: string;
  /** The sort key of the last row of the previous page: the next page is strictly older. */
  readonly before?: string;
  readonly limit: number;
}

export interface InboxPage {
  readonly entries: readonly InboxEntry[];
  /** Present when there may be more. */
  readonly before?: string;
}

/** A row as lists show it: no e-mail address (that is in the detail only). */
export function toRow(entry: InboxEntry) {
  const { applicantEmail: _email, expiresAt: _expires, ...row } = entry;
  return row;
}
