import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { aptInstall, type Console } from './apt-install.ts';

/**
 * What `npm start` and `npm test` need beyond Node, checked before they start: a Java runtime for
 * DynamoDB Local and, for the browser tests, Chromium. Where one is missing it is installed from the
 * system's package archive when that is possible (root with apt-get), otherwise the run stops with
 * the exact command for this system, never a stack trace.
 */

/** DynamoDB Local 1.25 is Java 8 bytecode; our launcher is built for 11 (see dynamodb/launcher.ts). */
export const MIN_JAVA = 11;

/** Raised when a prerequisite is missing and cannot be installed here; its message says what to run. */
export class PrerequisiteError extends Error {}

export interface System {
  readonly platform: NodeJS.Platform;
  /** ID and ID_LIKE from /etc/os-release, e.g. ['ubuntu', 'debian']. */
  readonly distro: readonly string[];
  readonly isRoot: boolean;
  /** PATH, JAVA_HOME, LOTSE_JAVA, CHROMIUM_PATH are read here; the found paths are written back. */
  readonly env: NodeJS.ProcessEnv;
  /** False when LOTSE_NO_INSTALL is set: report the command instead of installing. */
  readonly mayInstall: boolean;
  readonly out: Console;
  /** Where Chromium is looked for when CHROMIUM_PATH is not set. */
  readonly chromiumPaths?: readonly string[];
}

export function thisSystem(env: NodeJS.ProcessEnv = process.env): System {
  return {
    platform: process.platform,
    distro: readDistro(),
    isRoot: process.getuid?.() === 0,
    env,
    mayInstall: !env.LOTSE_NO_INSTALL,
    out: process.stdout,
  };
}

function readDistro(): string[] {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const field = (name: string) => new RegExp(`^${name}="?([^"\\n]*)`, 'm').exec(text)?.[1] ?? '';
    return `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

type Family = 'debian' | 'ubuntu' | 'fedora' | 'macos' | 'windows' | 'other';

export function family(system: Pick<System, 'platform' | 'distro'>): Family {
  if (system.platform === 'darwin') return 'macos';
  if (system.platform === 'win32') return 'windows';
  if (system.platform !== 'linux') return 'other';
  if (system.distro[0] === 'ubuntu') return 'ubuntu';
  if (system.distro.includes('debian') || system.distro.includes('ubuntu')) return 'debian';
  if (['fedora', 'rhel', 'centos'].some((id) => system.distro.includes(id))) return 'fedora';
  return 'other';
}

export function which(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const names = process.platform === 'win32' ? [`${command}.exe`, `${command}.cmd`] : [command];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const sudo = (system: System) => (system.isRoot || system.platform !== 'linux' ? '' : 'sudo ');

/** Why we did not install it ourselves, for the message. */
function whyNotInstalled(system: System): string | undefined {
  if (!system.mayInstall) return 'LOTSE_NO_INSTALL is set';
  if (system.platform !== 'linux') return undefined;
  if (!system.isRoot) return 'not running as root';
  if (!which('apt-get', system.env)) return 'no apt-get on the PATH';
  return undefined;
}

const canAptInstall = (system: System) =>
  system.mayInstall &&
  system.platform === 'linux' &&
  system.isRoot &&
  which('apt-get', system.env) !== undefined;

function missing(what: string, command: string | undefined, system: System, hint = ''): PrerequisiteError {
  const reason = whyNotInstalled(system);
  const lines = [
    what,
    command ? `Install it with:\n  ${command}` : '',
    hint,
    command ? `then run the command again${reason ? ` (not installed automatically: ${reason})` : ''}.` : '',
  ];
  return new PrerequisiteError(lines.filter(Boolean).join('\n'));
}

async function install(system: System, pkg: string, need: string): Promise<void> {
  system.out.write(
    `[lotse] Installing ${pkg} from the system's package archive with apt-get, because ${need} (about a minute).\n`,
  );
  try {
    await aptInstall(which('apt-get', system.env) as string, [pkg], system.out);
  } catch (error) {
    throw new PrerequisiteError(
      `Installing ${pkg} failed: ${error instanceof Error ? error.message : String(error)}\nInstall it with:\n  apt-get install -y ${pkg}`,
    );
  }
}

// ---- Java

export const javaInstallCommand = (system: System): string | undefined =>
  ({
    debian: `${sudo(system)}apt-get install -y openjdk-17-jre-headless`,
    ubuntu: `${sudo(system)}apt-get install -y openjdk-17-jre-headless`,
    fedora: `${sudo(system)}dnf install -y java-17-openjdk-headless`,
    macos: 'brew install openjdk@17',
    windows: 'winget install Microsoft.OpenJDK.17',
    other: undefined,
  })[family(system)];

/** Major version of a `java` program (1.8 counts as 8), undefined when it does not run. */
export function javaMajor(java: string, env: NodeJS.ProcessEnv): number | undefined {
  const result = spawnSync(java, ['-version'], { env, encoding: 'utf8', timeout: 30_000 });
  const found = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr ?? ''}${result.stdout ?? ''}`);
  if (result.status !== 0 || !found) return undefined;
  const major = Number(found[1]);
  return major === 1 ? Number(found[2]) : major;
}

function javaCandidates(system: System): string[] {
  const exe = system.platform === 'win32' ? 'java.exe' : 'java';
  const { LOTSE_JAVA, JAVA_HOME } = system.env;
  return [
    LOTSE_JAVA,
    JAVA_HOME && join(JAVA_HOME, 'bin', exe),
    which('java', system.env),
    // Homebrew's openjdk@17 is keg-only: installed, but not on the PATH.
    ...(system.platform === 'darwin'
      ? ['/opt/homebrew/opt/openjdk@17/bin/java', '/usr/local/opt/openjdk@17/bin/java']
      : []),
  ].filter((path): path is string => Boolean(path) && isExecutable(path as string));
}

/** The first Java that is new enough, or what was found instead (for the message). */
export function findJava(system: System): { java?: string; tooOld: string[] } {
  const tooOld: string[] = [];
  for (const java of javaCandidates(system)) {
    const major = javaMajor(java, system.env);
    if (major !== undefined && major >= MIN_JAVA) return { java, tooOld };
    tooOld.push(`${java} (${major === undefined ? 'does not run' : `Java ${major}`})`);
  }
  return { tooOld };
}

/**
 * A Java runtime for DynamoDB Local: found, or installed when root with apt-get, or a
 * PrerequisiteError naming the command. Sets LOTSE_JAVA so the launcher uses the same one.
 */
export async function ensureJava(system: System): Promise<string> {
  let found = findJava(system);
  if (!found.java && canAptInstall(system)) {
    await install(
      system,
      'openjdk-17-jre-headless',
      'DynamoDB Local (the local database) needs a Java runtime',
    );
    found = findJava(system);
  }
  if (!found.java) {
    const seen = found.tooOld.length
      ? ` Found only: ${found.tooOld.join(', ')}.`
      : ' No `java` on the PATH or in JAVA_HOME.';
    throw missing(
      `DynamoDB Local (the local database) needs Java ${MIN_JAVA} or newer (a runtime is enough, no JDK).${seen}`,
      javaInstallCommand(system),
      system,
      javaInstallCommand(system)
        ? ''
        : 'Install a Java 17 runtime with your package manager, or set JAVA_HOME to one.',
    );
  }
  system.env.LOTSE_JAVA = found.java;
  return found.java;
}

// ---- Chromium

function defaultChromiumPaths(system: System): string[] {
  switch (system.platform) {
    case 'darwin':
      return [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ];
    case 'win32':
      return [
        'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
        'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      ];
    default:
      // Fedora names it chromium-browser; on Ubuntu that name is only the snap's shim, so not here.
      return [
        '/usr/bin/chromium',
        ...(family(system) === 'ubuntu' ? [] : ['/usr/bin/chromium-browser']),
        '/snap/bin/chromium',
        '/usr/bin/google-chrome',
      ];
  }
}

export const chromiumInstallCommand = (system: System): string | undefined =>
  ({
    debian: `${sudo(system)}apt-get install -y chromium`,
    ubuntu: 'sudo snap install chromium',
    fedora: `${sudo(system)}dnf install -y chromium`,
    macos: 'brew install --cask chromium',
    windows: 'winget install Google.Chrome',
    other: undefined,
  })[family(system)];

export function findChromium(system: System): string | undefined {
  const configured = system.env.CHROMIUM_PATH;
  if (configured) return isExecutable(configured) ? configured : undefined;
  return (system.chromiumPaths ?? defaultChromiumPaths(system)).find(isExecutable);
}

/** Chromium for the browser tests: found, installed (Debian, root with apt-get), or a PrerequisiteError. */
export async function ensureChromium(system: System): Promise<string> {
  let chromium = findChromium(system);
  if (!chromium && !system.env.CHROMIUM_PATH && family(system) === 'debian' && canAptInstall(system)) {
    await install(system, 'chromium', 'the browser tests drive Chromium');
    chromium = findChromium(system);
  }
  if (chromium) {
    system.env.CHROMIUM_PATH = chromium;
    return chromium;
  }
  throw chromiumMissing(system);
}

export function chromiumMissing(system: System): PrerequisiteError {
  const configured = system.env.CHROMIUM_PATH;
  if (configured)
    return new PrerequisiteError(`CHROMIUM_PATH is ${configured}, which is not an executable program.`);
  const ubuntu = family(system) === 'ubuntu';
  return missing(
    'The browser tests need Chromium (or Chrome), and none was found.',
    chromiumInstallCommand(system),
    system,
    ubuntu
      ? "(Ubuntu's apt package chromium-browser only installs the snap, so it cannot be installed with apt-get; without snapd, as in a container, set CHROMIUM_PATH to any Chromium or Chrome.)"
      : chromiumInstallCommand(system)
        ? ''
        : 'Install Chromium with your package manager, or set CHROMIUM_PATH to a Chromium or Chrome.',
  );
}
