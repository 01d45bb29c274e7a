/**
 * What staff must look at so that nobody is left waiting unseen: a workflow that failed, timed out
 * or was aborted; a submission whose workflow has not started within a few minutes; an e-mail that
 * was refused for good. Each is kept per submission (ids and error names only, no personal data),
 * counted in /api/health, sent to the organisation's admin address, and raised as an alarm on AWS.
 */
export const attentionKinds = ['workflow-failed', 'workflow-not-started', 'mail-refused'] as const;
export type AttentionKind = (typeof attentionKinds)[number];

/** A submission pending longer than this without a started workflow needs attention. */
export const NOT_STARTED_AFTER_MS = 5 * 60 * 1000;

export interface AttentionItem {
  readonly kind: AttentionKind;
  readonly submissionId: string;
  /** When it first happened; stays while it happens again. */
  readonly since: string;
  readonly lastAt: string;
  /** Error names, statuses, workflow names; never answers or addresses. */
  readonly detail: Readonly<Record<string, string>>;
}

export interface AttentionSummary {
  readonly count: number;
  readonly oldest?: { readonly submissionId: string; readonly since: string };
}

export interface AttentionPage {
  readonly items: readonly AttentionItem[];
  readonly cursor?: string;
}

export interface AttentionStore {
  raise(item: Omit<AttentionItem, 'lastAt'> & { readonly expiresAt?: number }): Promise<void>;
  get(kind: AttentionKind, submissionId: string): Promise<AttentionItem | undefined>;
  clear(kind: AttentionKind, submissionId: string): Promise<void>;
  summary(kind: AttentionKind, now: Date): Promise<AttentionSummary>;
  /** Oldest first; `after` (ISO time) keeps only what began later. */
  list(
    kind: AttentionKind,
    options: { now: Date; limit: number; cursor?: string; after?: string },
  ): Promise<AttentionPage>;
  /** When the last digest mail went out, if ever. */
  lastDigest(): Promise<string | undefined>;
  /**
   * Takes the next digest (only if the last one is still `previous`), so two overlapping runs never
   * both mail; false when another run took it.
   */
  claimDigest(previous: string | undefined, sentAt: string): Promise<boolean>;
  /** Gives a claimed digest back when its mail could not be sent, so the next run sends it. */
  releaseDigest(previous: string | undefined, sentAt: string): Promise<void>;
}

/** Execution names are the submission id, or `<id>-r<time>` for a restart; anything else is not a submission's. */
export function submissionIdOfExecution(name: string): string | undefined {
  const id = name.slice(0, 36);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) &&
    (name.length === 36 || name.startsWith('-r', 36))
    ? id
    : undefined;
}
