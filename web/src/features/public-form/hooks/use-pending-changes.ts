import { useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Typed text on its way to JSON Forms. Each commit re-validates the form and re-maps the props of
 * every control (40 on the registration form), so fields commit after a pause or on blur, not per
 * keystroke (use-typed-value.ts). Commits are plain updates, not transitions: a transition still
 * pending when a checkbox or "add" is clicked was rebased under that click (the click's own
 * render did not see the text), which lost clicks and focus in the browser tests.
 */
export interface PendingChanges {
  /** A field's flush: commits its unsent text, if any. */
  readonly add: (flush: () => void) => () => void;
  /**
   * Before reading the answers (submit, a stepper's "Next", page hide): every field's unsent text
   * committed and rendered, so the last keystroke is never lost.
   */
  readonly settle: () => void;
}

export function usePendingChanges(): PendingChanges {
  const [changes] = useState<PendingChanges>(() => {
    const flushes = new Set<() => void>();
    return {
      add: (flush) => {
        flushes.add(flush);
        return () => flushes.delete(flush);
      },
      settle: () =>
        flushSync(() => {
          for (const flush of flushes) flush();
        }),
    };
  });
  return changes;
}
