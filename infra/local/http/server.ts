import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FunctionId } from '../../../functions/shared/definitions/functions.ts';
import { routes } from '../../../functions/shared/definitions/routes.ts';
import {
  isConsolePath,
  type ResponseHeaderRule,
  securityHeaders,
} from '../../../functions/shared/definitions/web-headers.ts';
import { toApiGatewayEvent } from './api-gateway-event.ts';
import { cloudFrontOriginHeaders, type ViewerAddressSource } from './cloudfront-origin.ts';
import { describeSavings } from './compression-report.ts';
import { createRouter } from './router.ts';
import { createStaticSite } from './static-files.ts';

/** Lambda's synchronous invocation payload limit; API Gateway would refuse larger bodies too. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  readonly webRoot: string;
  /** Served as /config.json, as the deployment writes it into the web bucket. */
  readonly runtimeConfig?: Readonly<Record<string, unknown>>;
  readonly invoke: (id: FunctionId, event: unknown) => Promise<unknown>;
  /** Added to every API request as CloudFront adds it; the functions refuse requests without it. */
  readonly originSecret: string;
  /** Where the viewer's address (x-lotse-viewer-ip) comes from. @default 'socket', as on CloudFront */
  readonly viewerAddressFrom?: ViewerAddressSource;
  /** Checks a bearer token as API Gateway's JWT authorizer would; routes with `auth` need it. */
  readonly verifyToken?: (
    token: string,
  ) => Promise<{ ok: true; claims: Record<string, unknown> } | { ok: false; reason: string }>;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
  /** Allowed in the CSP's connect-src besides the app's own origin: the OpenID provider. @default none */
  readonly connectSources?: readonly string[];
  /** Where the compressed forms of the build are kept between starts. @default memory only */
  readonly compressedCacheDir?: string;
}

/** The local stand-in for CloudFront + API Gateway: `/api/*` goes to the handlers, the rest to the web app. */
export function startHttpServer(options: HttpServerOptions): Promise<Server> {
  const match = createRouter(routes);
  // As CloudFront's response headers policies: the console's on /console* (its own behaviour there),
  // the public one on every other page, file and API answer; no HSTS on plain http.
  const rules = securityHeaders({ https: false, page: 'public' });
  const consoleRules = securityHeaders({
    https: false,
    page: 'console',
    connectSources: options.connectSources ?? [],
  });
  const site = createStaticSite({
    root: options.webRoot,
    ...(options.compressedCacheDir ? { cacheDir: options.compressedCacheDir } : {}),
    ...(options.runtimeConfig
      ? { extraFiles: { 'config.json': Buffer.from(JSON.stringify(options.runtimeConfig)) } }
      : {}),
  });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    withResponseHeaders(response, isConsolePath(path) ? consoleRules : rules);
    handle(request, response).catch((error: unknown) => {
      options.log?.('local http server error', { error: String(error) });
      if (!response.headersSent) send(response, 502, { message: 'Internal Server Error' });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return send(response, 405, { message: 'Method Not Allowed' });
      return site.serve(request, response, url.pathname);
    }
    const found = match(request.method ?? 'GET', url.pathname);
    if (!found) return send(response, 404, { message: 'Not Found' });
    const body = await readBody(request);
    if (!body) return send(response, 413, { message: 'Request Entity Too Large' });
    const event = toApiGatewayEvent(
      request,
      url,
      body,
      found,
      cloudFrontOriginHeaders(request, options.originSecret, options.viewerAddressFrom ?? 'socket'),
    );
    if (found.route.auth) {
      const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const check = token && options.verifyToken ? await options.verifyToken(token) : undefined;
      if (!check?.ok) return send(response, 401, { message: 'Unauthorized' });
      Object.assign(event.requestContext, {
        authorizer: { jwt: { claims: asGatewayClaims(check.claims), scopes: null } },
      });
    }
    const result = await options.invoke(found.route.function, event);
    writeResult(response, result);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      resolve(server);
      // In the background: the first page load need not wait, and a request meanwhile shares the work.
      site.precompress().then(
        (summary) => options.log?.(describeSavings(summary), { ...summary }),
        (error: unknown) => options.log?.('precompressing the web app failed', { error: String(error) }),
      );
    });
  });
}

/**
 * Applies the response headers policy to whatever the request is answered with, as CloudFront does
 * to the origin's answer: a rule with `override` replaces the origin's value, one without only fills
 * a gap (a handler's own CSP stays).
 */
function withResponseHeaders(response: ServerResponse, rules: readonly ResponseHeaderRule[]): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    const reason = rest.find((arg) => typeof arg === 'string');
    const merged: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(headers ?? {})) merged[name.toLowerCase()] = value;
    for (const rule of rules) {
      if (rule.override || merged[rule.name] === undefined) merged[rule.name] = rule.value;
    }
    return reason === undefined ? writeHead(statusCode, merged) : writeHead(statusCode, reason, merged);
  }) as ServerResponse['writeHead'];
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Interprets a handler's answer the way API Gateway's payload format 2.0 does. */
function writeResult(response: ServerResponse, result: unknown) {
  const structured = typeof result === 'object' && result !== null && 'statusCode' in result;
  if (!structured) {
    return send(response, 200, result);
  }
  const { statusCode, headers, body, isBase64Encoded, cookies } = result as APIGatewayProxyStructuredResultV2;
  const outHeaders: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) outHeaders[name.toLowerCase()] = String(value);
  if (cookies && cookies.length > 0) outHeaders['set-cookie'] = cookies;
  response.writeHead(statusCode ?? 200, outHeaders);
  response.end(body === undefined ? undefined : Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8'));
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** API Gateway hands claims on as strings; arrays become "[a b]". */
function asGatewayClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(claims).map(([key, value]) => [
      key,
      Array.isArray(value) ? `[${value.join(' ')}]` : String(value),
    ]),
  );
}
