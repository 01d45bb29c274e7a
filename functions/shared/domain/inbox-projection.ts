import type { Approval } from './approvals.ts';
import type { InboxStatus, InboxStep, ProjectedEntry } from './inbox.ts';
import type { Submission } from './submissions.ts';

/**
 * Derives a submission's inbox entry from what its workflow wrote. The projection recomputes from
 * the current items each time (never from a stream record's delta), so a redelivered or reordered
 * record leads to the same entry. Pure: no AWS.
 */
export interface ProjectionSources {
  readonly submission: Submission & { readonly workflowError?: unknown };
  readonly approval?: Pick<Approval, 'status'>;
  readonly intakeCase?: { readonly status: 'open' | 'picked-up' | 'unassigned'; readonly teamId: string };
  /** The workflow failed or timed out and nobody has restarted it yet. */
  readonly workflowFailed: boolean;
  /** The form version's settings: which answers name the applicant. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

type State = { status: InboxStatus; step: InboxStep };

const APPROVAL_STATES: Record<Approval['status'], State> = {
  pending: { status: 'waiting', step: 'decision' },
  question: { status: 'question', step: 'question' },
  approved: { status: 'approved', step: 'done' },
  rejected: { status: 'rejected', step: 'done' },
  expired: { status: 'expired', step: 'done' },
  'workflow-ended': { status: 'failed', step: 'attention' },
};

const CASE_STATES: Record<'open' | 'picked-up' | 'unassigned', State> = {
  open: { status: 'open', step: 'pickup' },
  'picked-up': { status: 'picked-up', step: 'done' },
  unassigned: { status: 'unassigned', step: 'done' },
};

const FINAL: ReadonlySet<InboxStatus> = new Set(['approved', 'rejected', 'picked-up']);

export function projectEntry(sources: ProjectionSources): ProjectedEntry {
  const { submission } = sources;
  const state = stateOf(sources);
  const applicant = applicantOf(sources.settings ?? {}, submission.data);
  return {
    submissionId: submission.submissionId,
    receiptNumber: submission.receiptNumber,
    formSlug: submission.formSlug,
    formVersion: submission.formVersion,
    workflow: submission.workflow,
    locale: submission.locale,
    receivedAt: submission.receivedAt,
    ...state,
    ...(applicant.name ? { applicantName: applicant.name } : {}),
    ...(applicant.email ? { applicantEmail: applicant.email } : {}),
    ...(sources.intakeCase ? { teamId: sources.intakeCase.teamId } : {}),
    expiresAt: submission.expiresAt,
  };
}

function stateOf(sources: ProjectionSources): State {
  const found = sources.approval
    ? APPROVAL_STATES[sources.approval.status]
    : sources.intakeCase
      ? CASE_STATES[sources.intakeCase.status]
      : { status: 'new' as const, step: 'received' as const };
  // A workflow that failed after a final decision still has that decision; before it, staff must act.
  const failed = sources.workflowFailed || sources.submission.workflowError !== undefined;
  if (failed && !FINAL.has(found.status)) return { status: 'failed', step: 'attention' };
  return found ?? { status: 'new', step: 'received' };
}

/**
 * The applicant's name and e-mail, from the answers the form's settings name (`firstNameField`,
 * `lastNameField`, `confirmationEmailField`; by default `firstName`, `lastName`, `email`).
 */
export function applicantOf(
  settings: Readonly<Record<string, unknown>>,
  data: Readonly<Record<string, unknown>>,
): { name?: string; email?: string } {
  const answer = (setting: unknown, fallback: string) => {
    const value = data[typeof setting === 'string' ? setting : fallback];
    return typeof value === 'string' ? value.trim() : '';
  };
  const name = [answer(settings.firstNameField, 'firstName'), answer(settings.lastNameField, 'lastName')]
    .filter(Boolean)
    .join(' ');
  const email = answer(settings.confirmationEmailField, 'email');
  return { ...(name ? { name } : {}), ...(email.includes('@') ? { email } : {}) };
}
