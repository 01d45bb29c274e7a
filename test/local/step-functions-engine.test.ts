import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import { LocalStepFunctions } from '../../infra/local/stepfunctions/engine.ts';
import { startStepFunctionsServer } from '../../infra/local/stepfunctions/server.ts';
import { ExecutionStore } from '../../infra/local/stepfunctions/store.ts';
import { eventually } from '../support/poll.ts';

/** Local "Lambda functions" for the fixtures: they record calls and hand tokens to the test. */
const tokens: string[] = [];
const calls: Record<string, number> = {};
const functions: Record<string, (payload: { token: string; id: string }) => Promise<unknown>> = {
  park: async (payload) => {
    tokens.push(payload.token);
    return { parked: true };
  },
  flaky: async (payload) => {
    const attempts = (calls[payload.id] ?? 0) + 1;
    calls[payload.id] = attempts;
    if (attempts < 3) throw Object.assign(new Error('mail server busy'), { name: 'MailDeliveryError' });
    return { attempts };
  },
  broken: async () => {
    throw Object.assign(new Error('no such thing'), { name: 'NotFound' });
  },
};

const arn = (name: string) => `arn:aws:lambda:eu-central-1:000000000000:function:${name}`;
const callback = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: arn('park'), Payload: { 'token.$': '$$.Task.Token', 'id.$': '$.id' } },
  ResultPath: '$.answer',
  ...extra,
});

const definitions: Record<string, object> = {
  callback: { StartAt: 'Wait', States: { Wait: { ...callback(), End: true } } },
  timeouts: {
    StartAt: 'Ask',
    States: {
      Ask: {
        ...callback({ TimeoutSeconds: 100000, HeartbeatSeconds: 10000 }),
        Catch: [
          { ErrorEquals: ['States.HeartbeatTimeout'], ResultPath: '$.failure', Next: 'NoHeartbeat' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.failure', Next: 'Expired' },
        ],
        End: true,
      },
      NoHeartbeat: { Type: 'Pass', Result: 'heartbeat', ResultPath: '$.outcome', End: true },
      Expired: { Type: 'Pass', Result: 'expired', ResultPath: '$.outcome', End: true },
    },
  },
  reminder: {
    StartAt: 'WaitAnHour',
    States: {
      WaitAnHour: { Type: 'Wait', Seconds: 3600, Next: 'Done' },
      Done: { Type: 'Pass', Result: 'reminded', ResultPath: '$.outcome', End: true },
    },
  },
  retry: {
    StartAt: 'Send',
    States: {
      Send: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: arn('flaky'), 'Payload.$': '$' },
        OutputPath: '$.Payload',
        Retry: [{ ErrorEquals: ['MailDeliveryError'], IntervalSeconds: 60, MaxAttempts: 3, BackoffRate: 2 }],
        End: true,
      },
    },
  },
  failing: {
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: arn('broken') },
        End: true,
      },
    },
  },
};

let dir: string;
let server: Server;
let engine: LocalStepFunctions;
let sfn: SFNClient;
const machineArn: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lotse-sfn-'));
  engine = new LocalStepFunctions({
    region: 'eu-central-1',
    accountId: '000000000000',
    store: new ExecutionStore(dir),
    timeScale: 0.0001, // a day becomes under 9 seconds, an hour 0.36 s
    invoke: async (name, payload) => {
      const fn = functions[name.split(':').at(-1) ?? ''];
      if (!fn) throw new Error(`unknown function ${name}`);
      return fn(payload as { token: string; id: string });
    },
  });
  const port = await freePort();
  server = await startStepFunctionsServer(engine, '127.0.0.1', port);
  sfn = new SFNClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  for (const [name, definition] of Object.entries(definitions)) {
    const created = await sfn.send(
      new CreateStateMachineCommand({
        name,
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::000000000000:role/x',
      }),
    );
    machineArn[name] = created.stateMachineArn ?? '';
  }
});

afterAll(async () => {
  await engine.shutdown();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(machine: string, input: object, name?: string) {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: machineArn[machine],
      input: JSON.stringify(input),
      ...(name ? { name } : {}),
    }),
  );
  return executionArn as string;
}

const finished = (executionArn: string) =>
  eventually(
    async () => {
      const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      return execution.status === 'RUNNING' ? undefined : execution;
    },
    { what: `execution ${executionArn} to finish` },
  );

const nextToken = async (before: number) => eventually(() => tokens[before], { what: 'a task token' });

describe('local Step Functions engine', () => {
  it('hands each waiting task a unique token and resumes with the output sent for it', async () => {
    const before = tokens.length;
    const first = await start('callback', { id: 'a' });
    const second = await start('callback', { id: 'b' });
    const [tokenA, tokenB] = [await nextToken(before), await nextToken(before + 1)];
    expect(tokenA).not.toEqual(tokenB);
    expect(tokenA.length).toBeGreaterThan(40);
    await sfn.send(
      new SendTaskSuccessCommand({ taskToken: tokenB, output: JSON.stringify({ decision: 'approve' }) }),
    );
    await sfn.send(
      new SendTaskFailureCommand({ taskToken: tokenA, error: 'Rejected', cause: 'not suitable' }),
    );
    const [a, b] = [await finished(first), await finished(second)];
    expect(b.status).toBe('SUCCEEDED');
    expect(JSON.parse(b.output ?? '{}').answer).toEqual({ decision: 'approve' });
    expect(a.status).toBe('FAILED');
    expect(a.error).toBe('Rejected');
  });

  it('refuses unknown tokens and tokens whose task is over', async () => {
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'forged', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
    const before = tokens.length;
    await finished(
      await start('callback', { id: 'c' }).then(async (execution) => {
        await sfn.send(new SendTaskSuccessCommand({ taskToken: await nextToken(before), output: '{}' }));
        return execution;
      }),
    );
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: tokens[before] as string, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('fails a task with States.HeartbeatTimeout when heartbeats stop, and keeps it alive while they come', async () => {
    const before = tokens.length;
    const execution = await start('timeouts', { id: 'hb' });
    const token = await nextToken(before);
    // HeartbeatSeconds 10000 scales to 1 s: beat every 250 ms for 2 s (each beat must be accepted,
    // so the task outlived its first heartbeat window), then stop.
    for (let i = 0; i < 8; i++) {
      await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const result = await finished(execution);
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output ?? '{}').outcome).toBe('heartbeat');
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: execution }));
    expect(history.events?.filter((e) => e.type === 'TaskSubmitted')).toHaveLength(1);
  });

  it('times a task out after TimeoutSeconds and takes the Catch path', async () => {
    const fast = {
      StartAt: 'Ask',
      States: {
        Ask: {
          ...callback({ TimeoutSeconds: 2000 }),
          Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.failure', Next: 'Expired' }],
          End: true,
        },
        Expired: { Type: 'Pass', Result: 'expired', ResultPath: '$.outcome', End: true },
      },
    };
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'fast-timeout',
        definition: JSON.stringify(fast),
        roleArn: 'arn:aws:iam::0:role/x',
      }),
    );
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"id":"t"}' }),
    );
    const result = await finished(executionArn as string);
    expect(JSON.parse(result.output ?? '{}')).toMatchObject({
      outcome: 'expired',
      failure: { Error: 'States.Timeout' },
    });
  });

  it('reads a callback timeout from the input with TimeoutSecondsPath', async () => {
    const definition = {
      StartAt: 'Ask',
      States: {
        Ask: {
          ...callback({ TimeoutSecondsPath: '$.settings.reminderSeconds' }),
          Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.failure', Next: 'Remind' }],
          End: true,
        },
        Remind: { Type: 'Pass', Result: 'reminded', ResultPath: '$.outcome', End: true },
      },
    };
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'path-timeout',
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::0:role/x',
      }),
    );
    const started = Date.now();
    // 3000 s at 1/10000 is 300 ms.
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        input: JSON.stringify({ id: 'p', settings: { reminderSeconds: 3000 } }),
      }),
    );
    const result = await finished(executionArn as string);
    expect(JSON.parse(result.output ?? '{}').outcome).toBe('reminded');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('shortens Wait states by the time scale, but still waits', async () => {
    const started = Date.now();
    const result = await finished(await start('reminder', {}));
    expect(result.status).toBe('SUCCEEDED');
    // An hour at 1/10000 is 360 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(340);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('retries a failing function as the Retry field says, then succeeds', async () => {
    const result = await finished(await start('retry', { id: 'r1' }));
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output ?? '{}')).toEqual({ attempts: 3 });
  });

  it('fails the execution with the function error name and its cause', async () => {
    const result = await finished(await start('failing', {}));
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('NotFound');
    expect(result.cause).toContain('no such thing');
  });

  it('treats a repeated start with the same name and input as the same execution, and refuses other input', async () => {
    const first = await start('callback', { id: 'same' }, 'same-name');
    const again = await start('callback', { id: 'same' }, 'same-name');
    expect(again).toBe(first);
    await expect(start('callback', { id: 'other' }, 'same-name')).rejects.toBeInstanceOf(
      ExecutionAlreadyExists,
    );
    await sfn.send(new StopExecutionCommand({ executionArn: first, error: 'Test', cause: 'cleanup' }));
    expect((await finished(first)).status).toBe('ABORTED');
  });
});
