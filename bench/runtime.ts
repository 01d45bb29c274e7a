import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeRuntimePorts } from '../infra/local/ports.ts';
import { type LocalRuntime, startLocalRuntime } from '../infra/local/runtime.ts';
import { onCleanup } from './cleanup.ts';

/**
 * The local runtime in this process, as test/support/runtime.ts starts it: free ports on 127.0.0.1,
 * DynamoDB Local in memory, a temporary data dir (executions), logging off. Time runs at real speed
 * (timeScale 1) so no workflow timeout fires while the bench runs.
 */
export async function startBenchRuntime(
  options: { webRoot?: string } = {},
): Promise<{ runtime: LocalRuntime; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
  const removeDir = onCleanup(`temp dir ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  let runtime: LocalRuntime;
  try {
    runtime = await startLocalRuntime({
      host: '127.0.0.1',
      ...(await freeRuntimePorts()),
      dataDir,
      timeScale: 1,
      logLevel: 'SILENT',
      // The submission bench acts as many visitors, each with an X-Forwarded-For of its own.
      viewerAddressFrom: 'x-forwarded-for',
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    });
  } catch (error) {
    await removeDir();
    throw error;
  }
  const stopRuntime = onCleanup('in-process runtime', () => runtime.stop());
  return {
    runtime,
    stop: async () => {
      await stopRuntime();
      await removeDir();
    },
  };
}
