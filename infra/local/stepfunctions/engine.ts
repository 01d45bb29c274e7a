import { randomBytes, randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import { JSONPath } from 'jsonpath-plus';
import { SfnApiError, StatesError } from './errors.ts';
import { type LongTimer, sleepUntil, timerAt } from './long-timer.ts';
import {
  insertTaskToken,
  type MachineJson,
  type PreparedDefinition,
  prepareDefinition,
  type TaskSettings,
  type WaitSettings,
} from './prepare-definition.ts';
import { nextRetry } from './retry.ts';
import type { CurrentState, ExecutionRecord, ExecutionStatus, ExecutionStore, WaitingTask } from './store.ts';
import { validateAsl } from './validate.ts';

// aws-local-stepfunctions needs Promise.withResolvers (Node 22); Node 20 lacks it.
if (!('withResolvers' in Promise)) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (value: T) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

export interface EngineOptions {
  readonly region: string;
  readonly accountId: string;
  readonly store: ExecutionStore;
  /** Runs a Lambda function by name or ARN with a payload, as the Lambda service would. */
  readonly invoke: (functionName: string, payload: unknown) => Promise<unknown>;
  /**
   * Multiplies every duration in the definitions (Wait states, TimeoutSeconds, HeartbeatSeconds,
   * retry back-off), so tests can run a two-week reminder chain in milliseconds. @default 1
   */
  readonly timeScale?: number;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
  /** Called when an execution ends, with what EventBridge's "Execution Status Change" carries. */
  readonly onStatusChange?: (change: ExecutionStatusChange) => void;
}

/** The `detail` of Step Functions' "Execution Status Change" event (input and output left out). */
export interface ExecutionStatusChange {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: number;
  readonly stopDate: number | null;
  readonly error: string | null;
  readonly cause: string | null;
}

interface MachineEntry {
  readonly name: string;
  readonly arn: string;
  readonly definition: MachineJson;
  readonly definitionText: string;
  readonly roleArn: string;
  readonly createdAt: Date;
}

interface Waiter {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  timers: LongTimer[];
}

interface LiveExecution {
  readonly record: ExecutionRecord;
  readonly prepared: PreparedDefinition;
  readonly waiters: Map<string, Waiter>;
  readonly timers: LongTimer[];
  /** Aborted when the execution stops or the engine shuts down: ends the engine's own sleeps. */
  readonly stopped: AbortController;
  abort: () => void;
  settled: Promise<void>;
  /** On resume: the callback task to pick up again instead of invoking its function a second time. */
  resumeTask?: WaitingTask;
  /** On resume: the state the execution was in (wait due time, retry back-off), until it is left. */
  resumed?: CurrentState;
  resumedEntered?: boolean;
  failure?: { error: string; cause: string };
  stopping?: 'shutdown' | 'stopped' | 'timed-out';
}

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_ARN = /^arn:aws:lambda:[^:]+:[^:]+:function:[^:]+/;
const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * A local Step Functions service: runs ASL definitions in process with aws-local-stepfunctions
 * and adds what that library lacks — task tokens (the callback pattern), heartbeats, timeouts
 * that survive a restart, execution history, and persistence of every running execution so that a
 * restart resumes each one at the state it was in.
 */
export class LocalStepFunctions {
  private readonly machines = new Map<string, MachineEntry>();
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly live = new Map<string, LiveExecution>();
  /** Every token ever handed out, to tell "answered too late" (TaskTimedOut) from "never existed". */
  private readonly tokens = new Map<string, string>();
  private readonly scale: number;

  constructor(private readonly options: EngineOptions) {
    this.scale = options.timeScale ?? 1;
    for (const record of options.store.loadAll()) {
      this.records.set(record.executionArn, record);
      for (const task of record.tasks) this.tokens.set(task.token, record.executionArn);
    }
  }

  createStateMachine(input: { name: string; definition: string; roleArn?: string }): {
    stateMachineArn: string;
    creationDate: Date;
  } {
    let definition: MachineJson;
    try {
      definition = JSON.parse(input.definition) as MachineJson;
    } catch {
      throw new SfnApiError('InvalidDefinition', 'The definition is not valid JSON');
    }
    const validation = validateAsl(definition);
    if (!validation.valid) throw new SfnApiError('InvalidDefinition', validation.message);
    const arn = `arn:aws:states:${this.options.region}:${this.options.accountId}:stateMachine:${input.name}`;
    const entry: MachineEntry = {
      name: input.name,
      arn,
      definition,
      definitionText: input.definition,
      roleArn: input.roleArn ?? `arn:aws:iam::${this.options.accountId}:role/lotse-local`,
      createdAt: this.machines.get(arn)?.createdAt ?? new Date(),
    };
    this.machines.set(arn, entry);
    return { stateMachineArn: arn, creationDate: entry.createdAt };
  }

  describeStateMachine(arn: string) {
    const machine = this.machine(arn);
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: machine.definitionText,
      roleArn: machine.roleArn,
      type: 'STANDARD',
      creationDate: machine.createdAt,
    };
  }

  listStateMachines() {
    return {
      stateMachines: [...this.machines.values()].map((m) => ({
        stateMachineArn: m.arn,
        name: m.name,
        type: 'STANDARD',
        creationDate: m.createdAt,
      })),
    };
  }

  /** Resumes every execution that was running when the previous process stopped. */
  resumeAll(): number {
    let resumed = 0;
    for (const record of this.records.values()) {
      if (record.status !== 'RUNNING' || this.live.has(record.executionArn)) continue;
      const machine = this.machines.get(record.stateMachineArn);
      if (!machine) {
        this.finish(record, 'FAILED', {
          error: 'States.Runtime',
          cause: 'The state machine no longer exists',
        });
        continue;
      }
      this.launch(record, machine, true);
      resumed += 1;
    }
    return resumed;
  }

  startExecution(input: { stateMachineArn: string; name?: string; input?: string }) {
    const machine = this.machine(input.stateMachineArn);
    const name = input.name ?? randomUUID();
    if (!EXECUTION_NAME.test(name)) {
      throw new SfnApiError('InvalidName', 'Execution names have 1 to 80 letters, digits, "-" or "_"');
    }
    const executionInput = input.input ?? '{}';
    try {
      JSON.parse(executionInput);
    } catch {
      throw new SfnApiError('InvalidExecutionInput', 'The execution input is not valid JSON');
    }
    const executionArn = `arn:aws:states:${this.options.region}:${this.options.accountId}:execution:${machine.name}:${name}`;
    const existing = this.records.get(executionArn);
    if (existing) {
      // Same as Step Functions Standard: an identical start of a running execution is idempotent.
      if (existing.status === 'RUNNING' && existing.input === executionInput) {
        return { executionArn, startDate: new Date(existing.startDate) };
      }
      throw new SfnApiError('ExecutionAlreadyExists', `Execution already exists: '${executionArn}'`);
    }
    const now = new Date();
    const { timeoutSeconds } = prepareDefinition(machine.definition);
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      input: executionInput,
      startDate: now.toISOString(),
      ...(timeoutSeconds !== undefined
        ? { deadline: new Date(now.getTime() + timeoutSeconds * 1000 * this.scale).toISOString() }
        : {}),
      tasks: [],
      history: [],
    };
    this.records.set(executionArn, record);
    this.addHistory(record, 'ExecutionStarted', { input: executionInput, roleArn: machine.roleArn });
    this.launch(record, machine, false);
    return { executionArn, startDate: now };
  }

  describeExecution(executionArn: string) {
    const record = this.record(executionArn);
    return {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: new Date(record.startDate),
      ...(record.stopDate ? { stopDate: new Date(record.stopDate) } : {}),
      input: record.input,
      inputDetails: { included: true },
      ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
      ...(record.error !== undefined ? { error: record.error } : {}),
      ...(record.cause !== undefined ? { cause: record.cause } : {}),
    };
  }

  listExecutions(input: { stateMachineArn: string; statusFilter?: ExecutionStatus; maxResults?: number }) {
    this.machine(input.stateMachineArn);
    const executions = [...this.records.values()]
      .filter((r) => r.stateMachineArn === input.stateMachineArn)
      .filter((r) => !input.statusFilter || r.status === input.statusFilter)
      .sort((a, b) => b.startDate.localeCompare(a.startDate))
      .slice(0, input.maxResults || 1000)
      .map((r) => ({
        executionArn: r.executionArn,
        stateMachineArn: r.stateMachineArn,
        name: r.name,
        status: r.status,
        startDate: new Date(r.startDate),
        ...(r.stopDate ? { stopDate: new Date(r.stopDate) } : {}),
      }));
    return { executions };
  }

  getExecutionHistory(input: { executionArn: string; reverseOrder?: boolean; maxResults?: number }) {
    const record = this.record(input.executionArn);
    const events = record.history.map((event) => ({
      id: event.id,
      previousEventId: event.id - 1,
      timestamp: new Date(event.timestamp),
      type: event.type,
      ...(event.details ? { [detailsKey(event.type)]: event.details } : {}),
    }));
    if (input.reverseOrder) events.reverse();
    return { events: events.slice(0, input.maxResults || 1000) };
  }

  stopExecution(input: { executionArn: string; error?: string; cause?: string }) {
    const record = this.record(input.executionArn);
    const live = this.live.get(record.executionArn);
    if (record.status === 'RUNNING') {
      this.finish(record, 'ABORTED', { error: input.error ?? '', cause: input.cause ?? '' });
      if (live) {
        live.stopping = 'stopped';
        live.abort();
      }
    }
    return { stopDate: new Date(record.stopDate ?? Date.now()) };
  }

  sendTaskSuccess(input: { taskToken: string; output: string }) {
    let output: unknown;
    try {
      output = JSON.parse(input.output);
    } catch {
      throw new SfnApiError('InvalidOutput', 'The task output is not valid JSON');
    }
    const { live, task } = this.waitingTask(input.taskToken);
    this.settleTask(live.record, task, 'succeeded', { output: input.output });
    live.waiters.get(task.token)?.resolve(output);
    return {};
  }

  sendTaskFailure(input: { taskToken: string; error?: string; cause?: string }) {
    const { live, task } = this.waitingTask(input.taskToken);
    this.settleTask(live.record, task, 'failed', { error: input.error ?? '', cause: input.cause ?? '' });
    live.waiters.get(task.token)?.reject(new StatesError(input.error ?? '', input.cause ?? ''));
    return {};
  }

  sendTaskHeartbeat(input: { taskToken: string }) {
    const { live, task } = this.waitingTask(input.taskToken);
    task.lastHeartbeatAt = new Date().toISOString();
    this.options.store.save(live.record);
    const waiter = live.waiters.get(task.token);
    if (waiter) this.armTimers(live.record, task, waiter);
    return {};
  }

  /** Stops running executions without ending them: they stay RUNNING on disk and resume on the next start. */
  async shutdown(): Promise<void> {
    const settling = [...this.live.values()].map((live) => {
      live.stopping = 'shutdown';
      for (const waiter of live.waiters.values()) for (const timer of waiter.timers) timer.cancel();
      live.abort();
      return live.settled;
    });
    await Promise.allSettled(settling);
  }

  /** Resolves when the execution has left RUNNING; for tests and scripts. */
  async waitForExecution(executionArn: string): Promise<void> {
    await this.live.get(executionArn)?.settled;
  }

  private launch(record: ExecutionRecord, machine: MachineEntry, resuming: boolean): void {
    const current = resuming ? record.current : undefined;
    const prepared = prepareDefinition(machine.definition, current ? { startAt: current.stateName } : {});
    const stopped = new AbortController();
    const live: LiveExecution = {
      record,
      prepared,
      waiters: new Map(),
      timers: [],
      stopped,
      abort: () => {},
      settled: Promise.resolve(),
    };
    if (current) {
      live.resumed = structuredClone(current);
      const resumeTask = record.tasks.findLast(
        (task) => task.stateName === current.stateName && task.startedAt >= current.enteredAt,
      );
      // Between retry attempts the last task is over; the next attempt starts a new one.
      if (resumeTask && !current.retry) live.resumeTask = resumeTask;
      this.addHistory(record, 'ExecutionResumed', { stateName: current.stateName });
    }
    const taskResourceLocalHandlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const [stateName, settings] of prepared.tasks) {
      taskResourceLocalHandlers[stateName] = (input) =>
        this.runTask(live, stateName, settings, input) as Promise<never>;
    }
    for (const [stateName, wait] of prepared.waits) {
      taskResourceLocalHandlers[stateName] = (input) =>
        this.runWait(live, stateName, wait, input) as Promise<never>;
    }
    // Only Parallel and Map states keep their Retry in the library; the engine runs the others.
    const retryIntervalOverrides =
      this.scale === 1
        ? {}
        : Object.fromEntries(
            [...prepared.retryIntervals].map(([name, seconds]) => [
              name,
              seconds.map((s) => s * 1000 * this.scale),
            ]),
          );
    // Validated once in createStateMachine; validating again per execution cost ~90 ms of CPU
    // on the shared event loop (bench/engine.ts).
    const stateMachine = new StateMachine(prepared.definition as never, {
      validationOptions: { noValidate: true },
    });
    const run = stateMachine.run((current ? current.input : JSON.parse(record.input)) as never, {
      overrides: { taskResourceLocalHandlers, retryIntervalOverrides },
      noThrowOnAbort: true,
      context: {
        Execution: {
          Id: record.executionArn,
          Name: record.name,
          RoleArn: machine.roleArn,
          StartTime: record.startDate,
        },
        StateMachine: { Id: machine.arn, Name: machine.name },
      },
    });
    live.abort = () => {
      stopped.abort();
      run.abort();
    };
    this.live.set(record.executionArn, live);
    if (record.deadline) {
      live.timers.push(
        timerAt(Date.parse(record.deadline), () => {
          live.stopping = 'timed-out';
          live.abort();
        }),
      );
    }
    const consumed = (async () => {
      for await (const event of run.eventLogs) this.onEvent(live, event as unknown as LibraryEvent);
    })();
    live.settled = Promise.allSettled([run.result, consumed]).then(([result]) => {
      for (const timer of live.timers) timer.cancel();
      this.live.delete(record.executionArn);
      if (live.stopping === 'shutdown' || live.stopping === 'stopped') return;
      if (live.stopping === 'timed-out') {
        this.finish(record, 'TIMED_OUT', {
          error: 'States.Timeout',
          cause: 'The execution ran longer than its TimeoutSeconds',
        });
      } else if (result.status === 'fulfilled' && !live.failure) {
        this.finish(record, 'SUCCEEDED', { output: JSON.stringify(result.value) });
      } else {
        const failure = live.failure ?? {
          error: 'States.Runtime',
          cause: String((result as PromiseRejectedResult).reason),
        };
        this.finish(record, 'FAILED', failure);
      }
    });
  }

  /**
   * Runs a task state with its Retry field: the back-off is scaled, and kept on the execution so
   * that a restart waits out the rest of it instead of calling the function again at once.
   */
  private async runTask(
    live: LiveExecution,
    stateName: string,
    settings: TaskSettings,
    input: unknown,
  ): Promise<unknown> {
    const resumed = this.takeResumed(live, stateName);
    const attempts = resumed?.retry ? [...resumed.retry.attempts] : (settings.retry ?? []).map(() => 0);
    if (resumed?.retry) await this.pauseBeforeRetry(live, stateName, attempts, Date.parse(resumed.retry.at));
    for (;;) {
      try {
        return await this.attemptTask(live, stateName, settings, input);
      } catch (error) {
        const retry = live.stopped.signal.aborted ? undefined : nextRetry(settings.retry, attempts, error);
        if (!retry) throw error;
        const { name, cause } = errorDetails(error);
        this.addHistory(live.record, 'TaskFailed', { resource: stateName, error: name, cause });
        const at = Date.now() + retry.delayMs * this.scale;
        this.addHistory(live.record, 'StateRetried', {
          name: stateName,
          error: name,
          attempt: retry.attempt,
          retryAt: new Date(at).toISOString(),
        });
        await this.pauseBeforeRetry(live, stateName, attempts, at);
        if (live.stopped.signal.aborted) throw error;
      }
    }
  }

  private async pauseBeforeRetry(live: LiveExecution, stateName: string, attempts: number[], at: number) {
    // Let the event consumer record this state as the current one first (a fast failure can
    // overtake it), so that the back-off is kept with the state a restart resumes.
    await new Promise((resolve) => setImmediate(resolve));
    const current = live.record.current;
    const tracked = current?.stateName === stateName ? current : undefined;
    if (tracked) {
      tracked.retry = { attempts: [...attempts], at: new Date(at).toISOString() };
      this.options.store.save(live.record);
    }
    await sleepUntil(at, live.stopped.signal);
    if (tracked && !live.stopped.signal.aborted) delete tracked.retry;
  }

  private async attemptTask(
    live: LiveExecution,
    stateName: string,
    settings: TaskSettings,
    input: unknown,
  ): Promise<unknown> {
    if (settings.resource.endsWith('.waitForTaskToken')) {
      return this.runCallbackTask(live, stateName, settings, input);
    }
    const call = this.callResource(settings.resource, input);
    const { timeoutSeconds } = settings;
    if (timeoutSeconds === undefined) return call;
    // Not scaled: a function's run time is real work, not waiting for people.
    let timer: LongTimer | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = timerAt(Date.now() + timeoutSeconds * 1000, () =>
        reject(new StatesError('States.Timeout', `${stateName} ran longer than its TimeoutSeconds`)),
      );
    });
    try {
      return await Promise.race([call, timeout]);
    } finally {
      timer?.cancel();
    }
  }

  /**
   * A Wait state, run by the engine: its due time is computed once (Seconds, SecondsPath, Timestamp
   * or TimestampPath, scaled) and kept on the execution, so a restart wakes it exactly then.
   */
  private async runWait(live: LiveExecution, stateName: string, wait: WaitSettings, input: unknown) {
    // Let the event consumer record this state as the current one first.
    await new Promise((resolve) => setImmediate(resolve));
    const resumed = this.takeResumed(live, stateName);
    const dueAt = resumed?.wakeAt
      ? Date.parse(resumed.wakeAt)
      : waitDueAt(wait, input, stateName, resumed ? Date.parse(resumed.enteredAt) : Date.now(), this.scale);
    const current = live.record.current;
    if (current?.stateName === stateName) {
      current.wakeAt = new Date(dueAt).toISOString();
      this.options.store.save(live.record);
    }
    await sleepUntil(dueAt, live.stopped.signal);
    return input;
  }

  /** The state the execution was resumed in, once, for the handler of that state. */
  private takeResumed(live: LiveExecution, stateName: string): CurrentState | undefined {
    const resumed = live.resumed;
    if (resumed?.stateName !== stateName) return undefined;
    live.resumed = undefined;
    return resumed;
  }

  private async runCallbackTask(
    live: LiveExecution,
    stateName: string,
    settings: TaskSettings,
    input: unknown,
  ) {
    const record = live.record;
    // Let the event consumer record this state's raw input first: a restart resumes from it.
    await new Promise((resolve) => setImmediate(resolve));
    const resumed = live.resumeTask?.stateName === stateName ? live.resumeTask : undefined;
    live.resumeTask = undefined;
    if (resumed?.status === 'succeeded')
      return JSON.parse((resumed as WaitingTask & { output: string }).output);
    if (resumed?.status === 'failed' || resumed?.status === 'timed-out') {
      const failed = resumed as WaitingTask & { error?: string; cause?: string };
      throw new StatesError(failed.error ?? '', failed.cause ?? '');
    }
    if (resumed?.status === 'waiting') return this.park(live, resumed);

    const now = new Date();
    const stateInput = record.current?.stateName === stateName ? record.current.input : input;
    const timeoutSeconds = resolveSeconds(
      settings.timeoutSeconds,
      settings.timeoutSecondsPath,
      stateInput,
      stateName,
    );
    const heartbeatSeconds = resolveSeconds(
      settings.heartbeatSeconds,
      settings.heartbeatSecondsPath,
      stateInput,
      stateName,
    );
    const task: WaitingTask = {
      token: randomBytes(48).toString('base64url'),
      stateName,
      startedAt: now.toISOString(),
      ...(timeoutSeconds !== undefined
        ? { timeoutAt: new Date(now.getTime() + timeoutSeconds * 1000 * this.scale).toISOString() }
        : {}),
      ...(heartbeatSeconds !== undefined ? { heartbeatSeconds: heartbeatSeconds * this.scale } : {}),
      lastHeartbeatAt: now.toISOString(),
      status: 'waiting',
    };
    record.tasks.push(task);
    this.tokens.set(task.token, record.executionArn);
    this.addHistory(record, 'TaskSubmitted', { resource: settings.resource, stateName });
    // Park before invoking: the function may hand the token on, and the answer may come back before it returns.
    const answer = this.park(live, task);
    answer.catch(() => {});
    try {
      await this.callResource(
        settings.resource.replace(/\.waitForTaskToken$/, ''),
        insertTaskToken(input, task.token),
      );
    } catch (error) {
      if (task.status === 'waiting')
        this.settleTask(record, task, 'failed', {
          error: (error as Error).name,
          cause: (error as Error).message,
        });
      live.waiters.delete(task.token);
      throw error;
    }
    return answer;
  }

  private park(live: LiveExecution, task: WaitingTask): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, timers: [] };
      live.waiters.set(task.token, waiter);
      this.armTimers(live.record, task, waiter);
    }).finally(() => {
      const waiter = live.waiters.get(task.token);
      for (const timer of waiter?.timers ?? []) timer.cancel();
      live.waiters.delete(task.token);
    });
  }

  private armTimers(record: ExecutionRecord, task: WaitingTask, waiter: Waiter): void {
    for (const timer of waiter.timers) timer.cancel();
    waiter.timers = [];
    const expire = (error: string, cause: string) => {
      if (task.status !== 'waiting') return;
      this.settleTask(record, task, 'timed-out', { error, cause });
      waiter.reject(new StatesError(error, cause));
    };
    if (task.timeoutAt) {
      waiter.timers.push(
        timerAt(Date.parse(task.timeoutAt), () =>
          expire('States.Timeout', 'No answer within TimeoutSeconds'),
        ),
      );
    }
    if (task.heartbeatSeconds !== undefined) {
      const dueAt = Date.parse(task.lastHeartbeatAt) + task.heartbeatSeconds * 1000;
      waiter.timers.push(
        timerAt(dueAt, () => expire('States.HeartbeatTimeout', 'No heartbeat within HeartbeatSeconds')),
      );
    }
  }

  private async callResource(resource: string, input: unknown): Promise<unknown> {
    if (resource === LAMBDA_INVOKE) {
      const { FunctionName, Payload } = (input ?? {}) as { FunctionName?: string; Payload?: unknown };
      if (!FunctionName)
        throw new StatesError('States.Runtime', 'lambda:invoke needs Parameters.FunctionName');
      const payload = await this.invokeFunction(FunctionName, Payload ?? {});
      return { ExecutedVersion: '$LATEST', Payload: payload ?? null, StatusCode: 200 };
    }
    if (LAMBDA_ARN.test(resource)) return this.invokeFunction(resource, input);
    throw new StatesError('States.Runtime', `The local engine only runs Lambda tasks, not ${resource}`);
  }

  private async invokeFunction(functionName: string, payload: unknown): Promise<unknown> {
    try {
      return await this.options.invoke(functionName, payload);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const message = error instanceof Error ? error.message : String(error);
      // The shape Lambda reports a function error in, which Step Functions passes on as Cause.
      throw new StatesError(name, JSON.stringify({ errorType: name, errorMessage: message }));
    }
  }

  private waitingTask(token: string): { live: LiveExecution; task: WaitingTask } {
    const executionArn = this.tokens.get(token);
    if (!executionArn) throw new SfnApiError('InvalidToken', 'Invalid Token');
    const record = this.records.get(executionArn);
    const task = record?.tasks.find((t) => t.token === token);
    const live = this.live.get(executionArn);
    if (!record || !task || task.status !== 'waiting' || record.status !== 'RUNNING' || !live) {
      throw new SfnApiError('TaskTimedOut', 'Task Timed Out: Provided task does not exist anymore');
    }
    return { live, task };
  }

  private settleTask(
    record: ExecutionRecord,
    task: WaitingTask,
    status: WaitingTask['status'],
    details: Record<string, string>,
  ) {
    task.status = status;
    Object.assign(task, details);
    const type = {
      succeeded: 'TaskSucceeded',
      failed: 'TaskFailed',
      'timed-out': 'TaskTimedOut',
      cancelled: 'TaskCancelled',
      waiting: 'TaskSubmitted',
    }[status];
    const { output: _output, ...withoutOutput } = details;
    this.addHistory(record, type, { stateName: task.stateName, ...withoutOutput });
  }

  private onEvent(live: LiveExecution, event: LibraryEvent): void {
    const record = live.record;
    if (live.stopping === 'shutdown') return;
    const stateType = event.state && live.prepared.waits.has(event.state.name) ? 'Wait' : event.state?.type;
    switch (event.type) {
      case 'StateEntered':
        if (event.state && live.prepared.topLevelStates.has(event.state.name) && event.index === undefined) {
          // The resumed state's saved details hold only until the execution moves on.
          if (live.resumedEntered) live.resumed = undefined;
          live.resumedEntered = true;
          record.current = {
            stateName: event.state.name,
            input: event.state.input,
            enteredAt: new Date(event.timestamp).toISOString(),
          };
        }
        this.addHistory(record, `${stateType}StateEntered`, {
          name: event.state?.name,
          input: JSON.stringify(event.state?.input),
        });
        return;
      case 'StateExited':
        this.addHistory(record, `${stateType}StateExited`, {
          name: event.state?.name,
          output: JSON.stringify(event.state?.output),
        });
        return;
      case 'StateFailed':
        // Named as Step Functions names a failed task, so the SDK keeps the details.
        this.addHistory(record, 'TaskFailed', {
          resourceType: 'lambda',
          resource: event.state?.name ?? '',
          error: event.Error,
          cause: stringify(event.Cause),
        });
        return;
      case 'StateRetried':
      case 'StateCaught':
        this.addHistory(record, event.type, {
          name: event.state?.name,
          error: event.Error,
          cause: stringify(event.Cause),
        });
        return;
      case 'ExecutionFailed':
        live.failure = { error: event.Error ?? 'States.Runtime', cause: stringify(event.Cause) ?? '' };
        return;
      case 'ExecutionStarted':
      case 'ExecutionSucceeded':
      case 'ExecutionAborted':
      case 'ExecutionTimeout':
        return;
      default:
        this.addHistory(record, event.type, { name: event.parentState?.name, index: event.index });
    }
  }

  private finish(
    record: ExecutionRecord,
    status: ExecutionStatus,
    details: { output?: string; error?: string; cause?: string },
  ) {
    if (record.status !== 'RUNNING') return;
    record.status = status;
    record.stopDate = new Date().toISOString();
    Object.assign(record, details);
    for (const task of record.tasks) if (task.status === 'waiting') task.status = 'cancelled';
    const type = {
      SUCCEEDED: 'ExecutionSucceeded',
      FAILED: 'ExecutionFailed',
      TIMED_OUT: 'ExecutionTimedOut',
      ABORTED: 'ExecutionAborted',
      RUNNING: 'ExecutionStarted',
    }[status];
    this.addHistory(record, type, details);
    this.options.log?.(`execution ${status.toLowerCase()}`, { execution: record.name, error: details.error });
    this.options.onStatusChange?.({
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status,
      startDate: Date.parse(record.startDate),
      stopDate: record.stopDate ? Date.parse(record.stopDate) : null,
      error: details.error ?? null,
      cause: details.cause ?? null,
    });
  }

  private addHistory(record: ExecutionRecord, type: string, details?: Record<string, unknown>): void {
    record.history.push({
      id: record.history.length + 1,
      timestamp: new Date().toISOString(),
      type,
      ...(details ? { details } : {}),
    });
    this.options.store.save(record);
  }

  private machine(arn: string): MachineEntry {
    const machine = this.machines.get(arn);
    if (!machine) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  }

  private record(arn: string): ExecutionRecord {
    const record = this.records.get(arn);
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  }
}

/** When a Wait state ends: `from` is when it was entered (ms), durations are scaled. */
function waitDueAt(wait: WaitSettings, input: unknown, stateName: string, from: number, scale: number) {
  const query = (path: string) => JSONPath({ path, json: input as object, wrap: false }) as unknown;
  let seconds: unknown = wait.seconds;
  if (wait.secondsPath !== undefined) seconds = query(wait.secondsPath);
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0)
      throw new StatesError('States.Runtime', `${stateName}: the wait needs a whole number of seconds ≥ 0`);
    return from + seconds * 1000 * scale;
  }
  const timestamp = wait.timestamp ?? query(wait.timestampPath ?? '$');
  const at = typeof timestamp === 'string' && RFC3339.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at))
    throw new StatesError('States.Runtime', `${stateName}: the wait needs an RFC 3339 timestamp`);
  return from + Math.max(0, at - from) * scale;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const errorDetails = (error: unknown) => ({
  name: error instanceof Error ? error.name : 'Error',
  cause: error instanceof Error ? String(error.cause ?? error.message) : String(error),
});

/** A duration given directly or as a reference path into the state's input (TimeoutSecondsPath). */
function resolveSeconds(
  fixed: number | undefined,
  path: string | undefined,
  input: unknown,
  stateName: string,
) {
  if (fixed !== undefined || path === undefined) return fixed;
  const value = JSONPath({ path, json: input as object, wrap: false }) as unknown;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
    throw new StatesError(
      'States.Runtime',
      `${stateName}: ${path} must point to a positive number of seconds`,
    );
  }
  return value;
}

interface LibraryEvent {
  type: string;
  timestamp: number;
  state?: { name: string; type: string; input: unknown; output?: unknown };
  parentState?: { name: string };
  index?: number;
  Error?: string;
  Cause?: unknown;
}

const stringify = (value: unknown): string | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

function detailsKey(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}
