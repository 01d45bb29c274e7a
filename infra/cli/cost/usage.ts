import type { DynamoDbRequest } from '../../local/dynamodb/usage-meter.ts';
import type { LambdaInvocation } from '../../local/lambda/local-lambda.ts';
import { billedTransitions } from '../../local/stepfunctions/billing.ts';
import type { LocalStepFunctions } from '../../local/stepfunctions/engine.ts';

export interface FunctionUsage {
  invocations: number;
  durationMs: number;
  memoryMb: number;
}

/** What one run of a scenario used, in the units AWS bills. */
export interface Usage {
  readonly lambda: Record<string, FunctionUsage>;
  readonly dynamodb: { requests: number; readUnits: number; writeUnits: number };
  readonly transitions: Record<string, number>;
  readonly mails: { count: number; bytes: number };
  readonly apiRequests: number;
  /** Bytes of API response bodies (CloudFront data out). */
  readonly apiBytes: number;
  /** Workflow executions started, and their history events (each one log line at log level ALL). */
  readonly executions: number;
  readonly historyEvents: number;
}

export const emptyUsage = (): Usage => ({
  lambda: {},
  dynamodb: { requests: 0, readUnits: 0, writeUnits: 0 },
  transitions: {},
  mails: { count: 0, bytes: 0 },
  apiRequests: 0,
  apiBytes: 0,
  executions: 0,
  historyEvents: 0,
});

/** Collects Lambda and DynamoDB usage from the runtime's hooks, between `reset()` and `take()`. */
export class UsageRecorder {
  private current = emptyUsage();
  invocationsSeen = 0;

  onLambda = (invocation: LambdaInvocation): void => {
    this.invocationsSeen += 1;
    const entry = this.current.lambda[invocation.functionId] ?? {
      invocations: 0,
      durationMs: 0,
      memoryMb: invocation.memoryMb,
    };
    this.current.lambda[invocation.functionId] = entry;
    entry.invocations += 1;
    entry.durationMs += invocation.durationMs;
  };

  onDynamoDb = (request: DynamoDbRequest): void => {
    this.current.dynamodb.requests += 1;
    this.current.dynamodb.readUnits += request.readUnits;
    this.current.dynamodb.writeUnits += request.writeUnits;
  };

  reset(): void {
    this.current = emptyUsage();
  }

  take(): Usage {
    const taken = this.current;
    this.reset();
    return taken;
  }
}

export interface WorkflowTotals {
  /** Billed transitions so far, per state machine name. */
  readonly transitions: Record<string, number>;
  readonly executions: number;
  readonly historyEvents: number;
}

/** Totals over every execution the engine knows. */
export function workflowTotals(engine: LocalStepFunctions): WorkflowTotals {
  const transitions: Record<string, number> = {};
  let executions = 0;
  let historyEvents = 0;
  for (const machine of engine.listStateMachines().stateMachines) {
    const name = machine.name.replace(/^lotse-/, '');
    for (const execution of engine.listExecutions({ stateMachineArn: machine.stateMachineArn }).executions) {
      const { events } = engine.getExecutionHistory({
        executionArn: execution.executionArn,
        maxResults: 100_000,
      });
      transitions[name] = (transitions[name] ?? 0) + billedTransitions(events);
      executions += 1;
      historyEvents += events.length;
    }
  }
  return { transitions, executions, historyEvents };
}

export function difference(after: Record<string, number>, before: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(after)
      .map(([key, value]) => [key, value - (before[key] ?? 0)] as const)
      .filter(([, value]) => value > 0),
  );
}

/** Divides every count by `runs`: the usage of one run. */
export function perRun(usage: Usage, runs: number): Usage {
  const each = (value: number) => value / runs;
  return {
    lambda: Object.fromEntries(
      Object.entries(usage.lambda).map(([id, f]) => [
        id,
        { invocations: each(f.invocations), durationMs: each(f.durationMs), memoryMb: f.memoryMb },
      ]),
    ),
    dynamodb: {
      requests: each(usage.dynamodb.requests),
      readUnits: each(usage.dynamodb.readUnits),
      writeUnits: each(usage.dynamodb.writeUnits),
    },
    transitions: Object.fromEntries(Object.entries(usage.transitions).map(([k, v]) => [k, each(v)])),
    mails: { count: each(usage.mails.count), bytes: each(usage.mails.bytes) },
    apiRequests: each(usage.apiRequests),
    apiBytes: each(usage.apiBytes),
    executions: each(usage.executions),
    historyEvents: each(usage.historyEvents),
  };
}

export const lambdaInvocations = (usage: Usage) =>
  Object.values(usage.lambda).reduce((sum, f) => sum + f.invocations, 0);

export const gbSeconds = (usage: Usage) =>
  Object.values(usage.lambda).reduce((sum, f) => sum + (f.durationMs / 1000) * (f.memoryMb / 1024), 0);

export const totalTransitions = (usage: Usage) =>
  Object.values(usage.transitions).reduce((sum, n) => sum + n, 0);
