import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { spaRewrite } from '../../../functions/shared/definitions/spa-fallback.ts';
import { cacheControlFor, isCompressible } from '../../../functions/shared/definitions/web-headers.ts';
import { CompressedFiles, type FileVariants, precompress } from './compressed-files.ts';
import { negotiateEncoding } from './content-encoding.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const typeOf = (path: string) => TYPES[extname(path)] ?? 'application/octet-stream';

export interface StaticSiteOptions {
  /** The build (web/dist). */
  readonly root: string;
  /** Where compressed forms of the build are kept between starts. @default memory only */
  readonly cacheDir?: string;
  /** What the deployment writes into the bucket besides the build, e.g. config.json. */
  readonly extraFiles?: Readonly<Record<string, Buffer>>;
}

interface Resolved {
  readonly relativePath: string;
  readonly variants: FileVariants;
}

/**
 * Serves the built web app as S3 behind the CloudFront distribution does: the SPA fallback function,
 * Cache-Control as the deployment stores it, Brotli or gzip by Accept-Encoding (CachingOptimized),
 * ETag and 304 (the response headers policy is the server's, for API answers too). A missing file is a 404 (S3 answers 403, as the
 * distribution may not list the bucket).
 */
export function createStaticSite(options: StaticSiteOptions) {
  const files = new CompressedFiles(options.cacheDir);
  const extras = new Map(
    Object.entries(options.extraFiles ?? {}).map(([path, bytes]) => [path, inMemoryVariants(path, bytes)]),
  );

  async function resolve(pathname: string): Promise<Resolved | undefined> {
    const uri = spaRewrite(pathname);
    const relativePath = normalize(decodeURIComponent(uri)).replace(/^([/\\])+/, '');
    const extra = extras.get(relativePath);
    if (extra) return { relativePath, variants: extra };
    const file = join(options.root, relativePath);
    if (!file.startsWith(options.root + sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const compressible = isCompressible(typeOf(file), info.size);
    return { relativePath, variants: await files.get(file, info.mtimeMs, info.size, compressible) };
  }

  async function serve(request: IncomingMessage, response: ServerResponse, pathname: string) {
    const found = await resolve(pathname);
    if (!found) return notFound(response, pathname);
    const { relativePath, variants } = found;
    const encoding = variants.encoded ? negotiateEncoding(request.headers['accept-encoding']) : undefined;
    const body = encoding && variants.encoded ? variants.encoded[encoding] : variants.identity;
    const headers: OutgoingHttpHeaders = {
      'content-type': typeOf(relativePath),
      'cache-control': cacheControlFor(relativePath),
      // As CloudFront does when it compresses: the strong ETag of the object becomes a weak one.
      etag: encoding ? `W/${variants.etag}` : variants.etag,
      ...(variants.encoded ? { vary: 'Accept-Encoding' } : {}),
    };
    if (matches(request.headers['if-none-match'], variants.etag)) {
      response.writeHead(304, headers);
      return response.end();
    }
    response.writeHead(200, {
      ...headers,
      ...(encoding ? { 'content-encoding': encoding } : {}),
      'content-length': body.byteLength,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  return {
    serve,
    /** Compresses the whole build ahead of the first request; resolves to what it saves. */
    precompress: () => precompress(options.root, files, (path, size) => isCompressible(typeOf(path), size)),
  };
}

/** Weak comparison (RFC 9110 §13.1.2), so the ETag of a compressed answer matches too. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function inMemoryVariants(path: string, bytes: Buffer): FileVariants {
  const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
  if (!isCompressible(typeOf(path), bytes.byteLength)) return { etag, identity: bytes };
  return { etag, identity: bytes, encoded: { br: brotliCompressSync(bytes), gzip: gzipSync(bytes) } };
}

function notFound(response: ServerResponse, pathname: string) {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
  response.end(
    ['/index.html', '/form.html', '/public.html'].includes(spaRewrite(pathname))
      ? 'The web app is not built yet. Run `npm run build:web`.'
      : 'Not Found',
  );
}
