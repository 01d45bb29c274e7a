import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dynamoDbClasspath, emulatorDir, launcherDir } from './launcher.ts';

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
  /** Working directory of the in-memory database (DynamoDB Local writes a metadata file there). */
  readonly cacheDir: string;
  /**
   * The `java` to run; default LOTSE_JAVA (set by the prerequisite check, infra/local/prerequisites.ts),
   * then JAVA_HOME's, then the PATH's. A runtime is enough: the launcher ships compiled.
   */
  readonly java?: string;
}

/**
 * Starts the AWS DynamoDB Local jar (shipped in the amplify-dynamodb-simulator npm package) bound
 * to the given host only. The child exits by itself when this process dies, because it watches its
 * standard input: no orphaned Java process survives a crash or a kill -9 of `npm start`.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const classpath = dynamoDbClasspath(launcherDir);
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
  const java = options.java ?? defaultJava();
  const child = spawn(java, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
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
          `Could not start Java for DynamoDB Local (${java}: ${error.message}). Install a Java runtime: apt-get install -y openjdk-17-jre-headless`,
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

function defaultJava(): string {
  const { LOTSE_JAVA, JAVA_HOME } = process.env;
  if (LOTSE_JAVA) return LOTSE_JAVA;
  return JAVA_HOME ? join(JAVA_HOME, 'bin', 'java') : 'java';
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
