import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_HEADER,
  PREVIOUS_ORIGIN_SECRET_ENV,
} from '../../functions/shared/definitions/origin-secret.ts';
import { httpHandler, json } from '../../functions/shared/http/middleware.ts';
import { logger } from '../../functions/shared/logger.ts';

const current = 'current-origin-secret-0123456789';
const previous = 'previous-origin-secret-9876543210';

const event = (headers: Record<string, string>): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /api/test',
    rawPath: '/api/test',
    rawQueryString: '',
    headers,
    requestContext: {
      requestId: 'req-12345678',
      http: { method: 'GET', path: '/api/test', sourceIp: '192.0.2.1' },
    },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const context = { awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 1000 } as unknown as Context;

/** A handler created as a function's cold start creates it, with these secrets in its environment. */
function handlerWith(secrets: Record<string, string>) {
  for (const [name, value] of Object.entries(secrets)) vi.stubEnv(name, value);
  const seen: boolean[] = [];
  const handler = httpHandler(async ({ originVerified }) => {
    seen.push(originVerified);
    return json(200, { ok: true });
  });
  const call = async (headers: Record<string, string>) => {
    const result = await handler(event(headers), context);
    return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') };
  };
  return { call, seen };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('only requests through CloudFront reach a handler', () => {
  const rotating = { [ORIGIN_SECRET_ENV]: current, [PREVIOUS_ORIGIN_SECRET_ENV]: previous };

  it('lets the current and, during a rotation, the previous secret through', async () => {
    const { call, seen } = handlerWith(rotating);
    expect((await call({ [ORIGIN_SECRET_HEADER]: current })).status).toBe(200);
    expect((await call({ [ORIGIN_SECRET_HEADER]: previous })).status).toBe(200);
    expect(seen).toEqual([true, true]);
  });

  it('refuses a missing, wrong, longer or shorter secret with 403 before the handler runs', async () => {
    const { call, seen } = handlerWith(rotating);
    for (const headers of <Record<string, string>[]>[
      {},
      { [ORIGIN_SECRET_HEADER]: '' },
      { [ORIGIN_SECRET_HEADER]: 'current-origin-secret-0123456788' },
      { [ORIGIN_SECRET_HEADER]: `${current}0` },
      { [ORIGIN_SECRET_HEADER]: current.slice(0, -1) },
      { [ORIGIN_SECRET_HEADER]: `${current},${previous}` },
      { 'x-lotse-viewer-ip': '203.0.113.7' },
    ]) {
      const result = await call(headers);
      expect(result.status, JSON.stringify(headers)).toBe(403);
      expect(result.body).toEqual({
        error: { code: 'forbidden', message: expect.stringContaining('CloudFront') },
        correlationId: 'req-12345678',
      });
    }
    expect(seen).toEqual([]);
  });

  it('accepts no previous secret when there is none', async () => {
    const { call } = handlerWith({ [ORIGIN_SECRET_ENV]: current, [PREVIOUS_ORIGIN_SECRET_ENV]: '' });
    expect((await call({ [ORIGIN_SECRET_HEADER]: '' })).status).toBe(403);
    expect((await call({ [ORIGIN_SECRET_HEADER]: previous })).status).toBe(403);
    expect((await call({ [ORIGIN_SECRET_HEADER]: current })).status).toBe(200);
  });

  it('never writes the header’s value into a log line', async () => {
    const lines: unknown[] = [];
    for (const level of ['debug', 'info', 'warn', 'error', 'appendKeys'] as const)
      vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => void lines.push(args));
    const { call } = handlerWith(rotating);
    await call({ [ORIGIN_SECRET_HEADER]: current });
    await call({ [ORIGIN_SECRET_HEADER]: 'a-guess-that-is-long-enough-too' });
    expect(lines.length).toBeGreaterThan(0);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(current);
    expect(logged).not.toContain('a-guess-that-is-long-enough-too');
  });

  it('checks nothing where no secret is configured (handlers called directly), and trusts nothing either', async () => {
    vi.stubEnv(ORIGIN_SECRET_ENV, undefined);
    const { call, seen } = handlerWith({});
    expect((await call({})).status).toBe(200);
    expect((await call({ [ORIGIN_SECRET_HEADER]: 'anything' })).status).toBe(200);
    expect(seen).toEqual([false, false]);
  });

  it('fails at cold start, naming the variable, when the secret is too short to be one', () => {
    expect(() => handlerWith({ [ORIGIN_SECRET_ENV]: 'short' })).toThrow(/ORIGIN_SECRET: must be at least 16/);
  });
});
