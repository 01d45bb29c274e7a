import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { SystemCheckStatus, SystemCheckView } from '../contracts/system-check.ts';
import { ConflictError, GoneError, NotFoundError, ValidationError } from './errors.ts';

/**
 * A system check proves, after a deployment or on a developer's machine, that data, workflows and
 * mail work together: it is stored, its workflow e-mails a code and waits on a task token, and
 * entering the code answers the token. Pure domain code: what it needs from AWS is passed in.
 */
export interface SystemCheck {
  readonly checkId: string;
  readonly recipient: string;
  readonly locale: 'de' | 'en';
  readonly status: SystemCheckStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt?: string;
  readonly codeHash?: string;
  readonly taskToken?: string;
  readonly failedAttempts: number;
}

export interface SystemCheckStore {
  /** Stores a new check; returns false when one with this id already exists. */
  create(check: SystemCheck): Promise<boolean>;
  get(checkId: string): Promise<SystemCheck | undefined>;
  /** Records the task token and code of the current wait; the check becomes `waiting`. */
  park(checkId: string, taskToken: string, codeHash: string, now: string): Promise<void>;
  /** Moves a waiting check to `confirmed`; false when it was no longer waiting. */
  markConfirmed(checkId: string, now: string): Promise<boolean>;
  recordFailedAttempt(checkId: string, now: string): Promise<void>;
  finish(checkId: string, outcome: 'passed' | 'expired' | 'failed', now: string): Promise<void>;
}

export interface Workflow {
  /** Starts the check's workflow with the check id as execution name; a second start is a no-op. */
  start(checkId: string): Promise<void>;
  /** Answers the task token; throws TokenExpiredError when the wait is over. */
  resume(taskToken: string, output: Record<string, string>): Promise<void>;
}

export class TokenExpiredError extends GoneError {}

export const MAX_CODE_ATTEMPTS = 5;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An 8-character code without look-alike characters (no 0/O, 1/I): about 40 bits. */
export function newCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

export function codeMatches(code: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashCode(code), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function toView(check: SystemCheck): SystemCheckView {
  const { checkId, status, createdAt, updatedAt, finishedAt } = check;
  return finishedAt
    ? { checkId, status, createdAt, updatedAt, finishedAt }
    : { checkId, status, createdAt, updatedAt };
}

export async function createCheck(
  deps: { store: SystemCheckStore; workflow: Workflow; now: () => Date; newId: () => string },
  request: { recipient: string; locale: 'de' | 'en'; checkId?: string | undefined },
): Promise<SystemCheck> {
  const now = deps.now().toISOString();
  const check: SystemCheck = {
    checkId: request.checkId ?? deps.newId(),
    recipient: request.recipient,
    locale: request.locale,
    status: 'pending',
    createdAt: now,
    updatedAt: now,
    failedAttempts: 0,
  };
  const created = await deps.store.create(check);
  const stored = created ? check : await deps.store.get(check.checkId);
  if (!stored) throw new NotFoundError('The check disappeared while it was being created.');
  if (!created && stored.recipient !== check.recipient) {
    throw new ConflictError('A different check already uses this checkId; choose a new one.');
  }
  // Starting again after a retry is safe: the execution name is the check id.
  await deps.workflow.start(stored.checkId);
  return stored;
}

export async function confirmCheck(
  deps: { store: SystemCheckStore; workflow: Workflow; now: () => Date },
  checkId: string,
  code: string,
): Promise<SystemCheck> {
  const check = await deps.store.get(checkId);
  if (!check) throw new NotFoundError('There is no system check with this id.');
  const now = deps.now().toISOString();
  if (check.status === 'expired') throw new GoneError('This check has expired; start a new one.');
  if (check.status !== 'waiting' || !check.codeHash || !check.taskToken) {
    throw new ConflictError(`This check cannot be confirmed: it is ${check.status}.`);
  }
  if (check.failedAttempts >= MAX_CODE_ATTEMPTS) {
    throw new ConflictError('Too many wrong codes were entered for this check; start a new one.');
  }
  if (!codeMatches(code, check.codeHash)) {
    await deps.store.recordFailedAttempt(checkId, now);
    throw new ValidationError([{ field: 'code', message: 'does not match the code in the e-mail' }]);
  }
  await deps.workflow.resume(check.taskToken, { confirmedAt: now });
  await deps.store.markConfirmed(checkId, now);
  return { ...check, status: 'confirmed', updatedAt: now };
}
