/**
 * The audit log: every change staff make (who, what, when, before/after), append-only. Entries
 * name ids, never an applicant's answers: a decision is logged with the submission id, an export
 * with its filter and row count.
 */
export interface AuditEntry {
  readonly at: string;
  readonly actor: { readonly sub: string; readonly username: string };
  /** Dotted verb, e.g. `form.publish`, `submission.decide`, `submission.export`, `user.invite`, `settings.update`. */
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string };
  readonly before?: unknown;
  readonly after?: unknown;
  /** Anything else worth knowing (a filter, a row count, a reason code). No personal data. */
  readonly details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}
