import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../infra/local/ports.ts';
import { repositoryRoot } from '../infra/local/runtime.ts';
import { onCleanup } from './cleanup.ts';
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
  printTable(
    ['run', 'spawn→READY ms', 'LOTSE_READY ms', 'node RSS MiB', 'java RSS MiB', 'SIGINT→exit ms', 'exit'],
    samples.map((s, i) => [
      String(i + 1),
      fmt(s.wallMs, 0),
      fmt(s.readyMs, 0),
      fmt(s.nodeRssMiB, 1),
      fmt(s.javaRssMiB, 1),
      fmt(s.stopMs, 0),
      s.stopResult,
    ]),
  );
  const m = (pick: (s: StartupSample) => number) => median(samples.map(pick));
  printTable(
    ['median', 'spawn→READY ms', 'LOTSE_READY ms', 'node RSS MiB', 'java RSS MiB', 'SIGINT→exit ms', 'n'],
    [
      [
        'median',
        fmt(
          m((s) => s.wallMs),
          0,
        ),
        fmt(
          m((s) => s.readyMs),
          0,
        ),
        fmt(
          m((s) => s.nodeRssMiB),
          1,
        ),
        fmt(
          m((s) => s.javaRssMiB),
          1,
        ),
        fmt(
          m((s) => s.stopMs),
          0,
        ),
        String(samples.length),
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
}

async function startOnce(options: StartupOptions): Promise<StartupSample> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-start-'));
  const removeDir = onCleanup(`temp dir ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const ports = {
    PORT: await freePort(),
    LOTSE_DYNAMODB_PORT: await freePort(),
    LOTSE_SFN_PORT: await freePort(),
    LOTSE_SES_PORT: await freePort(),
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
    return { wallMs, readyMs, nodeRssMiB, javaRssMiB, stopMs, stopResult };
  } finally {
    await kill();
    await removeDir();
  }
}
