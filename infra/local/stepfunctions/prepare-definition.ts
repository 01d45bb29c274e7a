/**
 * Turns an ASL definition into what aws-local-stepfunctions runs, without changing its meaning:
 * - `$$.Task.Token` (unknown to the library) becomes a placeholder that our task handler replaces
 *   with a fresh token;
 * - task TimeoutSeconds/HeartbeatSeconds and the execution's TimeoutSeconds are taken out and
 *   enforced by the engine, which can persist deadlines across restarts and scale them in tests
 *   (the library would otherwise apply its own 60 s default to every task);
 * - a resumed execution starts at the state it was in.
 */
export const TASK_TOKEN_PLACEHOLDER = '__lotse_task_token__';

/** Effectively "no timeout" for the library; a larger value would overflow setTimeout. */
const LIBRARY_TASK_TIMEOUT_SECONDS = 2_000_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type StateJson = Record<string, Json>;
type MachineJson = {
  StartAt: string;
  States: Record<string, StateJson>;
  TimeoutSeconds?: number;
  [k: string]: Json | undefined;
};

export interface TaskSettings {
  readonly resource: string;
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  /** Reference paths into the state's input, resolved when the task starts. */
  readonly timeoutSecondsPath?: string;
  readonly heartbeatSecondsPath?: string;
}

export interface WaitSettings {
  readonly seconds?: number;
}

export interface PreparedDefinition {
  readonly definition: MachineJson;
  readonly tasks: ReadonlyMap<string, TaskSettings>;
  readonly waits: ReadonlyMap<string, WaitSettings>;
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
    if (Array.isArray(state.Retry)) {
      retryIntervals.set(
        name,
        state.Retry.map((retrier) => Number((retrier as StateJson).IntervalSeconds ?? 1)),
      );
    }
    if (state.Type === 'Wait') {
      waits.set(name, typeof state.Seconds === 'number' ? { seconds: state.Seconds } : {});
    }
    if (state.Type !== 'Task') return;
    tasks.set(name, {
      resource: String(state.Resource),
      ...(typeof state.TimeoutSeconds === 'number' ? { timeoutSeconds: state.TimeoutSeconds } : {}),
      ...(typeof state.HeartbeatSeconds === 'number' ? { heartbeatSeconds: state.HeartbeatSeconds } : {}),
      ...(typeof state.TimeoutSecondsPath === 'string'
        ? { timeoutSecondsPath: state.TimeoutSecondsPath }
        : {}),
      ...(typeof state.HeartbeatSecondsPath === 'string'
        ? { heartbeatSecondsPath: state.HeartbeatSecondsPath }
        : {}),
    });
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
