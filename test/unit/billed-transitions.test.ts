import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { billedTransitions } from '../../infra/local/stepfunctions/billing.ts';
import { LocalStepFunctions } from '../../infra/local/stepfunctions/engine.ts';
import { ExecutionStore } from '../../infra/local/stepfunctions/store.ts';
import { eventually } from '../support/poll.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lotse-billing-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

let attempts = 0;
const engine = new LocalStepFunctions({
  region: 'eu-central-1',
  accountId: '000000000000',
  store: new ExecutionStore(dataDir),
  timeScale: 0.001,
  invoke: async () => {
    attempts += 1;
    // Fails once, so the retry is billed as one more transition.
    if (attempts === 1) throw Object.assign(new Error('busy'), { name: 'MailDeliveryError' });
    return { ok: true };
  },
});

/** Pass → Choice → Task (one retry) → Map over two items of one Pass each → Succeed. */
const definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: { items: [1, 2], go: true }, Next: 'Decide' },
    Decide: {
      Type: 'Choice',
      Choices: [{ Variable: '$.go', BooleanEquals: true, Next: 'Work' }],
      Default: 'Done',
    },
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'arn:aws:lambda:eu-central-1:000000000000:function:lotse-work' },
      ResultPath: null,
      Retry: [{ ErrorEquals: ['MailDeliveryError'], IntervalSeconds: 1, MaxAttempts: 2 }],
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      Iterator: { StartAt: 'One', States: { One: { Type: 'Pass', End: true } } },
      ResultPath: null,
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

describe('billed state transitions', () => {
  it('counts every state entered, inside a Map too, and every retry, as Standard workflows are billed', async () => {
    const { stateMachineArn } = engine.createStateMachine({
      name: 'billing',
      definition: JSON.stringify(definition),
    });
    const { executionArn } = engine.startExecution({ stateMachineArn, input: '{}' });
    await eventually(() =>
      engine.describeExecution(executionArn).status === 'SUCCEEDED' ? true : undefined,
    );
    const { events } = engine.getExecutionHistory({ executionArn });
    // Prepare, Decide, Work, its retry, Each, One ×2, Done.
    expect(billedTransitions(events)).toBe(8);
    await engine.shutdown();
  });

  it('does not count the start and the end of an execution', () => {
    expect(billedTransitions([{ type: 'ExecutionStarted' }, { type: 'ExecutionSucceeded' }])).toBe(0);
  });
});
