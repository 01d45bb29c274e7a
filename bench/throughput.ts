import { randomUUID } from 'node:crypto';
import type { LocalRuntime } from '../infra/local/runtime.ts';
import { adminHeaders, mailCount, waitForMails } from './api.ts';
import { request } from './http.ts';
import { withLoopDelay } from './loop.ts';
import { fmt, heading, latencyHeader, latencyRow, printTable, since, summarize } from './stats.ts';

export interface ThroughputOptions {
  readonly concurrency: number;
  readonly durationMs: number;
  /** Upper bound on requests, whatever the duration. */
  readonly maxRequests: number;
}

/** Benchmark 3: POST /api/system-checks from a fixed number of concurrent clients for a fixed time. */
export async function benchThroughput(runtime: LocalRuntime, options: ThroughputOptions): Promise<void> {
  heading(`3. Throughput: POST /api/system-checks, concurrency ${options.concurrency}`);
  const api = runtime.urls.api;
  const admin = adminHeaders(runtime);
  const mailsBefore = await mailCount(runtime);
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let issued = 0;
  let accepted = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const worker = async () => {
    while (performance.now() < deadline && issued < options.maxRequests) {
      issued += 1;
      const sent = performance.now();
      try {
        const reply = await request(`${api}/system-checks`, {
          method: 'POST',
          headers: admin,
          json: { recipient: `bench-${randomUUID()}@example.org` },
        });
        latencies.push(since(sent));
        if (reply.status === 202) accepted += 1;
        else count(errors, `HTTP ${reply.status}: ${reply.body.slice(0, 120)}`);
      } catch (error) {
        count(errors, error instanceof Error ? error.message : String(error));
      }
    }
  };
  const { loop } = await withLoopDelay(() =>
    Promise.all(Array.from({ length: options.concurrency }, worker)),
  );
  const elapsedMs = since(started);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);

  printTable(latencyHeader, [
    latencyRow(`POST /api/system-checks (c=${options.concurrency})`, summarize(latencies)),
  ]);
  console.log(`  requests:   ${issued} in ${fmt(elapsedMs / 1000, 2)} s`);
  console.log(`  throughput: ${fmt((accepted / elapsedMs) * 1000, 1)} accepted requests/s`);
  console.log(`  errors:     ${errorCount}`);
  for (const [message, n] of errors) console.log(`    ${n} × ${message}`);
  console.log(`  ${loop}`);

  // The workflows the burst started send their mails after the 202s: how long is the backlog?
  const drained = await waitForMails(runtime, mailsBefore + accepted, 20_000);
  console.log(
    `  mail backlog: ${drained.count - mailsBefore}/${accepted} mails in local SES ` +
      `${fmt(drained.waitedMs, 0)} ms after the burst ended`,
  );
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
