import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../infra/local/ports.ts';
import { repositoryRoot } from '../infra/local/runtime.ts';
import { onCleanup } from './cleanup.ts';
import { request } from './http.ts';
import { dynamoDbJavaPids, exited, hasExited, killPid, rssMiB, stopProcess } from './proc.ts';
import { fmt, heading, median, printTable, since } from './stats.ts';

export interface StartupOptions {
  readonly runs: number;
  /** Environment to start from: a copy taken before any in-process runtime changed process.env. */
  readonly baseEnv: NodeJS.ProcessEnv;
  readonly readyTimeoutMs?: number;
}

interface StartupSample {
  readonly wallMs: number;
  readonly readyMs: number;
  readonly nodeRssMiB: number;
  readonly javaRssMiB: number;
  readonly firstHealthMs: number;
  readonly stopMs: number;
  readonly stopResult: string;
}

/**
 * Benchmark 1: `npm start`'s entry point (node --import tsx infra/local/start.ts), spawned the way
 * test/local/restart.test.ts does it, on free ports with a temporary data directory.
 */
export async function benchStartup(options: StartupOptions): Promise<void> {
  heading('1. Start-up of `npm start` (node --import tsx infra/local/start.ts)');
  const samples: StartupSample[] = [];
  for (let run = 0; run < options.runs; run++) {
    samples.push(await startOnce(options));
  }
  const columns: Array<[string, (s: StartupSample) => number, number]> = [
    ['spawn→READY ms', (s) => s.wallMs, 0],
    ['LOTSE_READY ms', (s) => s.readyMs, 0],
    ['node RSS MiB', (s) => s.nodeRssMiB, 1],
    ['java RSS MiB', (s) => s.javaRssMiB, 1],
    ['1st health ms', (s) => s.firstHealthMs, 0],
    ['SIGINT→exit ms', (s) => s.stopMs, 0],
  ];
  printTable(
    ['run', ...columns.map(([name]) => name), 'exit'],
    [
      ...samples.map((sample, i) => [
        String(i + 1),
        ...columns.map(([, pick, decimals]) => fmt(pick(sample), decimals)),
        sample.stopResult,
      ]),
      [
        'median',
        ...columns.map(([, pick, decimals]) => fmt(median(samples.map(pick)), decimals)),
        `n=${samples.length}`,
      ],
    ],
  );
  console.log('  spawn→READY: wall time from spawn() to the LOTSE_READY line on stdout (includes Node + tsx');
  console.log(
    '  start-up and module loading); LOTSE_READY: the figure start.ts prints (startLocalRuntime only).',
  );
  console.log(
    '  RSS sampled once, right after LOTSE_READY; npm start uses an on-disk (persistent) DynamoDB.',
  );
  console.log(
    '  1st health: the first GET /api/health after READY; then SIGINT, timed until the process exits.',
  );
  if (samples.some((s) => s.stopResult !== 'exit code 0')) {
    console.log('  note: an exit other than "exit code 0" means the SIGINT handler did not run (or hung).');
  }
}

async function startOnce(options: StartupOptions): Promise<StartupSample> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-start-'));
  const removeDir = onCleanup(`temp dir ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const ports = {
    PORT: await freePort(),
    LOTSE_DYNAMODB_PORT: await freePort(),
    LOTSE_SFN_PORT: await freePort(),
    LOTSE_SES_PORT: await freePort(),
    LOTSE_AUTH_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...options.baseEnv,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    LOTSE_DATA_DIR: dataDir,
    LOTSE_ENV_FILE: join(dataDir, 'local.env'),
    LOG_LEVEL: 'ERROR',
  };
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'infra/local/start.ts')], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const javaPids = new Set<number>();
  const kill = onCleanup(`npm start (pid ${child.pid})`, async () => {
    await stopProcess(child, 'SIGKILL', 5000);
    // DynamoDB Local exits by itself when its parent dies; make sure of it.
    for (const pid of [...javaPids, ...dynamoDbJavaPids(ports.LOTSE_DYNAMODB_PORT)]) killPid(pid);
  });
  try {
    let output = '';
    const readyMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`npm start was not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`),
          ),
        options.readyTimeoutMs ?? 60_000,
      );
      timer.unref();
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /LOTSE_READY (\d+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(Number(found[1]));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`npm start exited before it was ready:\n${output}`));
      });
    });
    const wallMs = since(started);
    for (const pid of dynamoDbJavaPids(ports.LOTSE_DYNAMODB_PORT)) javaPids.add(pid);
    const nodeRssMiB = rssMiB(child.pid as number);
    const javaRss = [...javaPids].map(rssMiB).filter(Number.isFinite);
    const javaRssMiB = javaRss.length ? javaRss.reduce((a, b) => a + b, 0) : Number.NaN;
    if (javaPids.size !== 1) console.log(`  note: found ${javaPids.size} DynamoDB Local JVMs for this run`);
    // The first API request after READY (cold handler import + the deep health check).
    const healthStarted = performance.now();
    const health = await request(`http://127.0.0.1:${ports.PORT}/api/health`, { timeoutMs: 15_000 });
    const firstHealthMs = since(healthStarted);
    if (health.status !== 200) console.log(`  note: first GET /api/health answered ${health.status}`);

    const stopping = performance.now();
    const stopResult = await stopProcess(child, 'SIGINT', 15_000);
    const stopMs = since(stopping);
    // Give DynamoDB Local a moment to follow its parent; report it if it does not.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && dynamoDbJavaPids(ports.LOTSE_DYNAMODB_PORT).length > 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const leftover = dynamoDbJavaPids(ports.LOTSE_DYNAMODB_PORT);
    if (leftover.length > 0)
      console.log(`  note: DynamoDB Local still running after stop (pids ${leftover.join(',')})`);
    if (!hasExited(child)) await exited(child, 1000);
    return { wallMs, readyMs, nodeRssMiB, javaRssMiB, firstHealthMs, stopMs, stopResult };
  } finally {
    await kill();
    await removeDir();
  }
}
