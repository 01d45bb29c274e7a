/**
 * Turns an ASL definition into what aws-local-stepfunctions runs, without changing its meaning:
 * - `$$.Task.Token` (unknown to the library) becomes a placeholder that our task handler replaces
 *   with a fresh token;
 * - task TimeoutSeconds/HeartbeatSeconds, task Retry and the execution's TimeoutSeconds are taken
 *   out and enforced by the engine, which persists deadlines and retry back-off across restarts and
 *   scales them in tests (the library would otherwise apply its own 60 s default to every task);
 * - Wait states become tasks that the engine runs, for the same reasons (the library cannot resume
 *   a wait or scale SecondsPath/Timestamp); history still names them Wait;
 * - a resumed execution starts at the state it was in.
 */
export const TASK_TOKEN_PLACEHOLDER = '__lotse_task_token__';
/** The resource a Wait state runs as once the engine has taken it over. */
export const WAIT_RESOURCE = 'arn:aws:states:::lotse:wait';

/**
 * The library's own per-task timer, which the engine never wants to fire: two years is beyond the
 * longest Standard execution (one year). Our patch of the library makes such timers long-safe.
 */
const LIBRARY_TASK_TIMEOUT_SECONDS = 2 * 365 * 86_400;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type StateJson = Record<string, Json>;
type MachineJson = {
  StartAt: string;
  States: Record<string, StateJson>;
  TimeoutSeconds?: number;
  [k: string]: Json | undefined;
};

/** A Retry field entry, as ASL defines it. */
export interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy?: 'FULL' | 'NONE';
}

export interface TaskSettings {
  readonly resource: string;
  readonly retry?: readonly Retrier[];
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  /** Reference paths into the state's input, resolved when the task starts. */
  readonly timeoutSecondsPath?: string;
  readonly heartbeatSecondsPath?: string;
}

/** Exactly one of these, as the Wait state had it. */
export interface WaitSettings {
  readonly seconds?: number;
  readonly secondsPath?: string;
  readonly timestamp?: string;
  readonly timestampPath?: string;
}

export interface PreparedDefinition {
  readonly definition: MachineJson;
  readonly tasks: ReadonlyMap<string, TaskSettings>;
  readonly waits: ReadonlyMap<string, WaitSettings>;
  /** Retry intervals of the states whose Retry the library still runs (Parallel, Map). */
  readonly retryIntervals: ReadonlyMap<string, readonly number[]>;
  readonly topLevelStates: ReadonlySet<string>;
  readonly timeoutSeconds?: number;
}

export function prepareDefinition(
  source: MachineJson,
  options: { startAt?: string } = {},
): PreparedDefinition {
  const definition = structuredClone(source);
  const tasks = new Map<string, TaskSettings>();
  const waits = new Map<string, WaitSettings>();
  const retryIntervals = new Map<string, number[]>();
  const timeoutSeconds = definition.TimeoutSeconds;
  delete definition.TimeoutSeconds;
  visitStates(definition, (name, state) => {
    if (state.Type === 'Wait') {
      waits.set(name, waitSettings(state));
      // Runs as a task of the engine: InputPath and OutputPath keep their meaning, since the
      // handler returns its (effective) input as the result.
      for (const key of ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']) delete state[key];
      state.Type = 'Task';
      state.Resource = WAIT_RESOURCE;
      state.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
      return;
    }
    if (state.Type !== 'Task') {
      if (Array.isArray(state.Retry)) {
        retryIntervals.set(
          name,
          state.Retry.map((retrier) => Number((retrier as StateJson).IntervalSeconds ?? 1)),
        );
      }
      return;
    }
    tasks.set(name, {
      resource: String(state.Resource),
      ...(Array.isArray(state.Retry) ? { retry: state.Retry as unknown as Retrier[] } : {}),
      ...(typeof state.TimeoutSeconds === 'number' ? { timeoutSeconds: state.TimeoutSeconds } : {}),
      ...(typeof state.HeartbeatSeconds === 'number' ? { heartbeatSeconds: state.HeartbeatSeconds } : {}),
      ...(typeof state.TimeoutSecondsPath === 'string'
        ? { timeoutSecondsPath: state.TimeoutSecondsPath }
        : {}),
      ...(typeof state.HeartbeatSecondsPath === 'string'
        ? { heartbeatSecondsPath: state.HeartbeatSecondsPath }
        : {}),
    });
    delete state.Retry;
    delete state.HeartbeatSeconds;
    delete state.TimeoutSecondsPath;
    delete state.HeartbeatSecondsPath;
    state.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
    if (state.Parameters !== undefined) state.Parameters = replaceTaskToken(state.Parameters);
  });
  if (options.startAt !== undefined) {
    if (!(options.startAt in definition.States))
      throw new Error(`Cannot resume at unknown state ${options.startAt}`);
    definition.StartAt = options.startAt;
  }
  return {
    definition,
    tasks,
    waits,
    retryIntervals,
    topLevelStates: new Set(Object.keys(definition.States)),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
  };
}

function waitSettings(state: StateJson): WaitSettings {
  if (typeof state.Seconds === 'number') return { seconds: state.Seconds };
  if (typeof state.SecondsPath === 'string') return { secondsPath: state.SecondsPath };
  if (typeof state.Timestamp === 'string') return { timestamp: state.Timestamp };
  if (typeof state.TimestampPath === 'string') return { timestampPath: state.TimestampPath };
  return { seconds: 0 };
}

function visitStates(
  machine: { States: Record<string, StateJson> },
  visit: (name: string, state: StateJson) => void,
) {
  for (const [name, state] of Object.entries(machine.States)) {
    visit(name, state);
    const branches = Array.isArray(state.Branches) ? state.Branches : [];
    for (const branch of branches) visitStates(branch as unknown as MachineJson, visit);
    const processor = (state.ItemProcessor ?? state.Iterator) as unknown as MachineJson | undefined;
    if (processor?.States) visitStates(processor, visit);
  }
}

function replaceTaskToken(value: Json): Json {
  if (Array.isArray(value)) return value.map(replaceTaskToken);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key.endsWith('.$') && inner === '$$.Task.Token') out[key.slice(0, -2)] = TASK_TOKEN_PLACEHOLDER;
    else out[key] = replaceTaskToken(inner);
  }
  return out;
}

/** Puts the token where the definition asked for `$$.Task.Token`. */
export function insertTaskToken(value: unknown, token: string): unknown {
  if (value === TASK_TOKEN_PLACEHOLDER) return token;
  if (Array.isArray(value)) return value.map((item) => insertTaskToken(item, token));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, insertTaskToken(inner, token)]),
  );
}

export type { MachineJson };
