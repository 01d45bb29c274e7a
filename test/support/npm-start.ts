import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../infra/local/ports.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { eventually } from './poll.ts';
import type { StoredMail } from './runtime.ts';

export type LotsePorts = Record<
  'PORT' | 'LOTSE_DYNAMODB_PORT' | 'LOTSE_SFN_PORT' | 'LOTSE_SES_PORT' | 'LOTSE_AUTH_PORT',
  number
>;

/** Free ports for every server `npm start` opens, so tests can run side by side. */
export async function freeLotsePorts(): Promise<LotsePorts> {
  return {
    PORT: await freePort(),
    LOTSE_DYNAMODB_PORT: await freePort(),
    LOTSE_SFN_PORT: await freePort(),
    LOTSE_SES_PORT: await freePort(),
    LOTSE_AUTH_PORT: await freePort(),
  };
}

export interface RunningLotse {
  readonly child: ChildProcess;
  readonly readyMs: number;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/**
 * Runs `npm start`'s entry point as its own process, exactly as a developer would: only ports, the
 * data folder and `extraEnv` are set; everything else keeps npm start's defaults.
 */
export async function startLotse(
  dataDir: string,
  ports: LotsePorts,
  extraEnv: Record<string, string> = {},
): Promise<RunningLotse> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The test runner's own settings (vitest sets LOG_LEVEL) are not npm start's defaults.
  delete env.LOG_LEVEL;
  delete env.LOTSE_TIME_SCALE;
  Object.assign(env, Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), {
    LOTSE_DATA_DIR: dataDir,
    LOTSE_ENV_FILE: join(dataDir, 'local.env'),
    ...extraEnv,
  });
  const child = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'infra/local/start.ts')], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const readyMs = await eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
      const found = /LOTSE_READY (\d+)/.exec(output);
      return found ? Number(found[1]) : undefined;
    },
    { timeoutMs: 60_000, what: 'npm start to be ready' },
  );
  return { child, readyMs, output: () => output };
}

/** Process ids of DynamoDB Local launchers on this port, read from /proc (no pgrep needed). */
export const dynamoDbLocalProcessesOn = (port: number): string =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
          .split('\0')
          .join(' ')
          .includes(`LoopbackDynamoDbLocal -port ${port} `);
      } catch {
        return false;
      }
    })
    .join(',');

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

/** The mails `npm start`'s local SES holds for this address. */
export async function mailsOnNpmStart(ports: LotsePorts, address: string): Promise<StoredMail[]> {
  const response = await fetch(`http://127.0.0.1:${ports.LOTSE_SES_PORT}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails.filter((m) =>
    m.destination.to.includes(address),
  );
}

/** Waits for the first mail to this address that `about` picks out. */
export const mailOnNpmStart = (
  ports: LotsePorts,
  address: string,
  about: (mail: StoredMail) => boolean,
  what: string,
  timeoutMs = 30_000,
) => eventually(async () => (await mailsOnNpmStart(ports, address)).find(about), { what, timeoutMs });
