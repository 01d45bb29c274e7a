import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { repositoryRoot } from '../../local/runtime.ts';
import { buildWeb, webBuilds } from '../../local/web-build.ts';

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

const DECISION_PAGE = 'src/features/decision/decision-page.tsx';

/**
 * Builds the web app into a temporary folder as `npm run build:web` does and follows the build
 * manifests: for the form, form.html, its entry (the form build), their static imports and CSS; for
 * the decision page, public.html, its entry (the public build), the lazily loaded page chunk and theirs.
 */
export async function measurePageLoads(): Promise<PageLoads> {
  const outDir = mkdtempSync(join(tmpdir(), 'lotse-cost-web-'));
  try {
    await buildWeb(repositoryRoot, { outDir, manifest: true, sourcemap: false, logLevel: 'silent' });
    const [, form, pages] = webBuilds.map(
      ({ manifest }) => JSON.parse(readFileSync(join(outDir, manifest), 'utf8')) as Manifest,
    ) as [Manifest, Manifest, Manifest];
    const entryOf = (manifest: Manifest, html: string) => {
      if (!manifest[html]?.isEntry) throw new Error(`no web build has the entry ${html}`);
      return html;
    };
    const load = (html: string, manifest: Manifest, roots: readonly string[]): PageLoad => {
      const chunks = [...new Set(roots.flatMap((root) => withImports(manifest, root)))];
      const files = [
        ...chunks.map((key) => (manifest[key] as ManifestChunk).file),
        ...new Set(chunks.flatMap((key) => manifest[key]?.css ?? [])),
      ];
      const bytes = [html, ...files].reduce(
        (sum, file) => sum + brotliCompressSync(readFileSync(join(outDir, file))).byteLength,
        0,
      );
      return { files: files.length + 1, bytes };
    };
    const publicEntry = entryOf(pages, 'public.html');
    if (!pages[publicEntry]?.dynamicImports?.includes(DECISION_PAGE)) {
      throw new Error("the decision page is no longer loaded lazily from public.html's entry");
    }
    return {
      form: load('form.html', form, [entryOf(form, 'form.html')]),
      decision: load('public.html', pages, [publicEntry, DECISION_PAGE]),
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
