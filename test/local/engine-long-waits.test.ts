import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalStepFunctions } from '../../infra/local/stepfunctions/engine.ts';
import { ExecutionStore } from '../../infra/local/stepfunctions/store.ts';

/**
 * Durations up to a year, on fake timers: Node caps a single setTimeout at 24.8 days, so these
 * once ended at once. Each deadline must fire exactly on time, also across a restart.
 */
const SECOND = 1000;
const DAY = 86_400 * SECOND;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const arn = (name: string) => `arn:aws:lambda:eu-central-1:000000000000:function:${name}`;

const calls: { fn: string; at: number; payload: Record<string, unknown> }[] = [];
let failuresLeft = 0;
const invoke = async (name: string, payload: unknown) => {
  const fn = name.split(':').at(-1) ?? '';
  calls.push({ fn, at: Date.now(), payload: payload as Record<string, unknown> });
  if (fn === 'flaky' && failuresLeft-- > 0)
    throw Object.assign(new Error('busy'), { name: 'MailDeliveryError' });
  return { ok: true };
};

const park = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: arn('park'), Payload: { 'token.$': '$$.Task.Token' } },
  ResultPath: '$.answer',
  ...extra,
});
const done = (fn = 'after') => ({
  Type: 'Task',
  Resource: arn(fn),
  ResultPath: '$.after',
  End: true,
});

const machines: Record<string, object> = {
  yearLong: { TimeoutSeconds: 365 * 86_400, StartAt: 'Ask', States: { Ask: { ...park(), End: true } } },
  waitSeconds: {
    StartAt: 'Pause',
    States: { Pause: { Type: 'Wait', Seconds: 30 * 86_400, Next: 'After' }, After: done() },
  },
  waitSecondsPath: {
    StartAt: 'Pause',
    States: { Pause: { Type: 'Wait', SecondsPath: '$.wait', Next: 'After' }, After: done() },
  },
  waitTimestamp: {
    StartAt: 'Pause',
    States: { Pause: { Type: 'Wait', Timestamp: '2026-02-10T00:00:00Z', Next: 'After' }, After: done() },
  },
  waitTimestampPath: {
    StartAt: 'Pause',
    States: {
      Pause: { Type: 'Wait', TimestampPath: '$.until', OutputPath: '$.keep', Next: 'After' },
      After: done(),
    },
  },
  callbackTimeout: {
    TimeoutSeconds: 365 * 86_400,
    StartAt: 'Ask',
    States: {
      Ask: {
        ...park({ TimeoutSecondsPath: '$.seconds' }),
        Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'After' }],
        Next: 'After',
      },
      After: done(),
    },
  },
  retryLong: {
    StartAt: 'Send',
    States: {
      Send: {
        Type: 'Task',
        Resource: arn('flaky'),
        Retry: [
          {
            ErrorEquals: ['MailDeliveryError'],
            IntervalSeconds: 10 * 86_400,
            BackoffRate: 2,
            MaxAttempts: 2,
          },
        ],
        End: true,
      },
    },
  },
};

let dir: string;
let engine: LocalStepFunctions;
let warnings: string[];
const onWarning = (warning: Error) => warnings.push(warning.name);

function startEngine(timeScale = 1) {
  engine = new LocalStepFunctions({
    region: 'eu-central-1',
    accountId: '000000000000',
    store: new ExecutionStore(dir),
    invoke,
    timeScale,
  });
  const arns: Record<string, string> = {};
  for (const [name, definition] of Object.entries(machines)) {
    arns[name] = engine.createStateMachine({ name, definition: JSON.stringify(definition) }).stateMachineArn;
  }
  return arns;
}

/** Lets promises, immediates and zero-delay timers run without moving the clock. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
};
const advance = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
};
const status = (executionArn: string) => engine.describeExecution(executionArn).status;
const callsOf = (fn: string) => calls.filter((c) => c.fn === fn);

/** "At once": Node (and the fake clock) runs a zero-delay timer after 1 ms; allow a few. */
const AT_ONCE_MS = 5;
const atOnce = (at: number | undefined, due: number) => {
  expect(at).toBeGreaterThanOrEqual(due);
  expect(at).toBeLessThanOrEqual(due + AT_ONCE_MS);
};

/** Stops the engine as a crash or Ctrl-C would, and starts a new one on the same store. */
async function restartAt(at: number, timeScale = 1) {
  await engine.shutdown();
  vi.setSystemTime(at);
  const arns = startEngine(timeScale);
  engine.resumeAll();
  await settle();
  return arns;
}

beforeEach(() => {
  vi.useFakeTimers({
    now: T0,
    toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'],
  });
  dir = mkdtempSync(join(tmpdir(), 'lotse-long-'));
  calls.length = 0;
  failuresLeft = 0;
  warnings = [];
  process.on('warning', onWarning);
});

afterEach(async () => {
  await engine.shutdown();
  process.off('warning', onWarning);
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
  expect(warnings).not.toContain('TimeoutOverflowWarning');
});

describe('the local engine keeps long deadlines', () => {
  it('times a one-year execution out exactly after a year, while a callback without timeout waits', async () => {
    const arns = startEngine();
    const { executionArn } = engine.startExecution({ stateMachineArn: arns.yearLong as string });
    await settle();
    await advance(300 * DAY);
    expect(status(executionArn)).toBe('RUNNING');
    // A callback task without TimeoutSeconds waits until the execution ends (not 23.1 days).
    const token = String(callsOf('park')[0]?.payload.token);
    expect(() => engine.sendTaskHeartbeat({ taskToken: token })).not.toThrow();
    await advance(65 * DAY - SECOND);
    expect(status(executionArn)).toBe('RUNNING');
    await advance(SECOND);
    const execution = engine.describeExecution(executionArn);
    expect(execution.status).toBe('TIMED_OUT');
    expect(execution.stopDate?.getTime()).toBe(T0 + 365 * DAY);
  });

  it('answers a callback on day 300 of a one-year execution', async () => {
    const arns = startEngine();
    const { executionArn } = engine.startExecution({ stateMachineArn: arns.yearLong as string });
    await settle();
    await advance(300 * DAY);
    engine.sendTaskSuccess({ taskToken: String(callsOf('park')[0]?.payload.token), output: '{"ok":1}' });
    await settle();
    expect(status(executionArn)).toBe('SUCCEEDED');
  });

  it.each([
    ['waitSeconds', {}, 30 * DAY],
    ['waitSecondsPath', { wait: 40 * 86_400 }, 40 * DAY],
    ['waitTimestamp', {}, Date.parse('2026-02-10T00:00:00Z') - T0],
    [
      'waitTimestampPath',
      { until: '2026-03-02T12:00:00Z', keep: { id: 7 } },
      Date.parse('2026-03-02T12:00:00Z') - T0,
    ],
  ])('ends a %s Wait state exactly at its time', async (machine, input, after) => {
    const arns = startEngine();
    const { executionArn } = engine.startExecution({
      stateMachineArn: arns[machine] as string,
      input: JSON.stringify(input),
    });
    await settle();
    await advance(after - SECOND);
    expect(callsOf('after')).toHaveLength(0);
    await advance(SECOND);
    expect(callsOf('after').map((c) => c.at)).toEqual([T0 + after]);
    expect(status(executionArn)).toBe('SUCCEEDED');
    const history = engine.getExecutionHistory({ executionArn }).events.map((e) => e.type);
    expect(history).toContain('WaitStateEntered');
    expect(history).toContain('WaitStateExited');
  });

  it('keeps OutputPath on a Wait state', async () => {
    const arns = startEngine();
    const { executionArn } = engine.startExecution({
      stateMachineArn: arns.waitTimestampPath as string,
      input: JSON.stringify({ until: '2026-01-02T00:00:00Z', keep: { id: 7 } }),
    });
    await settle();
    await advance(DAY);
    expect(JSON.parse(engine.describeExecution(executionArn).output ?? '{}')).toEqual({
      id: 7,
      after: { ok: true },
    });
  });

  it('times a 60-day callback wait out exactly at day 60 (TimeoutSecondsPath)', async () => {
    const arns = startEngine();
    const { executionArn } = engine.startExecution({
      stateMachineArn: arns.callbackTimeout as string,
      input: JSON.stringify({ seconds: 60 * 86_400 }),
    });
    await settle();
    await advance(60 * DAY - SECOND);
    expect(callsOf('after')).toHaveLength(0);
    await advance(SECOND);
    expect(callsOf('after').map((c) => c.at)).toEqual([T0 + 60 * DAY]);
    expect(JSON.parse(engine.describeExecution(executionArn).output ?? '{}').timeout.Error).toBe(
      'States.Timeout',
    );
  });

  it('backs off retries by IntervalSeconds × BackoffRate, even for weeks', async () => {
    failuresLeft = 2;
    const arns = startEngine();
    const { executionArn } = engine.startExecution({ stateMachineArn: arns.retryLong as string });
    await settle();
    await advance(30 * DAY);
    expect(callsOf('flaky').map((c) => (c.at - T0) / DAY)).toEqual([0, 10, 30]);
    expect(status(executionArn)).toBe('SUCCEEDED');
  });

  it('scales every kind of wait by the time scale', async () => {
    const arns = startEngine(0.001);
    engine.startExecution({
      stateMachineArn: arns.waitSecondsPath as string,
      input: JSON.stringify({ wait: 30 * 86_400 }),
    });
    engine.startExecution({ stateMachineArn: arns.waitTimestamp as string });
    await settle();
    await advance(3_456 * SECOND);
    expect(callsOf('after').map((c) => c.at - T0)).toEqual([2_592 * SECOND, 3_456 * SECOND]);
  });
});

describe('long deadlines across a restart', () => {
  it('wakes a 30-day Wait on day 30 when restarted on day 12, not on day 12 or 42', async () => {
    const arns = startEngine();
    engine.startExecution({ stateMachineArn: arns.waitSeconds as string });
    await settle();
    await advance(10 * DAY);
    await restartAt(T0 + 12 * DAY);
    await advance(18 * DAY - SECOND);
    expect(callsOf('after')).toHaveLength(0);
    await advance(SECOND);
    expect(callsOf('after').map((c) => c.at)).toEqual([T0 + 30 * DAY]);
  });

  it('wakes a Wait at once when restarted after its due time', async () => {
    const arns = startEngine();
    engine.startExecution({
      stateMachineArn: arns.waitSecondsPath as string,
      input: JSON.stringify({ wait: 40 * 86_400 }),
    });
    await settle();
    await advance(5 * DAY);
    await restartAt(T0 + 50 * DAY);
    await advance(AT_ONCE_MS);
    expect(callsOf('after')).toHaveLength(1);
    atOnce(callsOf('after')[0]?.at, T0 + 50 * DAY);
  });

  it('times a 60-day callback out on time after a restart, and at once when restarted late', async () => {
    let arns = startEngine();
    const onTime = engine.startExecution({
      stateMachineArn: arns.callbackTimeout as string,
      input: JSON.stringify({ seconds: 60 * 86_400 }),
      name: 'on-time',
    });
    await settle();
    await advance(20 * DAY);
    arns = await restartAt(T0 + 21 * DAY);
    await advance(39 * DAY - SECOND);
    expect(status(onTime.executionArn)).toBe('RUNNING');
    await advance(SECOND);
    expect(callsOf('after').map((c) => c.at)).toEqual([T0 + 60 * DAY]);
    expect(callsOf('park')).toHaveLength(1); // the wait was picked up, its function not called again

    const late = engine.startExecution({
      stateMachineArn: arns.callbackTimeout as string,
      input: JSON.stringify({ seconds: 60 * 86_400 }),
      name: 'late',
    });
    await settle();
    await restartAt(T0 + 200 * DAY);
    await advance(AT_ONCE_MS);
    expect(status(late.executionArn)).toBe('SUCCEEDED');
    atOnce(callsOf('after').at(-1)?.at, T0 + 200 * DAY);
  });

  it('times a one-year execution out at once when restarted after its deadline', async () => {
    const arns = startEngine();
    const { executionArn } = engine.startExecution({ stateMachineArn: arns.yearLong as string });
    await settle();
    await restartAt(T0 + 400 * DAY);
    await advance(AT_ONCE_MS);
    expect(status(executionArn)).toBe('TIMED_OUT');
    atOnce(engine.describeExecution(executionArn).stopDate?.getTime(), T0 + 400 * DAY);
  });

  it('waits out the rest of a retry back-off after a restart instead of calling again at once', async () => {
    failuresLeft = 1;
    const arns = startEngine();
    const { executionArn } = engine.startExecution({ stateMachineArn: arns.retryLong as string });
    await settle();
    await advance(3 * DAY);
    await restartAt(T0 + 4 * DAY);
    await advance(6 * DAY - SECOND);
    expect(callsOf('flaky')).toHaveLength(1);
    await advance(SECOND);
    expect(callsOf('flaky').map((c) => (c.at - T0) / DAY)).toEqual([0, 10]);
    expect(status(executionArn)).toBe('SUCCEEDED');
  });
});
