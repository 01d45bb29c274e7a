import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The loopback launcher ships compiled (`launcher/LoopbackDynamoDbLocal*.class`), so running
 * DynamoDB Local needs only a Java runtime: a JRE has no `javac`, and a JRE built with jlink (the
 * Temurin images, for example) has no `jdk.compiler` module either, so neither compiling on first
 * start nor the single-file source launcher (`java X.java`) works there. It is built with
 * `--release 11` (class file 55), so any Java from 11 on runs it. `launcher.json` records the hash of
 * the source it was built from; `test/local/dynamodb-launcher.test.ts` fails when they drift and, where
 * a compiler is present, that the class is what the source compiles to.
 */
const require = createRequire(import.meta.url);
export const emulatorDir = join(
  dirname(require.resolve('amplify-dynamodb-simulator/package.json')),
  'emulator',
);
export const launcherDir = fileURLToPath(new URL('./launcher/', import.meta.url));
export const launcherSource = join(launcherDir, 'LoopbackDynamoDbLocal.java');
export const launcherClass = join(launcherDir, 'LoopbackDynamoDbLocal.class');
export const launcherRecordFile = join(launcherDir, 'launcher.json');
export const JAVA_RELEASE = 11;
/** Class file major version of `JAVA_RELEASE` (Java 11 = 55). */
export const CLASS_FILE_MAJOR = JAVA_RELEASE + 44;

export const dynamoDbClasspath = (...first: string[]): string =>
  [...first, join(emulatorDir, 'DynamoDBLocal.jar'), join(emulatorDir, 'DynamoDBLocal_lib', '*')].join(
    delimiter,
  );

export interface LauncherRecord {
  readonly release: number;
  /** `javac -version` of the compiler that built the committed class. */
  readonly javac: string;
  readonly sourceSha256: string;
  /** Each class file the source compiles to (the launcher and its nested classes), by name. */
  readonly classes: Record<string, string>;
}

/** The compiled class files in a folder: the launcher's own and its nested classes', sorted. */
export const launcherClassFiles = (dir: string = launcherDir): string[] =>
  readdirSync(dir)
    .filter((name) => /^LoopbackDynamoDbLocal(\$\w+)?\.class$/.test(name))
    .sort();

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export const readLauncherRecord = (): LauncherRecord =>
  JSON.parse(readFileSync(launcherRecordFile, 'utf8')) as LauncherRecord;

/**
 * A way to run javac here: the `javac` program, or the `jdk.compiler` module of a `java` that has
 * one (Debian's JRE package does); undefined when there is none.
 */
export function findCompiler(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const candidates = [['javac'], ['java', '-m', 'jdk.compiler/com.sun.tools.javac.Main']];
  return candidates.find(
    ([command, ...args]) => spawnSync(command as string, [...args, '-version'], { env }).status === 0,
  );
}

export function compilerVersion(compiler: string[], env: NodeJS.ProcessEnv = process.env): string {
  const [command, ...args] = compiler;
  const result = spawnSync(command as string, [...args, '-version'], { env, encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim();
}

/** Compiles the launcher source into `outDir` exactly as the committed class was built. */
export function compileLauncher(
  compiler: string[],
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const [command, ...args] = compiler;
  const result = spawnSync(
    command as string,
    [
      ...args,
      '--release',
      String(JAVA_RELEASE),
      '-nowarn',
      '-cp',
      dynamoDbClasspath(),
      '-d',
      outDir,
      launcherSource,
    ],
    { env, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`javac failed: ${result.stderr || result.error?.message}`);
}
