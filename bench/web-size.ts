/**
 * What a phone downloads before it can show a public form. Builds the web app as `npm run build:web`
 * does (three builds, infra/local/web-build.ts) into a temp folder (web/dist stays as it is), follows
 * the form build's manifest from form.html's entry, the public build's from public.html's (and to
 * the decision page's chunk), and the console build's from index.html's entry to the console, through their
 * static imports, and prints raw, gzip and brotli sizes per file and in total.
 * `npm run bench:web -- --only=size` runs it.
 *
 * gzip uses zlib's default level, as Vite's own report does; Brotli its best (what the bench's
 * server keeps for static files).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildWeb, webBuilds } from '../infra/local/web-build.ts';

const CONSOLE = 'src/features/console/console-app.tsx';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
}
export type Manifest = Record<string, ManifestChunk>;

export interface Sizes {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}
interface Row extends Sizes {
  readonly role: string;
  readonly file: string;
}

const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));

/** The three builds of the web app (infra/local/web-build.ts). */
export interface AppBuild {
  /** index.html's (React): the console. */
  readonly app: Manifest;
  /** form.html's (Preact): the public form page. */
  readonly form: Manifest;
  /** public.html's (Preact): every other page outside the console. */
  readonly publicPages: Manifest;
}

/** Builds the app as `npm run build:web` does, into `outDir`, with manifests and no source maps. */
export async function buildApp(outDir: string): Promise<AppBuild> {
  await buildWeb(repositoryRoot, { outDir, manifest: true, sourcemap: false });
  const read = (manifest: string) => JSON.parse(readFileSync(join(outDir, manifest), 'utf8')) as Manifest;
  const [app, form, publicPages] = webBuilds.map((build) => read(build.manifest));
  return { app: app as Manifest, form: form as Manifest, publicPages: publicPages as Manifest };
}

/** A chunk and everything it imports statically (what loads before it can run), in load order. */
export function withStaticImports(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  return [...(chunk.imports ?? []).flatMap((dep) => withStaticImports(manifest, dep, seen)), key];
}

/** The entry of an HTML page (`form.html`), or the build's first entry. */
export function entryKey(manifest: Manifest, html?: string): string {
  const key = html ?? Object.keys(manifest).find((candidate) => manifest[candidate]?.isEntry);
  if (!key || !manifest[key]?.isEntry) throw new Error(`the build has no entry ${html ?? 'chunk'}`);
  return key;
}

/** The public form route: form.html's entry and its static imports (its own build). */
export function formRouteChunks(build: AppBuild): string[] {
  return withStaticImports(build.form, entryKey(build.form, 'form.html'));
}

const DECISION_PAGE = 'src/features/decision/decision-page.tsx';

export function measure(outDir: string, file: string): Sizes {
  const bytes = readFileSync(join(outDir, file));
  return {
    raw: bytes.byteLength,
    gzip: gzipSync(bytes).byteLength,
    brotli: brotliCompressSync(bytes).byteLength,
  };
}

/** Sum of the sizes of the chunks' JavaScript files. */
export function totalOf(outDir: string, manifest: Manifest, keys: readonly string[]): Sizes {
  return keys
    .map((key) => measure(outDir, (manifest[key] as ManifestChunk).file))
    .reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), {
      raw: 0,
      gzip: 0,
      brotli: 0,
    });
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
}

/** The per-file tables of the app's build: start page, form route, its CSS, console and its areas. */
export function printAppSizes(outDir: string, build: AppBuild): void {
  const manifest = build.app;
  const entry = entryKey(manifest);
  const entryChunks = withStaticImports(manifest, entry);
  const formChunks = formRouteChunks(build);
  const js = (keys: readonly string[], role: (key: string) => string, from = manifest): Row[] =>
    keys.map((key) => {
      const file = (from[key] as ManifestChunk).file;
      return { role: role(key), file, ...measure(outDir, file) };
    });
  const entryRole = (key: string) => (key === entry ? 'entry' : 'entry import');

  const pages = build.publicPages;
  console.log('Lotse web app: JavaScript the /f/{slug} route loads before it can show a form');
  const formEntry = entryKey(build.form, 'form.html');
  printTable(
    'Public form (/f/{slug}): form.html (Preact build) entry and its static imports',
    js(formChunks, (key) => (key === formEntry ? 'form entry' : 'form entry import'), build.form),
  );
  const css = [...new Set(formChunks.flatMap((key) => build.form[key]?.css ?? []))];
  printTable(
    'CSS on the form route (not counted above)',
    css.map((file) => ({ role: 'css', file, ...measure(outDir, file) })),
  );

  // The console: its own chunk (and what it imports), then one chunk per area, loaded on demand.
  if (!manifest[entry]?.dynamicImports?.includes(CONSOLE)) {
    throw new Error(`${CONSOLE} is not loaded lazily from the entry any more`);
  }
  const publicEntry = entryKey(pages, 'public.html');
  const publicChunks = withStaticImports(pages, publicEntry);
  const publicRole = (key: string) => (key === publicEntry ? 'entry' : 'entry import');
  printTable(
    'Start page (/) and the pages from e-mail links: public.html (Preact build) entry and its static imports',
    js(publicChunks, publicRole, pages),
  );
  if (!pages[publicEntry]?.dynamicImports?.includes(DECISION_PAGE)) {
    throw new Error(`${DECISION_PAGE} is not loaded lazily from public.html's entry any more`);
  }
  printTable(
    "A coordinator's decision page (/decide/{token}): public.html's entry, the page's chunk and their static imports",
    js(
      [...publicChunks, ...withStaticImports(pages, DECISION_PAGE, new Set(publicChunks))],
      (key) => (key === DECISION_PAGE ? 'decision page' : publicRole(key)),
      pages,
    ),
  );
  const leaked = [...formChunks, ...publicChunks].filter((key) => key.includes('features/console/'));
  if (leaked.length > 0) throw new Error(`console code on a public page: ${leaked.join(', ')}`);
  const consoleChunks = withStaticImports(manifest, CONSOLE, new Set(entryChunks));
  printTable('Console (/console): index.html (React build) entry + console chunk + their static imports', [
    ...js(entryChunks, entryRole),
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
}
