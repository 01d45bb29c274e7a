import type { Retrier } from './prepare-definition.ts';

/**
 * A task state's Retry field as Step Functions applies it: the first retrier whose ErrorEquals
 * matches decides; each retrier counts its own attempts; the delay is IntervalSeconds ×
 * BackoffRate^attempts, capped at MaxDelaySeconds, with FULL jitter drawn from [0, delay].
 * Returns undefined when the error is not retried (then Catch applies). Counts in `attempts` are
 * updated in place. The engine runs this instead of the library so that the back-off can be
 * scaled and survive a restart.
 */
export function nextRetry(
  retriers: readonly Retrier[] | undefined,
  attempts: number[],
  error: unknown,
  random: () => number = Math.random,
): { delayMs: number; attempt: number } | undefined {
  const name = error instanceof Error ? error.name : 'Error';
  const index = (retriers ?? []).findIndex((retrier) => retrier.ErrorEquals.some((e) => matches(e, name)));
  const retrier = retriers?.[index];
  if (!retrier) return undefined;
  const used = attempts[index] ?? 0;
  if (used >= (retrier.MaxAttempts ?? 3)) return undefined;
  attempts[index] = used + 1;
  let seconds = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** used;
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds *= random();
  return { delayMs: seconds * 1000, attempt: used + 1 };
}

const TIMEOUTS = new Set(['States.Timeout', 'States.HeartbeatTimeout']);

/** ErrorEquals semantics, including the wildcards (States.Runtime is never retried, as on AWS). */
function matches(pattern: string, name: string): boolean {
  if (name === 'States.Runtime') return false;
  if (pattern === 'States.ALL') return true;
  if (pattern === 'States.TaskFailed') return !TIMEOUTS.has(name);
  if (pattern === 'States.Timeout') return TIMEOUTS.has(name);
  return pattern === name;
}
