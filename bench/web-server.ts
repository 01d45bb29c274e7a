import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The bench's stand-in for CloudFront in front of a page: Brotli or gzip by Accept-Encoding (Brotli
 * first, as CloudFront prefers it), for bodies from 1,000 bytes on, as CloudFront's limits are.
 * Static bodies are compressed once and kept, as an edge cache keeps them; answers that already
 * come compressed (the local server once it compresses itself) pass through untouched, so the
 * figures are always through a compressing server and never compressed twice.
 *
 * `root`: serve this built folder itself (hashed assets immutable, HTML no-cache, unknown paths get
 * index.html); `/api/*` and `/config.json` still go to `upstream`. Without `root`, everything does.
 */
export interface CompressingServer {
  readonly url: string;
  stop(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg)/;
const MIN_BYTES = 1000;

type Encoding = 'br' | 'gzip' | 'identity';

export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, quality]) => quality?.trim() !== 'q=0')
    .map(([name]) => name?.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  return accepted.includes('gzip') ? 'gzip' : 'identity';
}

function compress(body: Buffer, encoding: Encoding, cached: boolean): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  if (encoding === 'identity') return body;
  // Kept bodies get Brotli's best; answers made per request a quick level, as a CDN does on the fly.
  const quality = cached ? 11 : 4;
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

function sendCompressed(
  request: IncomingMessage,
  response: ServerResponse,
  answer: Answer,
  cacheKey?: string,
) {
  const headers = { ...answer.headers };
  const type = headers['content-type'] ?? '';
  let body = answer.body;
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (
    !headers['content-encoding'] &&
    encoding !== 'identity' &&
    COMPRESSIBLE.test(type) &&
    body.byteLength >= MIN_BYTES
  ) {
    const key = cacheKey && `${encoding} ${cacheKey}`;
    body = (key && kept.get(key)) || compress(body, encoding, key !== undefined);
    if (key) kept.set(key, body);
    headers['content-encoding'] = encoding;
    headers.vary = 'Accept-Encoding';
  }
  headers['content-length'] = String(body.byteLength);
  delete headers['transfer-encoding'];
  response.writeHead(answer.status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

const kept = new Map<string, Buffer>();

function readStatic(root: string, pathname: string): Answer & { file: string } {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) {
    file = join(root, 'index.html');
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  return {
    file,
    status: 200,
    headers: {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
    body: readFileSync(file),
  };
}

/** Forwards the request as it came (Accept-Encoding too) and keeps the answer's bytes as sent. */
function fromUpstream(upstream: string, request: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const forward = httpRequest(
      new URL(request.url ?? '/', upstream),
      { method: request.method, headers: { ...request.headers, host: new URL(upstream).host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (typeof value === 'string' && name !== 'connection' && name !== 'keep-alive')
              headers[name] = value;
          }
          resolve({ status: answer.statusCode ?? 502, headers, body: Buffer.concat(chunks) });
        });
      },
    );
    forward.on('error', reject);
    request.pipe(forward);
  });
}

export async function startCompressingServer(options: {
  readonly upstream: string;
  readonly root?: string;
}): Promise<CompressingServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://bench').pathname;
    const toUpstream =
      !options.root || path === '/api' || path.startsWith('/api/') || path === '/config.json';
    const answering = toUpstream
      ? fromUpstream(options.upstream, request).then((answer) => {
          const immutable = /immutable/.test(answer.headers['cache-control'] ?? '');
          sendCompressed(request, response, answer, immutable ? path : undefined);
        })
      : Promise.resolve().then(() => {
          const answer = readStatic(options.root as string, path);
          sendCompressed(request, response, answer, answer.file);
        });
    answering.catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`bench server: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
