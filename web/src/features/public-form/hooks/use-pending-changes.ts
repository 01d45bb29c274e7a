import { useEffect, useRef, useState, useTransition } from 'react';
import { flushSync } from 'react-dom';

/**
 * Typed text on its way to JSON Forms. Each commit re-validates the form and re-maps the props of
 * every control (40 on the registration form, a 130–250 ms task at 4× CPU slowdown when it ran in
 * one go), so commits run as transitions: React renders them in slices of a few ms and a keystroke
 * in between is handled at once.
 */
export interface PendingChanges {
  /** A field's flush: commits its unsent text, if any, through `commit`. */
  readonly add: (flush: () => void) => () => void;
  /** Hands a field's text to JSON Forms without blocking the page. */
  readonly commit: (dispatch: () => void) => void;
  /**
   * Before reading the answers (submit, a stepper's "Next"): every field's unsent text committed
   * and every commit rendered, so the last keystroke is never lost.
   */
  readonly settle: () => Promise<void>;
  /** The page is being hidden: commits everything now, synchronously. */
  readonly flushNow: () => void;
}

/** Longer than any commit takes even on a slow phone; a stuck render must not block sending. */
const SETTLE_LIMIT_MS = 3000;

export function usePendingChanges(): PendingChanges {
  const [isPending, startTransition] = useTransition();
  const started = useRef(0);
  const settled = useRef(0);
  // Commits started before this render began are in it once it is committed without a pending transition.
  const startedBeforeRender = started.current;
  useEffect(() => {
    if (!isPending) settled.current = Math.max(settled.current, startedBeforeRender);
  });
  const [changes] = useState<PendingChanges>(() => {
    const flushes = new Set<() => void>();
    let sync = false;
    const flushAll = () => {
      for (const flush of flushes) flush();
    };
    return {
      add: (flush) => {
        flushes.add(flush);
        return () => flushes.delete(flush);
      },
      commit: (dispatch) => {
        if (sync) return dispatch();
        started.current += 1;
        startTransition(dispatch);
      },
      settle: () => {
        flushAll();
        const until = started.current;
        const deadline = performance.now() + SETTLE_LIMIT_MS;
        return new Promise<void>((resolve) => {
          const check = () =>
            settled.current >= until || performance.now() > deadline
              ? resolve()
              : requestAnimationFrame(check);
          check();
        });
      },
      flushNow: () => {
        sync = true;
        try {
          flushSync(flushAll);
        } finally {
          sync = false;
        }
      },
    };
  });
  return changes;
}
