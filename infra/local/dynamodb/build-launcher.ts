import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileLauncher,
  compilerVersion,
  findCompiler,
  JAVA_RELEASE,
  type LauncherRecord,
  launcherClass,
  launcherClassFiles,
  launcherDir,
  launcherRecordFile,
  launcherSource,
  sha256,
} from './launcher.ts';

/**
 * Rebuilds `launcher/LoopbackDynamoDbLocal.class` after a change to its source (needs a JDK):
 * `npx tsx infra/local/dynamodb/build-launcher.ts`. Commit the class and `launcher.json` with it.
 */
const compiler = findCompiler();
if (!compiler) {
  console.error('No Java compiler here: install a JDK (Debian: apt-get install -y openjdk-17-jdk-headless)');
  process.exit(1);
}
const outDir = mkdtempSync(join(tmpdir(), 'lotse-launcher-'));
compileLauncher(compiler, outDir);
for (const name of launcherClassFiles()) rmSync(join(launcherDir, name));
const classes: Record<string, string> = {};
for (const name of launcherClassFiles(outDir)) {
  copyFileSync(join(outDir, name), join(launcherDir, name));
  classes[name] = sha256(join(launcherDir, name));
}
rmSync(outDir, { recursive: true, force: true });
const record: LauncherRecord = {
  release: JAVA_RELEASE,
  javac: compilerVersion(compiler),
  sourceSha256: sha256(launcherSource),
  classes,
};
writeFileSync(launcherRecordFile, `${JSON.stringify(record, null, 2)}\n`);
console.log(`Built ${launcherClass} with ${record.javac} (--release ${JAVA_RELEASE})`);
