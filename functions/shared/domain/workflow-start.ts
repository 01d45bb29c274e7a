/**
 * Why a submission's workflow did not start, and when to try again. A permanent failure (a form
 * naming a workflow that does not exist, a refused input) cannot succeed by retrying at once, so it
 * is recorded on the submission and retried rarely, instead of blocking the submissions behind it.
 * Everything here is ids, error names and times: never personal data.
 */
export interface WorkflowStartError {
  /** The error's name, e.g. `StateMachineDoesNotExist` or `UnknownWorkflowError`. */
  readonly name: string;
  readonly message: string;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly nextAttemptAt: string;
}

/** A form names a workflow this deployment has no state machine for. */
export class UnknownWorkflowError extends Error {
  override readonly name = 'UnknownWorkflowError';
}

/**
 * Errors that the same request will meet again: Step Functions' client errors about the machine,
 * the name or the input. Throttling, 5xx and network errors are not here: they pass.
 */
const permanentNames = new Set([
  'UnknownWorkflowError',
  'StateMachineDoesNotExist',
  'StateMachineDeleting',
  'InvalidArn',
  'InvalidExecutionInput',
  'InvalidName',
  'ValidationException',
  'AccessDeniedException',
]);

export function isPermanentStartError(error: unknown): boolean {
  return error instanceof Error && permanentNames.has(error.name);
}

export function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return /Throttl|TooManyRequests|RequestLimitExceeded/.test(error.name) || status === 429;
}

/** The first retry after 5 minutes (one redrive period), doubling up to 6 hours. */
export const RETRY_FIRST_MS = 5 * 60_000;
export const RETRY_MAX_MS = 6 * 60 * 60_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1));
}

/** The error to record after one more failed attempt. */
export function nextStartError(
  previous: WorkflowStartError | undefined,
  error: Error,
  now: Date,
): WorkflowStartError {
  const attempts = (previous?.attempts ?? 0) + 1;
  return {
    name: error.name,
    // Bounded: an AWS message names ARNs and limits, but an item should not grow with it.
    message: error.message.slice(0, 300),
    attempts,
    firstFailedAt: previous?.firstFailedAt ?? now.toISOString(),
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
  };
}
