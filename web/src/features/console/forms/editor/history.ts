/**
 * Undo/redo of whole definitions, shared by every tab: each step keeps the state before it and a
 * name for the buttons ("Undo: label of 'E-Mail'"). Pure, so the editor page and tests share it.
 */
export interface Step<T> {
  readonly state: T;
  readonly what: string;
  /** When the step was recorded (ms), so keystrokes in one text merge into one step. */
  readonly at: number;
}

export interface History<T> {
  readonly past: readonly Step<T>[];
  readonly present: T;
  readonly future: readonly Step<T>[];
}

export const HISTORY_LIMIT = 100;
/** Changes with the same name closer together than this are one step (typing a word). */
export const MERGE_WITHIN_MS = 1000;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function record<T>(
  history: History<T>,
  next: T,
  what: string,
  at: number,
  limit = HISTORY_LIMIT,
): History<T> {
  if (Object.is(next, history.present)) return history;
  const last = history.past.at(-1);
  if (last && last.what === what && at - last.at < MERGE_WITHIN_MS && history.future.length === 0) {
    // Keep the state before the first keystroke, so one undo takes the whole word back.
    return { past: [...history.past.slice(0, -1), { ...last, at }], present: next, future: [] };
  }
  const past = [...history.past, { state: history.present, what, at }];
  return { past: past.slice(Math.max(0, past.length - limit)), present: next, future: [] };
}

export function undo<T>(history: History<T>): History<T> {
  const last = history.past.at(-1);
  if (!last) return history;
  return {
    past: history.past.slice(0, -1),
    present: last.state,
    future: [{ state: history.present, what: last.what, at: last.at }, ...history.future],
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (!next) return history;
  return {
    past: [...history.past, { state: history.present, what: next.what, at: 0 }],
    present: next.state,
    future: rest,
  };
}

export const undoName = <T>(history: History<T>) => history.past.at(-1)?.what;
export const redoName = <T>(history: History<T>) => history.future[0]?.what;

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function historyKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): 'undo' | 'redo' | undefined {
  if (!(event.ctrlKey || event.metaKey)) return undefined;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return undefined;
}
