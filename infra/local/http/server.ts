import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FunctionId } from '../../../functions/shared/definitions/functions.ts';
import { routes } from '../../../functions/shared/definitions/routes.ts';
import { toApiGatewayEvent } from './api-gateway-event.ts';
import { createRouter } from './router.ts';
import { serveStatic } from './static-files.ts';

/** Lambda's synchronous invocation payload limit; API Gateway would refuse larger bodies too. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  readonly webRoot: string;
  /** Served as /config.json, as the deployment writes it into the web bucket. */
  readonly runtimeConfig?: Readonly<Record<string, unknown>>;
  readonly invoke: (id: FunctionId, event: unknown) => Promise<unknown>;
  /** Checks a bearer token as API Gateway's JWT authorizer would; routes with `auth` need it. */
  readonly verifyToken?: (
    token: string,
  ) => Promise<{ ok: true; claims: Record<string, unknown> } | { ok: false; reason: string }>;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
}

/** The local stand-in for CloudFront + API Gateway: `/api/*` goes to the handlers, the rest to the web app. */
export function startHttpServer(options: HttpServerOptions): Promise<Server> {
  const match = createRouter(routes);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log?.('local http server error', { error: String(error) });
      if (!response.headersSent) send(response, 502, { message: 'Internal Server Error' });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/config.json' && options.runtimeConfig) {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
      return response.end(JSON.stringify(options.runtimeConfig));
    }
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return send(response, 405, { message: 'Method Not Allowed' });
      return serveStatic(options.webRoot, url.pathname, response, request.method === 'HEAD');
    }
    const found = match(request.method ?? 'GET', url.pathname);
    if (!found) return send(response, 404, { message: 'Not Found' });
    const body = await readBody(request);
    if (!body) return send(response, 413, { message: 'Request Entity Too Large' });
    const event = toApiGatewayEvent(request, url, body, found);
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
    server.listen(options.port, options.host, () => resolve(server));
  });
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
