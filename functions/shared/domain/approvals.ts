import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConflictError, DomainError, ForbiddenError, GoneError, NotFoundError } from './errors.ts';

/**
 * Approval by e-mail. The Step Functions task token never leaves the server: coordinators get
 * links with our own action tokens (256 random bits, stored only as a hash, bound to one
 * application and one recipient, expiring, single use). Opening a link changes nothing; only a
 * POST from the decision page decides, and it answers the workflow's current task token.
 */
export type Decision = 'approve' | 'reject' | 'question';
/** `workflow-ended`: the execution ended without a result (failed, aborted) while a decision was open. */
export type ApprovalStatus = 'pending' | 'question' | 'approved' | 'rejected' | 'expired' | 'workflow-ended';

export interface ApprovalSettings {
  readonly coordinators: readonly string[];
  readonly escalationContact?: string;
  /** A field whose answer picks other coordinators, e.g. the district. */
  readonly routing?: { readonly field: string; readonly values: Readonly<Record<string, readonly string[]>> };
  readonly reminderAfterDays: number;
  readonly escalateAfterDays: number;
  readonly expireAfterDays: number;
  /** The answers shown in the approval e-mail (the rest is on the decision page). */
  readonly summaryFields: readonly string[];
  /** Language of the coordinators' e-mails and pages. */
  readonly locale: string;
}

export const defaultApprovalSettings: ApprovalSettings = {
  coordinators: [],
  reminderAfterDays: 3,
  escalateAfterDays: 7,
  expireAfterDays: 14,
  summaryFields: [],
  locale: 'de',
};

export interface Approval {
  readonly submissionId: string;
  readonly formSlug: string;
  readonly status: ApprovalStatus;
  readonly coordinators: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The current wait's task token; server-side only. */
  readonly taskToken?: string;
  readonly waitingFor?: 'decision' | 'answer';
  readonly decision?: Decision;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly comment?: string;
  readonly shareComment?: boolean;
  readonly question?: string;
  readonly answer?: string;
  readonly answeredAt?: string;
  /** A decision that came after the workflow had ended: kept for staff, never acted on. */
  readonly lateDecision?: LateDecision;
  readonly expiresAt: number;
}

export interface LateDecision {
  readonly decision: Decision;
  readonly by: string;
  readonly at: string;
  readonly comment?: string;
}

export interface ActionToken {
  readonly tokenHash: string;
  readonly submissionId: string;
  readonly recipient: string;
  readonly purpose: 'decide' | 'answer';
  readonly createdAt: string;
  /** Epoch seconds; after it the link shows "expired". */
  readonly validUntil: number;
  readonly usedAt?: string;
}

export interface TimelineEvent {
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly detail?: Readonly<Record<string, string>>;
}

export function pickCoordinators(
  settings: ApprovalSettings,
  data: Readonly<Record<string, unknown>>,
): string[] {
  if (settings.routing) {
    const value = data[settings.routing.field];
    const routed = typeof value === 'string' ? settings.routing.values[value] : undefined;
    if (routed && routed.length > 0) return [...routed];
  }
  return [...settings.coordinators];
}

/** A fresh action token (returned once, for the link) and what is stored of it (the hash). */
export function newActionToken(input: {
  submissionId: string;
  recipient: string;
  purpose: ActionToken['purpose'];
  now: Date;
  validDays: number;
}): { token: string; stored: ActionToken } {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    stored: {
      tokenHash: hashToken(token),
      submissionId: input.submissionId,
      recipient: input.recipient,
      purpose: input.purpose,
      createdAt: input.now.toISOString(),
      validUntil: Math.floor(input.now.getTime() / 1000) + Math.round(input.validDays * 86_400),
    },
  };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Tokens are 43 base64url characters; anything else is refused before a lookup. */
export const looksLikeToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

export const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

export class LinkUnknownError extends NotFoundError {}
export class LinkExpiredError extends GoneError {}
export class AlreadyDecidedError extends ConflictError {}

/** The decision was kept, but the application's workflow is over and cannot act on it. */
export class WorkflowEndedError extends DomainError {
  readonly status = 409;
  readonly code = 'workflow_ended';
  constructor() {
    super(
      "This application's workflow has already ended, so your decision could not be carried out. It has been kept for the staff, who will take care of the application.",
    );
  }
}

/** An approval whose workflow will not act on a decision any more. */
export const hasEnded = (approval: Approval): boolean =>
  approval.status === 'expired' || approval.status === 'workflow-ended';

/**
 * Names one mailing round: the same on every retry of its task, different for the next round.
 * `since` is what starts the round: the approval's `createdAt` (an admin's restart resets it),
 * the time a question was asked (`decidedAt`) or answered (`answeredAt`).
 */
export const mailRound = (purpose: string, since: string): string => `${purpose}#${since}`;

/** What a link may do now; throws the error whose page the visitor should see. */
export function checkToken(
  token: ActionToken | undefined,
  purpose: ActionToken['purpose'],
  now: Date,
): ActionToken {
  if (!token || token.purpose !== purpose)
    throw new LinkUnknownError('This link is not valid. Please use the link from your most recent e-mail.');
  if (token.validUntil * 1000 < now.getTime()) throw new LinkExpiredError('This link has expired.');
  return token;
}

export function assertCanDecide(approval: Approval | undefined): Approval {
  if (!approval) throw new LinkUnknownError('This link is not valid.');
  if (approval.status === 'expired') throw new LinkExpiredError('The time for this decision is over.');
  if (approval.decision === 'approve' || approval.decision === 'reject') {
    throw new AlreadyDecidedError(
      `Already decided: ${approval.decision === 'approve' ? 'approved' : 'rejected'} by ${approval.decidedBy} at ${approval.decidedAt}.`,
    );
  }
  if (approval.waitingFor !== 'decision' || !approval.taskToken) {
    throw new ConflictError('This application is waiting for the applicant to answer a question.');
  }
  return approval;
}

export function assertSameSite(
  origin: string | undefined,
  fetchSite: string | undefined,
  publicBaseUrl: string,
) {
  // Browsers send Origin on every POST and Sec-Fetch-Site on every request; both must say "this site".
  if (fetchSite && fetchSite !== 'same-origin')
    throw new ForbiddenError('Decisions can only be made from the decision page.');
  if (origin !== undefined && origin !== new URL(publicBaseUrl).origin) {
    throw new ForbiddenError('Decisions can only be made from the decision page.');
  }
  if (origin === undefined && fetchSite === undefined)
    throw new ForbiddenError('Decisions can only be made from the decision page.');
}
