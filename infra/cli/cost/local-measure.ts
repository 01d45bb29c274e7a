import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionIds, functions } from '../../../functions/shared/definitions/functions.ts';
import { meterDynamoDb } from '../../local/dynamodb/usage-meter.ts';
import { freeRuntimePorts } from '../../local/ports.ts';
import { startLocalRuntime } from '../../local/runtime.ts';
import { measureIntakes, measureRegistrations, measureScheduled, type ScenarioResult } from './scenarios.ts';
import { type Usage, UsageRecorder } from './usage.ts';

export interface Measured {
  readonly registration: ScenarioResult;
  readonly intake?: ScenarioResult;
  /** Per scheduled function: its schedule and the usage of `runs` idle invocations. */
  readonly scheduled: Record<string, { everyMinutes: number; runs: number; usage: Usage }>;
}

export const scheduledFunctions = () =>
  functionIds.flatMap((id) => {
    const trigger = (functions[id] as { trigger?: { type: string; everyMinutes?: number } }).trigger;
    return trigger?.type === 'schedule' ? [{ id, everyMinutes: trigger.everyMinutes ?? 5 }] : [];
  });

/** Starts the local runtime in this process with the counting hooks, and runs the scenarios. */
export async function measureLocally(options: { runs: number; intake: boolean }): Promise<Measured> {
  const recorder = new UsageRecorder();
  const stopMeter = meterDynamoDb(recorder.onDynamoDb);
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-cost-'));
  const runtime = await startLocalRuntime({
    ...(await freeRuntimePorts()),
    dataDir,
    // Real durations: no reminder or escalation falls inside a run.
    timeScale: 1,
    logLevel: 'SILENT',
    // The scenarios act as many visitors, each with an X-Forwarded-For of its own.
    viewerAddressFrom: 'x-forwarded-for',
    onLambdaInvoke: recorder.onLambda,
  });
  try {
    await runtime.redrive(0);
    const registration = await measureRegistrations(runtime, recorder, options.runs);
    const intake = options.intake ? await measureIntakes(runtime, recorder, options.runs) : undefined;
    const schedules = scheduledFunctions();
    const runs = 5;
    const usage = await measureScheduled(
      runtime,
      recorder,
      schedules.map((s) => s.id),
      runs,
    );
    const scheduled = Object.fromEntries(
      schedules.map((s) => [s.id, { everyMinutes: s.everyMinutes, runs, usage: usage[s.id] as Usage }]),
    );
    return { registration, ...(intake ? { intake } : {}), scheduled };
  } finally {
    await runtime.stop();
    stopMeter();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
