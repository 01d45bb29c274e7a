/**
 * Issue 13's figures: the size of every Lambda bundle, built by esbuild with the options CDK uses
 * (infra/bundling/esbuild-options.ts). For the biggest bundles it lists what fills them, from
 * esbuild's metafile, by npm package (or folder of our own code). Then what the size is about, a
 * cold start: how long a fresh Node process takes to load each bundle (`await import()`, the part
 * of a Lambda init that is ours), and, for a few, the same with the AWS SDK left to the Lambda
 * runtime's own copy instead of bundled.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { functionIds, functions } from '../functions/shared/definitions/functions.ts';
import { stateMachineArnVariable, stateMachineIds } from '../functions/shared/definitions/state-machines.ts';
import { esbuildOptions } from '../infra/bundling/esbuild-options.ts';
import { fmt, heading, median, printTable } from './stats.ts';

export interface BundleOptions {
  /** How many of the biggest bundles get a breakdown. */
  readonly breakdowns: number;
  /** Contributors listed per breakdown. */
  readonly contributors: number;
  /** Fresh processes per bundle that time its load (0: sizes only). */
  readonly loadRuns: number;
}

interface BundleSize {
  readonly functionId: string;
  readonly raw: number;
  readonly gzip: number;
  readonly map: number;
  readonly byPackage: ReadonlyMap<string, number>;
  /** Where the bundle was written (under cdk.out, so that an external package resolves from node_modules). */
  readonly file: string;
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const SUBMIT = 'submission-create';
const SMALL_BYTES = 100_000;
const SUBMIT_TARGET_BYTES = 200_000;
const kB = (bytes: number): string => fmt(bytes / 1000, 1);

export async function benchBundles(options: BundleOptions): Promise<void> {
  heading('Lambda bundles (esbuild, as CDK bundles them; kB = 1,000 bytes)');
  const sizes: BundleSize[] = [];
  // One at a time: the machine is shared, and this is about bytes, not speed.
  for (const functionId of functionIds) sizes.push(await bundle(functionId));
  sizes.sort((a, b) => b.raw - a.raw);

  printTable(
    ['function', 'raw kB', 'gzip kB', 'map kB'],
    sizes.map((s) => [s.functionId, kB(s.raw), kB(s.gzip), s.map ? kB(s.map) : '-']),
  );
  const raws = sizes.map((s) => s.raw);
  const submit = sizes.find((s) => s.functionId === SUBMIT);
  const small = sizes.filter((s) => s.raw <= SMALL_BYTES).length;
  console.log(
    `\n  ${sizes.length} bundles: median ${kB(median(raws))} kB, max ${kB(Math.max(...raws))} kB ` +
      `(${sizes[0]?.functionId}), gzip median ${kB(median(sizes.map((s) => s.gzip)))} kB`,
  );
  console.log(
    `  ≤ ${kB(SMALL_BYTES)} kB: ${small} of ${sizes.length} (target: most) — ${small * 2 > sizes.length ? 'met' : 'NOT met'}`,
  );
  if (submit) {
    console.log(
      `  ${SUBMIT}: ${kB(submit.raw)} kB (gzip ${kB(submit.gzip)} kB), target ≤ ${kB(SUBMIT_TARGET_BYTES)} kB — ` +
        (submit.raw <= SUBMIT_TARGET_BYTES ? 'met' : 'NOT met'),
    );
  }

  const broken = new Set([submit, ...sizes.slice(0, options.breakdowns)].filter((s) => s !== undefined));
  for (const size of broken) {
    console.log(`\n  ${size.functionId} (${kB(size.raw)} kB), top contributors:`);
    const top = [...size.byPackage].sort((a, b) => b[1] - a[1]).slice(0, options.contributors);
    printTable(
      ['package or folder', 'kB', 'share'],
      top.map(([name, bytes]) => [name, kB(bytes), `${fmt((100 * bytes) / size.raw, 0)} %`]),
    );
  }
  if (options.loadRuns > 0) await benchLoads(sizes, options.loadRuns);
}

/**
 * Load time of every bundle as deployed, then bundled vs. the AWS SDK external for three: the
 * submit handler, the median-sized one and the biggest. The SDK stays bundled because this says so
 * (one run, node 20, medians of 5, load average about 9): submit 67 ms bundled (514 kB) against
 * 124 ms with the SDK external (305 kB + the SDK read from node_modules, as the runtime's own copy
 * would be), system-check-send-mail 68 against 160 ms, course-certify 217 against 351 ms.
 */
async function benchLoads(sizes: readonly BundleSize[], runs: number): Promise<void> {
  heading(`Lambda bundles: module load in a fresh Node process (median of ${runs}, ms)`);
  const loads = new Map<string, number>();
  const failed: string[] = [];
  for (const size of sizes) {
    const ms = await loadTime(size.file, runs);
    if (typeof ms === 'number') loads.set(size.functionId, ms);
    else failed.push(`${size.functionId} (${ms.slice(0, 100)})`);
  }
  if (failed.length > 0) console.log(`  did not load: ${failed.join('; ')}`);
  const all = [...loads.values()];
  console.log(
    `  ${loads.size} of ${sizes.length} bundles loaded: median ${fmt(median(all), 1)} ms, ` +
      `max ${fmt(Math.max(...all), 1)} ms; ${SUBMIT} ${fmt(loads.get(SUBMIT) ?? Number.NaN, 1)} ms`,
  );
  const byRaw = [...sizes].sort((a, b) => a.raw - b.raw);
  const picks = [
    ...new Set([SUBMIT, byRaw[Math.floor(byRaw.length / 2)]?.functionId, byRaw.at(-1)?.functionId]),
  ].filter((id): id is (typeof functionIds)[number] => id !== undefined);
  const rows: string[][] = [];
  for (const functionId of picks) {
    const bundled = sizes.find((s) => s.functionId === functionId) as BundleSize;
    const external = await bundle(functionId, { sdkExternal: true });
    const [inMs, outMs] = [await loadTime(bundled.file, runs), await loadTime(external.file, runs)].map(
      (ms) => (typeof ms === 'number' ? ms : undefined),
    );
    rows.push([
      functionId,
      kB(bundled.raw),
      fmt(inMs ?? Number.NaN, 1),
      kB(external.raw),
      fmt(outMs ?? Number.NaN, 1),
      inMs && outMs ? `${fmt(outMs / inMs, 2)}×` : '-',
    ]);
  }
  console.log('');
  printTable(['function', 'bundled kB', 'load ms', 'SDK external kB', 'load ms', 'external / bundled'], rows);
}

const run = promisify(execFile);

/** What the functions find in their environment on AWS (values made up, none is called here). */
const loadEnvironment: Record<string, string | undefined> = {
  PATH: process.env.PATH,
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'bench-lotse',
  USER_POOL_ID: 'eu-central-1_bench',
  LOTSE_USER_POOL_CLIENT_ID: 'bench',
  MAIL_FROM: 'lotse@example.org',
  ORGANISATION_NAME: 'Lotse',
  PUBLIC_BASE_URL: 'https://lotse.example.org',
  LOTSE_WEB_URL: 'https://lotse.example.org',
  LOG_LEVEL: 'WARN',
  POWERTOOLS_METRICS_DISABLED: 'true',
  ...Object.fromEntries(
    stateMachineIds.map((id) => [
      stateMachineArnVariable(id),
      `arn:aws:states:eu-central-1:123456789012:stateMachine:bench-lotse-${id}`,
    ]),
  ),
};

/** Median ms of `await import(file)` in fresh processes, or why it did not load. */
async function loadTime(file: string, runs: number): Promise<number | string> {
  const url = pathToFileURL(file).href;
  const script = `const t = performance.now(); try { await import(${JSON.stringify(url)}); } catch (e) { console.log('failed: ' + e.message); process.exit(0); } console.log(performance.now() - t); process.exit(0);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
      env: loadEnvironment,
    });
    const last = stdout.trim().split('\n').pop() ?? '';
    const ms = Number(last);
    if (!Number.isFinite(ms)) return last;
    times.push(ms);
  }
  return median(times);
}

async function bundle(
  functionId: (typeof functionIds)[number],
  variant: { sdkExternal?: boolean } = {},
): Promise<BundleSize> {
  const base = esbuildOptions(repositoryRoot);
  const file = join(
    repositoryRoot,
    'cdk.out',
    'bench-bundles',
    variant.sdkExternal ? `${functionId}-sdk-external` : functionId,
    'index.mjs',
  );
  const result = await build({
    ...base,
    ...(variant.sdkExternal ? { external: ['@aws-sdk/*', '@smithy/*'], alias: {} } : {}),
    entryPoints: [join(repositoryRoot, functions[functionId].entry)],
    outfile: file,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
  if (!code) throw new Error(`esbuild wrote no index.mjs for ${functionId}`);
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code.contents);
  return {
    file,
    functionId,
    raw: code.contents.byteLength,
    gzip: gzipSync(code.contents).byteLength,
    map: map?.contents.byteLength ?? 0,
    byPackage: byPackage(result.metafile),
  };
}

/** Output bytes by npm package (`@scope/name`), or for our own code by its folder (at most three levels). */
function byPackage(metafile: Metafile): Map<string, number> {
  const output = Object.values(metafile.outputs).find((file) => file.entryPoint !== undefined);
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    // Metafile paths are relative to absWorkingDir, the repository root.
    const name = packageOf(path);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return totals;
}

function packageOf(path: string): string {
  const parts = path.split(/[\\/]/);
  const last = parts.lastIndexOf('node_modules');
  if (last >= 0) {
    const scoped = parts[last + 1]?.startsWith('@');
    return parts.slice(last + 1, last + (scoped ? 3 : 2)).join('/');
  }
  return parts.slice(0, parts.length > 3 ? 3 : parts.length - 1).join('/') || path;
}
