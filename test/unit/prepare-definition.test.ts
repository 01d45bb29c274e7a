import { describe, expect, it } from 'vitest';
import {
  insertTaskToken,
  prepareDefinition,
  TASK_TOKEN_PLACEHOLDER,
} from '../../infra/local/stepfunctions/prepare-definition.ts';

const source = {
  StartAt: 'Ask',
  TimeoutSeconds: 600,
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: 'f',
        Payload: { 'token.$': '$$.Task.Token', 'id.$': '$.id', list: [{ 't.$': '$$.Task.Token' }] },
      },
      TimeoutSeconds: 60,
      HeartbeatSeconds: 10,
      Next: 'Branch',
    },
    Branch: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Inner',
          States: {
            Inner: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { FunctionName: 'g' },
              End: true,
            },
          },
        },
      ],
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', Seconds: 30, End: true },
  },
};

describe('prepareDefinition', () => {
  const prepared = prepareDefinition(source);
  const ask = prepared.definition.States.Ask as {
    Parameters: { Payload: unknown };
    HeartbeatSeconds?: number;
  };

  it('replaces every $$.Task.Token with a placeholder the engine fills in', () => {
    expect(ask.Parameters.Payload).toEqual({
      token: TASK_TOKEN_PLACEHOLDER,
      'id.$': '$.id',
      list: [{ t: TASK_TOKEN_PLACEHOLDER }],
    });
    expect(insertTaskToken(ask.Parameters, 'tok')).toMatchObject({
      Payload: { token: 'tok', list: [{ t: 'tok' }] },
    });
  });

  it('takes timeouts out of the library and keeps them for the engine, nested states included', () => {
    expect(ask.HeartbeatSeconds).toBeUndefined();
    expect(prepared.tasks.get('Ask')).toEqual({
      resource: source.States.Ask.Resource,
      timeoutSeconds: 60,
      heartbeatSeconds: 10,
    });
    expect(prepared.tasks.has('Inner')).toBe(true);
    expect(prepared.timeoutSeconds).toBe(600);
    expect(prepared.definition.TimeoutSeconds).toBeUndefined();
    expect(prepared.waits.get('Pause')).toEqual({ seconds: 30 });
  });

  it('does not change the source definition', () => {
    expect(source.States.Ask.HeartbeatSeconds).toBe(10);
    expect(source.States.Ask.Parameters.Payload['token.$']).toBe('$$.Task.Token');
  });

  it('resumes at a top-level state and refuses unknown ones', () => {
    expect(prepareDefinition(source, { startAt: 'Pause' }).definition.StartAt).toBe('Pause');
    expect(() => prepareDefinition(source, { startAt: 'Nope' })).toThrow(/Nope/);
    expect([...prepared.topLevelStates]).toEqual(['Ask', 'Branch', 'Pause']);
  });
});
