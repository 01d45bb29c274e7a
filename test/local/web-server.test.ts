import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER, VIEWER_ADDRESS_HEADER } from '#definitions/origin-secret.ts';
import { immutableCacheControl } from '#definitions/web-headers.ts';
import { negotiateEncoding } from '../../infra/local/http/content-encoding.ts';
import { startHttpServer } from '../../infra/local/http/server.ts';
import { freePort } from '../../infra/local/ports.ts';
import { decoded, rawRequest } from '../support/raw-http.ts';

// A build of our own, so compressible and already-compressed files of every kind are there.
const root = mkdtempSync(join(tmpdir(), 'lotse-web-'));
const cacheDir = join(root, '..', `${root.split('/').pop()}-cache`);
const html = `<!doctype html><html><head><title>Lotse</title></head><body>${'<p>Willkommen</p>'.repeat(120)}</body></html>`;
// Under CloudFront's 1 kB floor: not compressed, so the compression tests count the files above only.
const formHtml =
  '<!doctype html><html><head><title>Formular</title></head><body><p>Formular</p></body></html>';
const publicHtml = '<!doctype html><html><head><title>Lotse</title></head><body></body></html>';
const script = `export const messages = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `text ${i}`))};`;
const files: Record<string, Buffer> = {
  'index.html': Buffer.from(html),
  'form.html': Buffer.from(formHtml),
  'public.html': Buffer.from(publicHtml),
  'assets/index-4f3a2b.js': Buffer.from(script),
  'assets/tiny-9c8d7e.js': Buffer.from('export const tiny = 1;'),
  'assets/inter-1a2b3c.woff2': randomBytes(4000),
  'logo.png': randomBytes(4000),
};
const logged: string[] = [];
const originSecret = 'web-server-test-origin-secret';
/** The events the API was invoked with, as the handlers would receive them. */
const apiEvents: APIGatewayProxyEventV2[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  // What an earlier build left in the cache, to be dropped.
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, '0123456789abcdef0123456789abcdef.br'), 'stale');
  const port = await freePort();
  server = await startHttpServer({
    host: '127.0.0.1',
    port,
    webRoot: root,
    compressedCacheDir: cacheDir,
    runtimeConfig: { organisationName: 'Lotse Test' },
    connectSources: ['http://127.0.0.1:9/'],
    originSecret,
    // The API's answers: one with a policy of its own, one that sends none.
    invoke: async (id, event) => {
      apiEvents.push(event as APIGatewayProxyEventV2);
      return id === 'settings-logo-get'
        ? {
            statusCode: 200,
            headers: { 'Content-Security-Policy': "default-src 'none'", 'Referrer-Policy': 'unsafe-url' },
            body: 'x'.repeat(5000),
          }
        : {
            statusCode: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ok: 'y'.repeat(5000) }),
          };
    },
    log: (message) => logged.push(message),
  });
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(`${base}${path}`, { headers });

describe('compression by Accept-Encoding', () => {
  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['identity', undefined],
    ['identity, gzip;q=0.5', undefined],
    ['', undefined],
  ])('Accept-Encoding "%s" gets %s, and the decoded bytes are the file', async (accept, encoding) => {
    for (const path of ['/console', '/assets/index-4f3a2b.js']) {
      const response = await get(path, accept ? { 'accept-encoding': accept } : {});
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
      const file = path === '/console' ? 'index.html' : path.slice(1);
      expect(decoded(response).equals(files[file] as Buffer)).toBe(true);
      if (encoding) expect(response.body.byteLength).toBeLessThan((files[file] as Buffer).byteLength / 2);
    }
  });

  it.each(['/assets/inter-1a2b3c.woff2', '/logo.png', '/assets/tiny-9c8d7e.js'])(
    'leaves %s as it is (compressed already, or under 1,000 bytes)',
    async (path) => {
      const response = await get(path, { 'accept-encoding': 'br, gzip' });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toBeUndefined();
      expect(response.body.equals(files[path.slice(1)] as Buffer)).toBe(true);
    },
  );

  it('answers API requests uncompressed, as the uncached /api/* behaviour does', async () => {
    const response = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the build once, keeps the result on disk and says what it saves', async () => {
    await expect
      .poll(() => logged.find((message) => message.startsWith('web app compressed once')))
      .toBeDefined();
    const message = logged.find((m) => m.startsWith('web app compressed once')) as string;
    expect(message).toMatch(/\(2 files, \d+ ms\): \d+ kB -> \d+ kB Brotli \(-\d+ %\), \d+ kB gzip/);
    const stored = readdirSync(cacheDir).filter((name) => name.endsWith('.br'));
    expect(stored).toHaveLength(2); // the stale one is gone
    const bodies = stored.map((name) => brotliDecompressSync(readFileSync(join(cacheDir, name))).toString());
    expect(bodies.sort()).toEqual([html, script].sort());
  });
});

describe('caching', () => {
  it('keeps hashed assets for a year and revalidates everything else', async () => {
    expect((await get('/assets/index-4f3a2b.js')).headers['cache-control']).toBe(immutableCacheControl);
    expect((await get('/assets/inter-1a2b3c.woff2')).headers['cache-control']).toBe(immutableCacheControl);
    for (const path of ['/', '/index.html', '/logo.png', '/config.json', '/f/some-form', '/console/inbox']) {
      expect((await get(path)).headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('answers /console* with index.html, /f/<form> with form.html, other app routes with public.html, and a missing file with 404 rather than the page', async () => {
    const route = await get('/console/inbox');
    expect(route.status).toBe(200);
    expect(route.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(route.body.toString()).toBe(html);
    const form = await get('/f/some-form');
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(form.body.toString()).toBe(formHtml);
    for (const path of ['/', '/decide/abc', '/verify/LOTSE-1'])
      expect((await get(path)).body.toString()).toBe(publicHtml);
    expect((await get('/assets/index-000000.js')).status).toBe(404);
    expect((await get('/../../etc/passwd.txt')).status).toBe(404);
  });

  it('answers If-None-Match with 304, for the plain and the compressed ETag alike', async () => {
    const plain = await get('/console/inbox');
    const compressed = await get('/console', { 'accept-encoding': 'gzip' });
    expect(plain.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(compressed.headers.etag).toBe(`W/${plain.headers.etag}`);
    for (const tag of [plain.headers.etag, compressed.headers.etag, `"other", ${plain.headers.etag}`, '*']) {
      const again = await get('/console', { 'if-none-match': String(tag), 'accept-encoding': 'gzip' });
      expect(again.status, String(tag)).toBe(304);
      expect(again.body.byteLength).toBe(0);
      expect(again.headers['cache-control']).toBe('no-cache');
    }
    expect((await get('/console', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await rawRequest(`${base}/assets/index-4f3a2b.js`, {
      method: 'HEAD',
      headers: { 'accept-encoding': 'br' },
    });
    const getResponse = await get('/assets/index-4f3a2b.js', { 'accept-encoding': 'br' });
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'etag', 'cache-control', 'content-type']) {
      expect(head.headers[name], name).toBe(getResponse.headers[name]);
    }
  });

  it('serves config.json as the deployment stores it', async () => {
    const response = await get('/config.json');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(response.body.toString())).toEqual({ organisationName: 'Lotse Test' });
    expect((await get('/config.json', { 'if-none-match': String(response.headers.etag) })).status).toBe(304);
  });
});

describe('security headers', () => {
  it('sends them on pages, files, 404s and API answers; a handler keeps its own CSP but not its Referrer-Policy', async () => {
    for (const path of [
      '/',
      '/assets/index-4f3a2b.js',
      '/assets/index-000000.js',
      '/api/health',
      '/console/inbox',
    ]) {
      const { headers } = await get(path);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['permissions-policy'], path).toMatch(/(^|, )camera=\(\)/);
      expect(headers['strict-transport-security'], path).toBeUndefined();
    }
    // The console signs in and compiles schemas; every other page, file and API answer does neither.
    for (const path of ['/console', '/console/inbox']) {
      const csp = (await get(path)).headers['content-security-policy'];
      expect(csp, path).toContain("script-src 'self' 'unsafe-eval';");
      expect(csp, path).toContain("connect-src 'self' http://127.0.0.1:9/;");
    }
    for (const path of ['/', '/f/some-form', '/decide/abc', '/assets/index-4f3a2b.js', '/api/health']) {
      const csp = (await get(path)).headers['content-security-policy'];
      expect(csp, path).toContain("script-src 'self';");
      expect(csp, path).toContain("connect-src 'self';");
    }
    const logo = await get('/api/settings/logo');
    expect(logo.headers['content-security-policy']).toBe("default-src 'none'");
    expect(logo.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('what CloudFront adds to API requests', () => {
  it('adds the origin secret and the socket’s address, replacing what the client sent', async () => {
    apiEvents.length = 0;
    await get('/api/health', {
      [ORIGIN_SECRET_HEADER]: 'guessed',
      [VIEWER_ADDRESS_HEADER]: '203.0.113.66',
      'x-forwarded-for': '198.51.100.9',
    });
    const [event] = apiEvents;
    expect(event?.headers[ORIGIN_SECRET_HEADER]).toBe(originSecret);
    expect(event?.headers[VIEWER_ADDRESS_HEADER]).toBe('127.0.0.1');
  });
});

describe('negotiateEncoding', () => {
  it('refuses nothing it is not asked to and honours q=0', () => {
    expect(negotiateEncoding(undefined)).toBeUndefined();
    expect(negotiateEncoding('GZIP')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.9, gzip;q=0.9')).toBe('br');
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBeUndefined();
    expect(negotiateEncoding('deflate, compress')).toBeUndefined();
    expect(negotiateEncoding('br;q=bogus, gzip')).toBe('gzip');
  });
});
