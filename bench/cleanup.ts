/**
 * Everything the bench starts registers how to undo it here; run.ts calls runCleanups() on normal
 * exit, on failure and on SIGINT/SIGTERM, so no runtime, child process or temp dir outlives it.
 */
type Cleanup = () => Promise<void> | void;

const cleanups = new Map<number, { what: string; run: Cleanup }>();
let nextId = 0;

/** Registers a cleanup; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(what: string, run: Cleanup): () => Promise<void> {
  const id = nextId++;
  cleanups.set(id, { what, run });
  return async () => {
    const entry = cleanups.get(id);
    if (!entry) return;
    cleanups.delete(id);
    await entry.run();
  };
}

/** Runs every registered cleanup, newest first; a failing one is reported and the rest still run. */
export async function runCleanups(): Promise<void> {
  const pending = [...cleanups.entries()].reverse();
  cleanups.clear();
  for (const [, { what, run }] of pending) {
    try {
      await run();
    } catch (error) {
      console.error(`cleanup of ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Rejects after `ms` with a message naming what took too long; the timer does not keep Node alive. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
