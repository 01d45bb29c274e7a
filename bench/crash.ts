import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashRun, killGroup } from '../test/support/crash-run.ts';
import { onCleanup } from './cleanup.ts';
import { fmt, heading, printTable } from './stats.ts';

export interface CrashBenchOptions {
  readonly count: number;
  readonly concurrency: number;
}

/**
 * Benchmark 7 (only with LOTSE_BENCH_CRASH=<count>): `npm start` killed with kill -9 half-way
 * through `count` submissions from `concurrency` clients, then started again; how fast it took
 * submissions and how long after the restart every workflow had started.
 */
export async function benchCrash(options: CrashBenchOptions): Promise<void> {
  heading(
    `7. Crash under load: ${options.count} submissions, ${options.concurrency} clients, kill -9 half-way`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-crash-'));
  const spawned: ChildProcess[] = [];
  onCleanup('crash bench processes and data', () => {
    for (const child of spawned) killGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  });
  const result = await crashRun({
    ...options,
    dataDir,
    startedWithinMs: 30 * 60_000,
    log: (line) => console.log(`  ${line}`),
    onSpawn: (child) => spawned.push(child),
  });
  const stored = new Set(result.stored);
  const lost = result.acknowledged.filter((id) => !stored.has(id)).length;
  printTable(
    ['figure', 'value'],
    [
      ['acknowledged (202)', String(result.acknowledged.length)],
      ['acknowledged before the kill', String(result.acceptedBeforeKill)],
      ['submissions/s before the kill', fmt(result.submitPerSecondBeforeKill, 1)],
      ['submissions/s after the restart', fmt(result.submitPerSecondAfterRestart, 1)],
      ['restart: LOTSE_READY ms', String(result.restartReadyMs)],
      ['restart → every workflow started, s', fmt(result.allStartedAfterRestartMs / 1000, 1)],
      [
        'restart → the backlog (before the kill) started, s',
        fmt(result.backlogStartedAfterRestartMs / 1000, 1),
      ],
      ['last submission → every workflow started, s', fmt(result.allStartedAfterLastSubmitMs / 1000, 1)],
      ['acknowledged but not stored', String(lost)],
      ['stored twice', String(result.stored.length - stored.size)],
      ['still pending at the end', String(result.pendingAfter)],
      ['stored without its execution', String(result.withoutExecution.length)],
    ],
  );
}
