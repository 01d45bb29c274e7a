import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureJava, PrerequisiteError, type System, which } from '../../infra/local/prerequisites.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { exited, freeLotsePorts } from '../support/npm-start.ts';
import { eventually } from '../support/poll.ts';

/**
 * `npm start` on a machine without a JDK: with only a Java runtime it starts (nothing compiles),
 * and with no Java and no way to install one it stops with the command to run. PATHs stand in for
 * the bare machine; the real `java` (a symlink) is the only program on the first one.
 */
const root = mkdtempSync(join(tmpdir(), 'lotse-bare-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const realJava = realpathSync(which('java', process.env) as string);

function binDir(name: string, programs: Record<string, string> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [program, target] of Object.entries(programs)) symlinkSync(target, join(dir, program));
  return dir;
}

/** npm start's entry point as its own process, with this PATH and no JAVA_HOME. */
function npmStart(path: string, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: path, JAVA_HOME: '', LOTSE_JAVA: '', ...extraEnv };
  delete env.LOG_LEVEL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'infra/local/start.ts')], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function npmStartExit(path: string, extraEnv: Record<string, string> = {}) {
  const { child, output } = npmStart(path, extraEnv);
  await exited(child);
  return { code: child.exitCode, output: output() };
}

const system = (overrides: Partial<System>, written: string[]): System => ({
  platform: 'linux',
  distro: ['debian'],
  isRoot: true,
  env: {},
  mayInstall: true,
  out: { write: (text: string) => written.push(text) },
  ...overrides,
});

describe('npm start on a machine without a JDK', () => {
  it('starts with only a java runtime on the PATH: no javac is called', async () => {
    const path = binDir('java-only', { java: realJava });
    expect(which('javac', { PATH: path })).toBeUndefined();
    const ports = await freeLotsePorts();
    const settings = Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)]));
    const dataDir = join(root, 'data');
    const lotse = npmStart(path, {
      ...settings,
      LOTSE_DATA_DIR: dataDir,
      LOTSE_ENV_FILE: join(dataDir, 'env'),
    });
    try {
      // Two shared cores under load start it in 40 s; the deadline is for that, not a speed check.
      await eventually(
        () => {
          if (lotse.child.exitCode !== null) throw new Error(`npm start exited: ${lotse.output()}`);
          return /LOTSE_READY/.test(lotse.output()) || undefined;
        },
        { timeoutMs: 180_000, intervalMs: 200, what: 'npm start to be ready' },
      );
      const health = await fetch(`http://127.0.0.1:${ports.PORT}/api/health`);
      expect(health.status).toBe(200);
      expect(lotse.output()).not.toContain('javac');
    } finally {
      lotse.child.kill('SIGTERM');
      await exited(lotse.child);
    }
    expect(lotse.child.exitCode).toBe(0);
  }, 240_000);

  it('without java and no way to install it, prints the exact command and exits 1 without a stack trace', async () => {
    // An empty PATH: no java, and no apt-get to install one with.
    const { code, output } = await npmStartExit(binDir('nothing'));
    expect(code).toBe(1);
    expect(output).toContain('Cannot start: DynamoDB Local (the local database) needs Java 11 or newer');
    expect(output).toContain('\n  apt-get install -y openjdk-17-jre-headless\n');
    expect(output).toContain('not installed automatically: no apt-get on the PATH');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('with LOTSE_NO_INSTALL it does not install, even as root with apt-get', async () => {
    const { code, output } = await npmStartExit(binDir('apt-only', { 'apt-get': '/usr/bin/apt-get' }), {
      LOTSE_NO_INSTALL: '1',
    });
    expect(code).toBe(1);
    expect(output).toContain('apt-get install -y openjdk-17-jre-headless');
    expect(output).toContain('LOTSE_NO_INSTALL is set');
  });
});

/** An apt-get that records its arguments and, on install, puts the real java beside itself. */
function fakeAptGet(name: string, exitCode = 0): string {
  const dir = binDir(name);
  const script = `#!/bin/sh
echo "$@" >> "${dir}/apt-get.log"
case "$1" in
  update) echo "Hit:1 http://deb.debian.org/debian bookworm InRelease" ;;
  install) echo "Setting up openjdk-17-jre-headless" ; [ ${exitCode} = 0 ] && ln -s "${realJava}" "${dir}/java" ;;
esac
exit ${exitCode}
`;
  writeFileSync(join(dir, 'apt-get'), script);
  chmodSync(join(dir, 'apt-get'), 0o755);
  return dir;
}

describe('installing Java when it is missing', () => {
  it('as root with apt-get: says what it installs and why, shows apt at work, then uses it', async () => {
    const dir = fakeAptGet('apt-ok');
    const written: string[] = [];
    const java = await ensureJava(system({ env: { PATH: dir } }, written));
    expect(java).toBe(join(dir, 'java'));
    expect(readFileSync(join(dir, 'apt-get.log'), 'utf8').trim().split('\n')).toEqual([
      'update -q',
      'install -y -q --no-install-recommends openjdk-17-jre-headless',
    ]);
    expect(written[0]).toBe(
      "[lotse] Installing openjdk-17-jre-headless from the system's package archive with apt-get, because DynamoDB Local (the local database) needs a Java runtime (about a minute).\n",
    );
    expect(written.join('')).toContain('  Setting up openjdk-17-jre-headless\n');
  });

  it('not as root: does not call apt-get and names the sudo command', async () => {
    const dir = fakeAptGet('apt-not-root');
    const error = await ensureJava(system({ env: { PATH: dir }, isRoot: false }, [])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as Error).message).toContain('\n  sudo apt-get install -y openjdk-17-jre-headless\n');
    expect((error as Error).message).toContain('not running as root');
    expect(existsSync(join(dir, 'apt-get.log'))).toBe(false);
  });

  it('when apt-get fails: a clear error with the command, not a crash', async () => {
    const dir = fakeAptGet('apt-fails', 100);
    const error = await ensureJava(system({ env: { PATH: dir } }, [])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as Error).message).toMatch(/^Installing openjdk-17-jre-headless failed: .*exit 100/);
    expect((error as Error).message).toContain('apt-get install -y openjdk-17-jre-headless');
  });

  it('a Java older than 11 counts as missing, and the message says what it found', async () => {
    const dir = binDir('old-java');
    writeFileSync(join(dir, 'java'), '#!/bin/sh\necho \'openjdk version "1.8.0_422"\' >&2\n');
    chmodSync(join(dir, 'java'), 0o755);
    const error = await ensureJava(system({ env: { PATH: dir }, mayInstall: false }, [])).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain(`Found only: ${join(dir, 'java')} (Java 8)`);
  });
});

describe('npm test without Chromium', () => {
  it('stops before any test with the reason, when the run has browser tests', async () => {
    const vitest = join(repositoryRoot, 'node_modules', 'vitest', 'vitest.mjs');
    const child = spawn(process.execPath, [vitest, 'run', 'test/browser/home.browser.test.ts'], {
      cwd: repositoryRoot,
      env: { ...process.env, CHROMIUM_PATH: '/nowhere/chromium' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await exited(child);
    expect(child.exitCode).toBe(1);
    expect(output).toContain(
      'Cannot run the tests: CHROMIUM_PATH is /nowhere/chromium, which is not an executable program.',
    );
    expect(output).not.toContain('Test Files');
  }, 180_000);
});
