import { describe, expect, it } from 'vitest';
import type { PendingSubmission } from '../../functions/shared/adapters/submission-store.ts';
import {
  isPermanentStartError,
  isThrottling,
  nextStartError,
  RETRY_MAX_MS,
  UnknownWorkflowError,
} from '../../functions/shared/domain/workflow-start.ts';
import { type DrainDeps, drainPending } from '../../functions/submission-workflow-redrive/drain.ts';
import {
  startExecutionQuota,
  TokenBucket,
} from '../../functions/submission-workflow-redrive/token-bucket.ts';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, ...extra });

describe('telling permanent from transient start errors', () => {
  it('treats a missing or refused state machine, name or input as permanent', () => {
    for (const name of ['StateMachineDoesNotExist', 'InvalidArn', 'InvalidExecutionInput', 'InvalidName']) {
      expect(isPermanentStartError(named(name))).toBe(true);
    }
    expect(isPermanentStartError(new UnknownWorkflowError('no such workflow'))).toBe(true);
    expect(isPermanentStartError(named('ValidationException'))).toBe(true);
  });

  it('treats throttling, 5xx and network errors as transient', () => {
    for (const error of [
      named('ThrottlingException', { $metadata: { httpStatusCode: 400 } }),
      named('ServiceUnavailable', { $fault: 'server' }),
      named('InternalFailure'),
      named('ECONNREFUSED'),
      named('TimeoutError'),
    ]) {
      expect(isPermanentStartError(error)).toBe(false);
    }
    expect(isThrottling(named('ThrottlingException'))).toBe(true);
    expect(isThrottling(named('Whatever', { $metadata: { httpStatusCode: 429 } }))).toBe(true);
    expect(isThrottling(named('InternalFailure'))).toBe(false);
  });
});

describe('the back-off of a recorded start failure', () => {
  it('waits 5 minutes, then doubles, capped at 6 hours, and keeps when it first failed', () => {
    const first = new Date('2026-01-01T00:00:00.000Z');
    let recorded = nextStartError(undefined, named('StateMachineDoesNotExist'), first);
    expect(recorded).toMatchObject({ name: 'StateMachineDoesNotExist', attempts: 1 });
    expect(recorded.nextAttemptAt).toBe('2026-01-01T00:05:00.000Z');
    const delays: number[] = [];
    let now = first;
    for (let i = 0; i < 10; i++) {
      now = new Date(recorded.nextAttemptAt);
      const next = nextStartError(recorded, named('StateMachineDoesNotExist'), now);
      delays.push((Date.parse(next.nextAttemptAt) - now.getTime()) / 60_000);
      recorded = next;
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 320, 360, 360, 360, 360]);
    expect(recorded.firstFailedAt).toBe(first.toISOString());
    expect(recorded.attempts).toBe(11);
    expect(RETRY_MAX_MS).toBe(6 * 3_600_000);
  });

  it('keeps a bounded message', () => {
    const long = Object.assign(new Error('x'.repeat(5000)), { name: 'InvalidExecutionInput' });
    expect(nextStartError(undefined, long, new Date()).message).toHaveLength(300);
  });
});

describe('the StartExecution token bucket', () => {
  it('lets the burst through at once, then the refill rate', async () => {
    let clock = 0;
    const bucket = new TokenBucket(
      5,
      10,
      () => clock,
      async (ms) => {
        clock += ms;
      },
    );
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock).toBe(0);
    for (let i = 0; i < 10; i++) await bucket.take();
    expect(clock).toBeGreaterThanOrEqual(1000);
    expect(clock).toBeLessThan(1100);
    bucket.empty();
    const before = clock;
    await bucket.take();
    expect(clock - before).toBeGreaterThanOrEqual(100);
  });

  it('uses the documented quota of the Region', () => {
    expect(startExecutionQuota('eu-west-1')).toEqual({ burst: 1300, perSecond: 300 });
    expect(startExecutionQuota('eu-central-1')).toEqual({ burst: 800, perSecond: 150 });
  });
});

const pending = (n: number, workflow = 'submission-received') =>
  Array.from(
    { length: n },
    (_, i) => ({ submissionId: `s-${String(i).padStart(4, '0')}`, workflow }) as unknown as PendingSubmission,
  );

/** Pending submissions in pages, a Step Functions that refuses some and throttles others, and a clock. */
function fakeDeps(items: PendingSubmission[], pageSize: number, behaviour: Partial<DrainDeps> = {}) {
  const started: string[] = [];
  const recorded: string[] = [];
  const pages = (from: number) => ({
    submissions: items.slice(from, from + pageSize),
    ...(from + pageSize < items.length ? { nextKey: { from: from + pageSize } } : {}),
  });
  const deps: DrainDeps = {
    listPage: async (key) => pages((key?.from as number) ?? 0),
    countFrom: async (key) => items.length - (key.from as number),
    start: async (submission) => {
      started.push(submission.submissionId);
    },
    recordFailure: async (submission) => {
      recorded.push(submission.submissionId);
    },
    remainingMs: () => 60_000,
    sleep: async () => {},
    ...behaviour,
  };
  return { deps, started, recorded };
}

const options = (bucket = new TokenBucket(1e9, 1e9)) => ({
  bucket,
  concurrency: 8,
  stopBeforeEndMs: 5_000,
  throttleRetries: 5,
});

describe('draining pending submissions', () => {
  it('follows every page, not just the first', async () => {
    const { deps, started } = fakeDeps(pending(345), 100);
    const report = await drainPending(deps, options());
    expect(report).toEqual({ started: 345, failed: 0, poisoned: 0, remaining: 0 });
    expect(new Set(started).size).toBe(345);
  });

  it('records a poisoned submission and goes on with every other one', async () => {
    const items = [...pending(150, 'submision-received').slice(0, 120), ...pending(250).slice(120)];
    const { deps, started, recorded } = fakeDeps(items, 100, {
      start: async (submission) => {
        if (submission.workflow !== 'submission-received') throw new UnknownWorkflowError('no machine');
        started.push(submission.submissionId);
      },
    });
    const report = await drainPending(deps, options());
    expect(report).toEqual({ started: 130, failed: 0, poisoned: 120, remaining: 120 });
    expect(recorded).toHaveLength(120);
  });

  it('backs off when throttled and still starts everything', async () => {
    let throttles = 20;
    const sleeps: number[] = [];
    const { deps, started } = fakeDeps(pending(200), 100, {
      start: async (submission) => {
        if (throttles-- > 0) throw named('ThrottlingException');
        started.push(submission.submissionId);
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const report = await drainPending(deps, { ...options(), throttleRetries: 20 });
    expect(report).toEqual({ started: 200, failed: 0, poisoned: 0, remaining: 0 });
    expect(sleeps.length).toBe(20);
  });

  it('counts a start that stays throttled or fails transiently as failed, not poisoned', async () => {
    const { deps, recorded } = fakeDeps(pending(3), 100, {
      start: async (submission) => {
        throw named(submission.submissionId === 's-0000' ? 'ThrottlingException' : 'ServiceUnavailable');
      },
    });
    const report = await drainPending(deps, options());
    expect(report).toEqual({ started: 0, failed: 3, poisoned: 0, remaining: 3 });
    expect(recorded).toEqual([]);
  });

  it('stops before the function times out and reports what is left', async () => {
    let left = 60_000;
    const { deps } = fakeDeps(pending(1000), 100, {
      start: async () => {
        left -= 100;
      },
      remainingMs: () => left,
    });
    const report = await drainPending(deps, options());
    expect(report.started).toBeGreaterThan(500);
    expect(report.started).toBeLessThan(560);
    expect(report.started + report.remaining).toBe(1000);
    expect(report.failed + report.poisoned).toBe(0);
  });
});
