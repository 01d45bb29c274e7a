import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLASS_FILE_MAJOR,
  compileLauncher,
  compilerVersion,
  findCompiler,
  launcherClass,
  launcherClassFiles,
  launcherDir,
  launcherSource,
  readLauncherRecord,
  sha256,
} from '../../infra/local/dynamodb/launcher.ts';

/**
 * The DynamoDB Local launcher ships compiled so that a Java runtime is enough. These prove the
 * committed class belongs to the committed source: always by the recorded hashes, and where a
 * compiler is present (a JDK, or Debian's JRE with its jdk.compiler module) by compiling again.
 */
const outDir = mkdtempSync(join(tmpdir(), 'lotse-launcher-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
const rebuild = 'rebuild it: npx tsx infra/local/dynamodb/build-launcher.ts';

/** javap's listing without its header (file name, date, checksum), which differs between builds. */
function disassembly(compiler: string[], classFile: string): string {
  const [command] = compiler;
  const javap =
    command === 'javac' ? ['javap'] : [command as string, '-m', 'jdk.jdeps/com.sun.tools.javap.Main'];
  const result = spawnSync(javap[0] as string, [...javap.slice(1), '-c', '-p', classFile], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.replace(/^Compiled from .*\n/m, '');
}

describe('the compiled DynamoDB Local launcher', () => {
  it(`is built for Java ${CLASS_FILE_MAJOR - 44} from the source as committed`, () => {
    const record = readLauncherRecord();
    expect(
      sha256(launcherSource),
      `LoopbackDynamoDbLocal.java changed since its class was built; ${rebuild}`,
    ).toBe(record.sourceSha256);
    const shipped = launcherClassFiles();
    expect(shipped, `the class files are not the ones recorded; ${rebuild}`).toEqual(
      Object.keys(record.classes).sort(),
    );
    for (const name of shipped) {
      const file = join(launcherDir, name);
      expect(sha256(file), `${name} is not the one recorded; ${rebuild}`).toBe(record.classes[name]);
      expect(readFileSync(file).readUInt16BE(6), name).toBe(CLASS_FILE_MAJOR);
    }
    expect(shipped).toContain(basename(launcherClass));
  });

  it('is what the source compiles to, where a compiler is present', () => {
    const compiler = findCompiler();
    if (!compiler) {
      // A JRE without jdk.compiler (e.g. one made with jlink): nothing to compile with, which is why it ships.
      expect(spawnSync('java', ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '-version']).status).not.toBe(
        0,
      );
      return;
    }
    compileLauncher(compiler, outDir);
    expect(launcherClassFiles(outDir), rebuild).toEqual(launcherClassFiles());
    const sameCompiler = compilerVersion(compiler) === readLauncherRecord().javac;
    for (const name of launcherClassFiles(outDir)) {
      const fresh = join(outDir, name);
      const shipped = join(launcherDir, name);
      if (sameCompiler) expect(sha256(fresh), `${name}: ${rebuild}`).toBe(sha256(shipped));
      // Another javac writes its constant pool in another order; the code must still be the same.
      else expect(disassembly(compiler, fresh), `${name}: ${rebuild}`).toBe(disassembly(compiler, shipped));
    }
  });
});
