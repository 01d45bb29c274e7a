import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashRun, killGroup } from '../support/crash-run.ts';

/**
 * `npm start` killed with kill -9 (the whole process group: Node and DynamoDB Local) while 50
 * clients submit, then started again: no acknowledged submission is lost or stored twice, and
 * every workflow starts within 5 minutes of the restart. `npm run bench:crash` runs 10,000.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'lotse-crash-'));
const spawned: ChildProcess[] = [];
afterAll(() => {
  for (const child of spawned) killGroup(child);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a crash of npm start under load', () => {
  it(
    'loses no submission, stores none twice and starts every workflow once within 5 minutes',
    async () => {
      const result = await crashRun({
        count: 1000,
        concurrency: 50,
        dataDir,
        startedWithinMs: 5 * 60_000,
        log: (line) => console.info(`[crash] ${line}`),
        onSpawn: (child) => spawned.push(child),
      });
      console.info(
        `[crash] all started ${Math.round(result.allStartedAfterRestartMs)} ms after the restart (the backlog after ${Math.round(result.backlogStartedAfterRestartMs)} ms); ${result.submitPerSecondBeforeKill.toFixed(0)} submissions/s before the kill`,
      );

      expect(result.acceptedBeforeKill).toBeGreaterThanOrEqual(500);
      expect(result.acceptedBeforeKill).toBeLessThan(1000);
      expect(result.acknowledged).toHaveLength(1000);
      expect(new Set(result.stored).size).toBe(result.stored.length);
      expect(new Set(result.stored)).toEqual(new Set(result.acknowledged));
      expect(result.pendingAfter).toBe(0);
      expect(result.allStartedAfterRestartMs).toBeLessThan(5 * 60_000);
      expect(result.backlogStartedAfterRestartMs).toBeLessThan(5 * 60_000);
      expect(result.withoutExecution).toEqual([]);

      // No execution besides the one named after each submission.
      expect(new Set(result.executionNames)).toEqual(new Set(result.stored));
      expect(result.executionNames).toHaveLength(result.stored.length);
    },
    15 * 60_000,
  );
});
