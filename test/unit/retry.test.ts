import { describe, expect, it } from 'vitest';
import { nextRetry } from '../../infra/local/stepfunctions/retry.ts';

const error = (name: string) => Object.assign(new Error(name), { name });

describe('Retry as Step Functions applies it', () => {
  it('backs off by IntervalSeconds × BackoffRate^attempt up to MaxDelaySeconds, then gives up', () => {
    const retriers = [
      { ErrorEquals: ['Busy'], IntervalSeconds: 10, BackoffRate: 3, MaxAttempts: 4, MaxDelaySeconds: 60 },
    ];
    const attempts = [0];
    const delays = [1, 2, 3, 4, 5].map(() => nextRetry(retriers, attempts, error('Busy'))?.delayMs);
    expect(delays).toEqual([10_000, 30_000, 60_000, 60_000, undefined]);
  });

  it('uses the defaults of the spec: 1 s, rate 2, three attempts', () => {
    const attempts = [0];
    const delays = [1, 2, 3, 4].map(
      () => nextRetry([{ ErrorEquals: ['States.ALL'] }], attempts, error('X'))?.delayMs,
    );
    expect(delays).toEqual([1000, 2000, 4000, undefined]);
  });

  it('draws FULL jitter from zero to the delay', () => {
    const retriers = [{ ErrorEquals: ['Busy'], IntervalSeconds: 8, JitterStrategy: 'FULL' as const }];
    expect(nextRetry(retriers, [0], error('Busy'), () => 0.25)?.delayMs).toBe(2000);
  });

  it('lets the first matching retrier decide and counts attempts per retrier', () => {
    const retriers = [
      { ErrorEquals: ['Busy'], MaxAttempts: 1, IntervalSeconds: 1 },
      { ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2, IntervalSeconds: 5 },
    ];
    const attempts = [0, 0];
    expect(nextRetry(retriers, attempts, error('Busy'))?.delayMs).toBe(1000);
    expect(nextRetry(retriers, attempts, error('Busy'))).toBeUndefined();
    expect(nextRetry(retriers, attempts, error('Other'))?.delayMs).toBe(5000);
    expect(attempts).toEqual([1, 1]);
  });

  it('matches the wildcards as AWS does', () => {
    const only = (pattern: string, name: string) =>
      nextRetry([{ ErrorEquals: [pattern] }], [0], error(name)) !== undefined;
    expect(only('States.TaskFailed', 'MailDeliveryError')).toBe(true);
    expect(only('States.TaskFailed', 'States.Timeout')).toBe(false);
    expect(only('States.Timeout', 'States.HeartbeatTimeout')).toBe(true);
    expect(only('States.ALL', 'States.Timeout')).toBe(true);
    expect(only('States.ALL', 'States.Runtime')).toBe(false);
    expect(only('MaxAttempts', 'Other')).toBe(false);
    expect(nextRetry([{ ErrorEquals: ['X'], MaxAttempts: 0 }], [0], error('X'))).toBeUndefined();
  });
});
