/**
 * Everything the bench starts registers how to undo it here; run.ts calls runCleanups() on normal
 * exit, on failure and on SIGINT/SIGTERM, so no runtime, child process or temp dir outlives it.
 * Each cleanup runs at most once; whoever asks for it second waits for the same run.
 */
type Cleanup = () => Promise<void> | void;

interface Entry {
  readonly what: string;
  readonly run: Cleanup;
  running?: Promise<void>;
}

const entries: Entry[] = [];

const start = (entry: Entry): Promise<void> => {
  entry.running ??= (async () => entry.run())();
  return entry.running;
};

/** Registers a cleanup; returns a function that runs it now (once) and resolves when it is done. */
export function onCleanup(what: string, run: Cleanup): () => Promise<void> {
  const entry: Entry = { what, run };
  entries.push(entry);
  return () => start(entry);
}

/** Runs every cleanup not yet done, newest first; a failing one is reported and the rest still run. */
export async function runCleanups(): Promise<void> {
  for (const entry of [...entries].reverse()) {
    try {
      await start(entry);
    } catch (error) {
      console.error(
        `cleanup of ${entry.what} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  entries.length = 0;
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
