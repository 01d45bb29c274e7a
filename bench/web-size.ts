/**
 * `npx tsx bench/web-size.ts`: what a phone downloads before it can show a public form. Builds the
 * web app with the project's Vite config into a temp folder (web/dist stays as it is), follows the
 * build manifest from index.html and from the lazily loaded public form page through their static
 * imports, and prints raw, gzip and brotli sizes per file and in total.
 *
 * gzip uses zlib's default level, as Vite's own report does. The reference is the same route with
 * @jsonforms/vanilla-renderers and unmodified dependencies: 144 kB gzip for a 10-field form.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'vite';

const REFERENCE_GZIP_KB = 144;
const FORM_PAGE = 'src/features/public-form/components/public-form-page.tsx';
const CONSOLE = 'src/features/console/console-app.tsx';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

interface Row {
  readonly role: string;
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

const webDir = fileURLToPath(new URL('../web/', import.meta.url));

async function buildInto(outDir: string): Promise<Manifest> {
  await build({
    configFile: join(webDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** A chunk and everything it imports statically (what loads before it can run), in load order. */
function withStaticImports(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  return [...(chunk.imports ?? []).flatMap((dep) => withStaticImports(manifest, dep, seen)), key];
}

function measure(outDir: string, role: string, file: string): Row {
  const bytes = readFileSync(join(outDir, file));
  return {
    role,
    file,
    raw: bytes.byteLength,
    gzip: gzipSync(bytes).byteLength,
    brotli: brotliCompressSync(bytes).byteLength,
  };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1).padStart(7);

function printTable(title: string, rows: readonly Row[]) {
  console.log(`\n${title}`);
  console.log(
    `${'role'.padEnd(22)} ${'file'.padEnd(44)} ${'raw kB'.padStart(7)} ${'gzip kB'.padStart(7)} ${'br kB'.padStart(7)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.role.padEnd(22)} ${row.file.padEnd(44)} ${kb(row.raw)} ${kb(row.gzip)} ${kb(row.brotli)}`,
    );
  }
  const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
  console.log(
    `${'total'.padEnd(22)} ${''.padEnd(44)} ${kb(sum((r) => r.raw))} ${kb(sum((r) => r.gzip))} ${kb(sum((r) => r.brotli))}`,
  );
  return sum((r) => r.gzip);
}

const outDir = mkdtempSync(join(tmpdir(), 'lotse-web-size-'));
try {
  const manifest = await buildInto(outDir);
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('the build has no entry chunk');
  // The console's preview and application view import the form page too: the bundler then names
  // the shared chunk after it (`_public-form-page-<hash>.js`) instead of by its source path.
  const formPage = manifest[entryKey]?.dynamicImports?.find(
    (key) => key === FORM_PAGE || /^_public-form-page-[\w-]+\.js$/.test(key),
  );
  if (!formPage) {
    throw new Error(`${FORM_PAGE} is not loaded lazily from the entry any more`);
  }
  const entryChunks = withStaticImports(manifest, entryKey);
  const formChunks = withStaticImports(manifest, formPage, new Set(entryChunks));
  const js = (keys: readonly string[], role: (key: string) => string) =>
    keys.map((key) => measure(outDir, role(key), (manifest[key] as ManifestChunk).file));

  console.log('Lotse web app: JavaScript the /f/{slug} route loads before it can show a form');
  const startGzip = printTable(
    'Start page (/): entry and its static imports',
    js(entryChunks, (key) => (key === entryKey ? 'entry' : 'entry import')),
  );
  const routeGzip = printTable(
    'Public form (/f/{slug}): entry + lazily loaded form chunk + their static imports',
    [
      ...js(entryChunks, (key) => (key === entryKey ? 'entry' : 'entry import')),
      ...js(formChunks, (key) => (key === formPage ? 'form route chunk' : 'form chunk import')),
    ],
  );
  const css = [...new Set([...entryChunks, ...formChunks].flatMap((key) => manifest[key]?.css ?? []))];
  printTable(
    'CSS on the form route (not counted above)',
    css.map((file) => measure(outDir, 'css', file)),
  );

  // The console: its own chunk (and what it imports), then one chunk per area, loaded on demand.
  if (!manifest[entryKey]?.dynamicImports?.includes(CONSOLE)) {
    throw new Error(`${CONSOLE} is not loaded lazily from the entry any more`);
  }
  const publicKeys = new Set([...entryChunks, ...formChunks]);
  const leaked = [...publicKeys].filter((key) => key.includes('features/console/'));
  if (leaked.length > 0) throw new Error(`console code on the public form route: ${leaked.join(', ')}`);
  const consoleChunks = withStaticImports(manifest, CONSOLE, new Set(entryChunks));
  const consoleGzip = printTable('Console (/console): entry + console chunk + their static imports', [
    ...js(entryChunks, (key) => (key === entryKey ? 'entry' : 'entry import')),
    ...js(consoleChunks, (key) => (key === CONSOLE ? 'console chunk' : 'console import')),
  ]);
  const areaKeys = (manifest[CONSOLE]?.dynamicImports ?? []).filter((key) => !consoleChunks.includes(key));
  printTable(
    'Console areas, each loaded when opened (with imports not loaded before)',
    areaKeys.flatMap((key) =>
      js(withStaticImports(manifest, key, new Set([...entryChunks, ...consoleChunks])), (chunk) =>
        chunk === key ? (key.split('/').slice(-2).join('/').slice(0, 22) ?? 'area') : 'area import',
      ),
    ),
  );

  const routeKb = routeGzip / 1000;
  console.log(
    `\n/f/ route JavaScript: ${routeKb.toFixed(1)} kB gzip (start page ${(startGzip / 1000).toFixed(1)} kB, form chunk ${((routeGzip - startGzip) / 1000).toFixed(1)} kB);` +
      ` reference with vanilla renderers ${REFERENCE_GZIP_KB} kB: ${(((routeKb - REFERENCE_GZIP_KB) / REFERENCE_GZIP_KB) * 100).toFixed(0)} %`,
  );
  console.log(
    `/console JavaScript: ${(consoleGzip / 1000).toFixed(1)} kB gzip before the first area; no console code on the public routes`,
  );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
