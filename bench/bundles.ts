/**
 * Issue 13's figures: the size of every Lambda bundle, built by esbuild with the options CDK uses
 * (infra/bundling/esbuild-options.ts), in memory. Nothing is timed. For the biggest bundles it lists
 * what fills them, from esbuild's metafile, by npm package (or folder of our own code).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { functionIds, functions } from '../functions/shared/definitions/functions.ts';
import { esbuildOptions } from '../infra/bundling/esbuild-options.ts';
import { fmt, heading, median, printTable } from './stats.ts';

export interface BundleOptions {
  /** How many of the biggest bundles get a breakdown. */
  readonly breakdowns: number;
  /** Contributors listed per breakdown. */
  readonly contributors: number;
}

interface BundleSize {
  readonly functionId: string;
  readonly raw: number;
  readonly gzip: number;
  readonly map: number;
  readonly byPackage: ReadonlyMap<string, number>;
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
}

async function bundle(functionId: (typeof functionIds)[number]): Promise<BundleSize> {
  const base = esbuildOptions(repositoryRoot);
  const result = await build({
    ...base,
    entryPoints: [join(repositoryRoot, functions[functionId].entry)],
    outfile: join(repositoryRoot, 'cdk.out', 'bench-bundles', functionId, 'index.mjs'),
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
  if (!code) throw new Error(`esbuild wrote no index.mjs for ${functionId}`);
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  return {
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
