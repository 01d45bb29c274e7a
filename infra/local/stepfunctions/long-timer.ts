/**
 * Timers for deadlines that may lie up to a year ahead. Node runs a setTimeout longer than
 * 2^31-1 ms (24.8 days) after 1 ms with a TimeoutOverflowWarning, which once ended every
 * one-year execution timeout at once; these chain shorter timers up to an absolute due time, and
 * check the wall clock at each link, so they fire neither early nor late (also under fake timers).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LongTimer {
  cancel(): void;
}

/** Calls `fire` once the wall clock reaches `dueAt` (epoch ms); at once if it is already past. */
export function timerAt(dueAt: number, fire: () => void): LongTimer {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const arm = () => {
    if (cancelled) return;
    const remaining = dueAt - Date.now();
    if (remaining > MAX_TIMER_MS) timer = setTimeout(arm, MAX_TIMER_MS);
    else timer = setTimeout(fire, Math.max(0, remaining));
  };
  arm();
  return {
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}

/** Resolves at `dueAt`, or as soon as `signal` aborts (then the caller is being stopped). */
export function sleepUntil(dueAt: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      timer.cancel();
      resolve();
    };
    const timer = timerAt(dueAt, () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
