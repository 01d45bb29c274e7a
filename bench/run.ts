/**
 * `npm run bench`: start-up, API latency, API throughput and workflow-engine figures for the local
 * runtime. Everything binds to 127.0.0.1 on free ports and is stopped again, even on failure.
 * Options: --only=startup,api,throughput,engine,submissions,inbox,certify,bundles (default: all).
 * LOTSE_BENCH_CRASH=10000 adds the crash bench (kill -9 under load; about 20 minutes at 10,000).
 */
import { cpus, loadavg } from 'node:os';
import { benchApi } from './api.ts';
import { benchBundles } from './bundles.ts';
import { benchCertify } from './certify.ts';
import { runCleanups, withTimeout } from './cleanup.ts';
import { benchCrash } from './crash.ts';
import { benchEngine } from './engine.ts';
import { agent } from './http.ts';
import { benchInbox } from './inbox.ts';
import { startBenchRuntime } from './runtime.ts';
import { benchStartup } from './startup.ts';
import { fmt, since } from './stats.ts';
import { benchSubmissions } from './submissions.ts';
import { benchThroughput } from './throughput.ts';

const crashCount = Number(process.env.LOTSE_BENCH_CRASH ?? 0);
/** Seeding 10,000 inbox entries one transaction each takes a minute or two on a shared machine. */
const INBOX_BUDGET_MS = 240_000;
/** Certifying a course of 30: set-up (30 enrolments, 60 marks) and 30 PDFs on a shared machine. */
const CERTIFY_BUDGET_MS = 240_000;
/** Hard limit for the whole run: after it, clean up and exit non-zero. */
const WATCHDOG_MS = 180_000 + CERTIFY_BUDGET_MS + (crashCount > 0 ? 60 * 60_000 : 0) + INBOX_BUDGET_MS;

// Node 20 is what the project targets; the AWS SDK's notice about Node 22 would only clutter the output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A copy taken before startLocalRuntime() rewrites process.env for the in-process runtime.
const baseEnv: NodeJS.ProcessEnv = { ...process.env };
const all = ['startup', 'api', 'throughput', 'engine', 'submissions', 'inbox', 'certify', 'bundles'] as const;
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const selected = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',').filter(Boolean) : all);
const unknown = [...selected].filter((name) => !(all as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${all.join(', ')}`);
  process.exit(2);
}

let finishing: { code: number; done: Promise<void> } | undefined;
/** Cleans up once, whoever calls first (signal, failure, watchdog or success), then exits with that code. */
async function finish(code: number, reason?: string): Promise<never> {
  if (!finishing) {
    if (reason) console.error(reason);
    finishing = { code, done: runCleanups().finally(() => agent.destroy()) };
  }
  await withTimeout(finishing.done, 30_000, 'cleaning up').catch((error: Error) =>
    console.error(error.message),
  );
  process.exit(finishing.code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void finish(130, `\n${signal}: stopping the bench and cleaning up`));
}
process.on('uncaughtException', (error) => void finish(1, `uncaught: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => void finish(1, `unhandled rejection: ${String(error)}`));
setTimeout(() => void finish(1, `bench exceeded ${WATCHDOG_MS / 1000} s; giving up`), WATCHDOG_MS).unref();

const started = performance.now();
console.log(
  `Lotse bench — node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  'All figures from this one run; the machine is shared, so compare medians and ratios, not absolutes.',
);

try {
  if (selected.has('startup')) await benchStartup({ runs: 3, baseEnv });

  if (
    selected.has('api') ||
    selected.has('throughput') ||
    selected.has('engine') ||
    selected.has('submissions') ||
    selected.has('inbox') ||
    selected.has('certify')
  ) {
    const bootStarted = performance.now();
    const { runtime, stop } = await startBenchRuntime();
    console.log(`\n(in-process runtime for benchmarks 2–7 started in ${fmt(since(bootStarted), 0)} ms)`);
    try {
      if (selected.has('api')) await benchApi(runtime, { count: 300, warmup: 30, seriesBudgetMs: 30_000 });
      if (selected.has('throughput')) {
        await benchThroughput(runtime, { concurrency: 8, durationMs: 5_000, maxRequests: 5_000 });
      }
      if (selected.has('engine'))
        await benchEngine(runtime, { runs: 100, warmup: 10, budgetMs: 25_000, breakdownRuns: 30 });
      if (selected.has('submissions')) {
        await benchSubmissions(runtime, {
          count: 50,
          warmup: 20,
          concurrency: 8,
          durationMs: 5_000,
          maxRequests: 3_000,
        });
      }
      if (selected.has('inbox')) await benchInbox(runtime, { count: 10_000, samples: 30 });
      if (selected.has('certify')) await benchCertify(runtime, { participants: 30, budgetMs: 180_000 });
    } finally {
      const stopping = performance.now();
      await stop();
      console.log(`\n(in-process runtime stopped in ${fmt(since(stopping), 0)} ms)`);
    }
  }
  // Sizes only, after the timed parts so esbuild's work does not load them.
  if (selected.has('bundles')) await benchBundles({ breakdowns: 3, contributors: 12, loadRuns: 5 });
  if (crashCount > 0) await benchCrash({ count: crashCount, concurrency: 50 });
  console.log(`\nbench finished in ${fmt(since(started) / 1000, 1)} s`);
  await finish(0);
} catch (error) {
  await finish(1, `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
