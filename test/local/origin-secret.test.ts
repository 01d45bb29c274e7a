import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rateWindow } from '../../functions/shared/adapters/rate-limiter.ts';
import {
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_HEADER,
  VIEWER_ADDRESS_HEADER,
} from '../../functions/shared/definitions/origin-secret.ts';
import { type RouteDefinition, routes } from '../../functions/shared/definitions/routes.ts';
import { counsellingRequest } from '../support/counselling-request.ts';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * `npm start` as it runs: the web server plays CloudFront (adds the origin secret and the socket's
 * address), so the functions refuse what did not come through it and a visitor cannot choose the
 * address the submission limit counts.
 */
const FORM = 'beratung-anfrage';
const LIMIT = 2;
let env: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  // Read by the submit function at its cold start, which comes after the runtime has started.
  vi.stubEnv('SUBMISSION_RATE_LIMIT', String(LIMIT));
  env = await startTestRuntime({ viewerAddressFrom: 'socket' });
}, 120_000);
afterAll(async () => {
  await env?.stop();
  vi.unstubAllEnvs();
});

const submission = () => counsellingRequest();

/** A request sent straight to a function, as a call to the execute-api endpoint arrives. */
async function directTo(
  route: Pick<RouteDefinition, 'method' | 'path' | 'function'>,
  headers: Record<string, string>,
  body?: unknown,
) {
  const now = new Date();
  const names = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((found) => String(found[1]));
  const pathParameters = Object.fromEntries(names.map((name) => [name, name === 'slug' ? FORM : 'x1']));
  const rawPath = route.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => String(pathParameters[name]));
  const result = (await env.runtime.invoke(route.function, {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    ...(names.length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'local.execute-api.eu-central-1.amazonaws.com',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '198.51.100.23',
        userAgent: 'curl/8',
      },
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  })) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') };
}

const submitRoute = routes.find((route) => route.function === 'submission-create' && route.method === 'POST');
const direct = (headers: Record<string, string>) => {
  if (!submitRoute) throw new Error('routes.ts has no submission route');
  return directTo(submitRoute, headers, submission());
};

const throughWebServer = (headers: Record<string, string>) =>
  fetch(`${env.runtime.urls.api}/forms/${FORM}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(submission()),
  });

const hitsOf = async (client: string) =>
  (
    await DynamoDBDocumentClient.from(new DynamoDBClient({})).send(
      new GetCommand({
        TableName: String(env.runtime.env.TABLE_NAME),
        Key: rateWindow(`submit#${client}`, new Date(), 300).key,
        ConsistentRead: true,
      }),
    )
  ).Item?.hits;

describe('only the web server (CloudFront) reaches the API', () => {
  it('refuses a request without the secret, or with a wrong one, with 403 whatever viewer address it claims', async () => {
    for (const headers of <Record<string, string>[]>[
      { [VIEWER_ADDRESS_HEADER]: '203.0.113.1' },
      { [VIEWER_ADDRESS_HEADER]: '203.0.113.2', [ORIGIN_SECRET_HEADER]: 'not-the-secret-but-long-enough' },
      { [VIEWER_ADDRESS_HEADER]: '203.0.113.3', [ORIGIN_SECRET_HEADER]: '' },
    ]) {
      const refused = await direct(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('CloudFront'),
      });
    }
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '198.51.100.23'])
      expect(await hitsOf(address), address).toBeUndefined();
  });

  it('refuses a direct call on every route, before the handler looks at anything else', async () => {
    const answered: string[] = [];
    for (const route of routes) {
      const refused = await directTo(route, { [VIEWER_ADDRESS_HEADER]: '203.0.113.4' });
      answered.push(`${route.method} ${route.path} ${refused.status} ${refused.body.error?.code}`);
    }
    expect(answered).toEqual(routes.map((route) => `${route.method} ${route.path} 403 forbidden`));
  });

  it('counts submissions through the web server by the socket’s address, whatever x-lotse-viewer-ip says', async () => {
    const statuses: number[] = [];
    for (const forged of ['203.0.113.10', '203.0.113.11', '203.0.113.12'])
      statuses.push((await throughWebServer({ [VIEWER_ADDRESS_HEADER]: forged })).status);
    expect(statuses).toEqual([202, 202, 429]);
    expect(await hitsOf('127.0.0.1')).toBeGreaterThanOrEqual(LIMIT);
    for (const forged of ['203.0.113.10', '203.0.113.11'])
      expect(await hitsOf(forged), forged).toBeUndefined();
  });

  it('lets the same direct call through with the secret, so the refusal above is the secret’s', async () => {
    const secret = env.runtime.env[ORIGIN_SECRET_ENV];
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The viewer address that the web server would have written; over its limit already, hence 429 not 403.
    const accepted = await direct({
      [ORIGIN_SECRET_HEADER]: String(secret),
      [VIEWER_ADDRESS_HEADER]: '127.0.0.1',
    });
    expect(accepted.status).toBe(429);
    const fresh = await direct({
      [ORIGIN_SECRET_HEADER]: String(secret),
      [VIEWER_ADDRESS_HEADER]: '192.0.2.50',
    });
    expect(fresh.status).toBe(202);
    expect(await hitsOf('192.0.2.50')).toBe(1);
  });
});
