import { isErrorVisible } from './visible-errors.ts';

/**
 * Which fields show their errors: those left once (touched) and, after a submit, all. A store
 * rather than React state, so leaving a field re-renders that field only: as state in the form's
 * context every blur re-rendered all 40 fields of the registration form (a long task per field at
 * 4× CPU slowdown).
 */
export interface ErrorVisibility {
  readonly subscribe: (listener: () => void) => () => void;
  readonly isVisible: (path: string) => boolean;
}

export interface ErrorVisibilityStore extends ErrorVisibility {
  readonly touch: (paths: readonly string[]) => void;
  readonly submit: () => void;
}

export function createErrorVisibility(): ErrorVisibilityStore {
  const touched = new Set<string>();
  const listeners = new Set<() => void>();
  let submitted = false;
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isVisible: (path) => isErrorVisible(path, touched, submitted),
    touch: (paths) => {
      const before = touched.size;
      for (const path of paths) touched.add(path);
      if (touched.size !== before && !submitted) notify();
    },
    submit: () => {
      if (submitted) return;
      submitted = true;
      notify();
    },
  };
}

/** A read-only view (the console's answers): no field ever shows an error. */
export const NO_ERRORS_SHOWN: ErrorVisibility = { subscribe: () => () => {}, isVisible: () => false };
