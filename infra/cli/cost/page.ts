import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'vite';
import { repositoryRoot } from '../../local/runtime.ts';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** What a first visit to a page downloads: files and bytes as CloudFront sends them (Brotli). */
export interface PageLoad {
  readonly files: number;
  readonly bytes: number;
}

export interface PageLoads {
  readonly form: PageLoad;
  readonly decision: PageLoad;
}

const FORM_PAGE =
  /^(src\/features\/public-form\/components\/public-form-page\.tsx|_public-form-page-[\w-]+\.js)$/;
const DECISION_PAGE = 'src/features/decision/decision-page.tsx';

/**
 * Builds the web app into a temporary folder and follows the build manifest from index.html to the
 * lazily loaded page: index.html, the entry, the page chunk, their static imports and CSS.
 */
export async function measurePageLoads(): Promise<PageLoads> {
  const outDir = mkdtempSync(join(tmpdir(), 'lotse-cost-web-'));
  try {
    await build({
      configFile: join(repositoryRoot, 'web', 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    if (!entry) throw new Error('the web build has no entry');
    const lazyPage = (test: (key: string) => boolean) => {
      const key = manifest[entry]?.dynamicImports?.find(test);
      if (!key) throw new Error('a page is no longer loaded lazily from the entry');
      return key;
    };
    const load = (page: string): PageLoad => {
      const chunks = [...new Set([...withImports(manifest, entry), ...withImports(manifest, page)])];
      const files = [
        'index.html',
        ...chunks.map((key) => (manifest[key] as ManifestChunk).file),
        ...new Set(chunks.flatMap((key) => manifest[key]?.css ?? [])),
      ];
      const bytes = files.reduce(
        (sum, file) => sum + brotliCompressSync(readFileSync(join(outDir, file))).byteLength,
        0,
      );
      return { files: files.length, bytes };
    };
    return {
      form: load(lazyPage((key) => FORM_PAGE.test(key))),
      decision: load(lazyPage((key) => key === DECISION_PAGE)),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function withImports(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  return [...(manifest[key]?.imports ?? []).flatMap((dep) => withImports(manifest, dep, seen)), key];
}
