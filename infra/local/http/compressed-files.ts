import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { ContentEncoding } from './content-encoding.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface FileVariants {
  /** S3's ETag for a single-part upload: the MD5 of the bytes, quoted. */
  readonly etag: string;
  readonly identity: Buffer;
  /** Only for files worth compressing (see `isCompressible`). */
  readonly encoded?: Readonly<Record<ContentEncoding, Buffer>>;
}

/**
 * The build's files with their Brotli and gzip forms, each compressed once: in memory keyed by path,
 * mtime and size, and on disk (when given a folder) keyed by content hash, so the next start and
 * every test runtime reuse them. Compression runs in libuv's thread pool (`brotliCompress`, not the
 * Sync form): at Brotli's best quality the main bundle takes most of a second, which would
 * otherwise stall the handlers sharing this process.
 */
export class CompressedFiles {
  private readonly entries = new Map<string, { version: string; variants: Promise<FileVariants> }>();

  constructor(private readonly cacheDir?: string) {}

  get(file: string, mtimeMs: number, size: number, compressible: boolean): Promise<FileVariants> {
    const version = `${mtimeMs}:${size}:${compressible}`;
    const cached = this.entries.get(file);
    if (cached?.version === version) return cached.variants;
    const variants = this.load(file, compressible);
    this.entries.set(file, { version, variants });
    variants.catch(() => this.entries.delete(file));
    return variants;
  }

  private async load(file: string, compressible: boolean): Promise<FileVariants> {
    const identity = await readFile(file);
    const md5 = createHash('md5').update(identity).digest('hex');
    const etag = `"${md5}"`;
    if (!compressible) return { etag, identity };
    const [br, gz] = await Promise.all([
      this.encoded(md5, 'br', () =>
        brotli(identity, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
          },
        }),
      ),
      this.encoded(md5, 'gzip', () => gzipAsync(identity, { level: constants.Z_BEST_COMPRESSION })),
    ]);
    return { etag, identity, encoded: { br, gzip: gz } };
  }

  private async encoded(md5: string, encoding: ContentEncoding, compress: () => Promise<Buffer>) {
    if (!this.cacheDir) return compress();
    const path = join(this.cacheDir, `${md5}.${encoding}`);
    const stored = await readFile(path).catch(() => undefined);
    if (stored) return stored;
    const bytes = await compress();
    await mkdir(this.cacheDir, { recursive: true });
    // Written aside and renamed, so a runtime starting alongside never reads half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, path);
    return bytes;
  }
}

export interface CompressionSummary {
  readonly files: number;
  readonly bytes: number;
  readonly br: number;
  readonly gzip: number;
  readonly ms: number;
}

/** Compresses every compressible file of the build, one at a time, and says what it saves. */
export async function precompress(
  root: string,
  files: CompressedFiles,
  compressibleFile: (path: string, size: number) => boolean,
): Promise<CompressionSummary> {
  const started = performance.now();
  const summary = { files: 0, bytes: 0, br: 0, gzip: 0 };
  for (const path of await listFiles(root)) {
    const info = await stat(path);
    if (!compressibleFile(path, info.size)) continue;
    const { encoded } = await files.get(path, info.mtimeMs, info.size, true);
    summary.files += 1;
    summary.bytes += info.size;
    summary.br += encoded?.br.byteLength ?? info.size;
    summary.gzip += encoded?.gzip.byteLength ?? info.size;
  }
  return { ...summary, ms: Math.round(performance.now() - started) };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}
