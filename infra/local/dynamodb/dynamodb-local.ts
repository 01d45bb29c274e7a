import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const emulatorDir = join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
const launcherSource = fileURLToPath(new URL('./LoopbackDynamoDbLocal.java', import.meta.url));

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  readonly host: string;
  readonly port: number;
  /** Folder for the database file; in memory when absent. */
  readonly dbPath?: string;
  /** Where the compiled launcher is cached. */
  readonly cacheDir: string;
}

/**
 * Starts the AWS DynamoDB Local jar (shipped in the amplify-dynamodb-simulator npm package) bound
 * to the given host only. The child exits by itself when this process dies, because it watches its
 * standard input: no orphaned Java process survives a crash or a kill -9 of `npm start`.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const classDir = compileLauncher(options.cacheDir);
  const classpath = [
    classDir,
    join(emulatorDir, 'DynamoDBLocal.jar'),
    join(emulatorDir, 'DynamoDBLocal_lib', '*'),
  ].join(':');
  const args = [
    `-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`,
    `-Dlotse.host=${options.host}`,
    '-Xss1m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-cp',
    classpath,
    'LoopbackDynamoDbLocal',
    '-port',
    String(options.port),
    '-disableTelemetry',
    ...(options.dbPath ? ['-dbPath', ensureDir(options.dbPath), '-sharedDb'] : ['-inMemory', '-sharedDb']),
  ];
  // DynamoDB Local writes a metadata file into its working directory; keep it out of the repository.
  const cwd = ensureDir(options.dbPath ?? join(options.cacheDir, 'dynamodb-in-memory'));
  const child = spawn('java', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('LOTSE_DYNAMODB_READY')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', (error) =>
      reject(
        new Error(
          `Could not start Java for DynamoDB Local (${error.message}). Install a JDK 17: apt-get install openjdk-17-jre-headless`,
        ),
      ),
    );
    child.once('exit', (code) =>
      reject(new Error(`DynamoDB Local exited with code ${code}:\n${output.join('')}`)),
    );
  });
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    endpoint: `http://${options.host}:${options.port}`,
    process: child,
    stop: () => stopChild(child),
  };
}

function compileLauncher(cacheDir: string): string {
  const classDir = join(cacheDir, 'java');
  const compiled = join(classDir, 'LoopbackDynamoDbLocal.class');
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(launcherSource).mtimeMs) return classDir;
  mkdirSync(classDir, { recursive: true });
  const classpath = [
    join(emulatorDir, 'DynamoDBLocal.jar'),
    join(emulatorDir, 'DynamoDBLocal_lib', '*'),
  ].join(':');
  execFileSync('javac', ['-nowarn', '-cp', classpath, '-d', classDir, launcherSource], { stdio: 'pipe' });
  return classDir;
}

function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
