import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError } from '../../functions/shared/domain/errors.ts';
import { httpHandler, json } from '../../functions/shared/http/middleware.ts';
import { parseOrThrow } from '../../functions/shared/http/zod-issues.ts';

const schema = z.strictObject({ name: z.string().min(1), age: z.number().int().min(0) });

const handler = httpHandler(
  async ({ body }) => {
    const input = parseOrThrow(schema, body ?? {});
    if (input.name === 'taken') throw new ConflictError('That name is taken.');
    if (input.name === 'boom') throw new Error('database password is hunter2');
    return json(200, input);
  },
  { maxBodyBytes: 512 },
);

const event = (body: string | undefined, contentType = 'application/json'): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /api/test',
    rawPath: '/api/test',
    rawQueryString: '',
    headers: { 'content-type': contentType },
    requestContext: { requestId: 'req-12345678', http: { method: 'POST', path: '/api/test' } },
    body,
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const context = { awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 1000 } as unknown as Context;
const call = async (body: string | undefined, contentType?: string) => {
  const result = await handler(event(body, contentType), context);
  return { status: result.statusCode, body: JSON.parse(result.body ?? '{}'), headers: result.headers ?? {} };
};

describe('HTTP handler wrapper and error mapper', () => {
  it('answers valid input and echoes the correlation id', async () => {
    const result = await call(JSON.stringify({ name: 'Ada', age: 36 }));
    expect(result.status).toBe(200);
    expect(result.headers['x-correlation-id']).toBe('req-12345678');
  });

  it('names each bad field, including unknown ones', async () => {
    const result = await call(JSON.stringify({ name: '', age: -1, admin: true }));
    expect(result.status).toBe(400);
    expect(result.body.error.issues).toEqual([
      { field: 'name', message: 'must not be empty' },
      { field: 'age', message: 'must be at least 0' },
      { field: 'admin', message: 'is not an accepted field' },
    ]);
    expect(result.body.error.message).toContain('admin: is not an accepted field');
  });

  it('says a missing field is required', async () => {
    const result = await call(JSON.stringify({ name: 'Ada' }));
    expect(result.body.error.issues).toEqual([{ field: 'age', message: 'is required' }]);
  });

  it('maps domain errors to their status and hides unknown errors behind a generic 500 with a reference', async () => {
    expect((await call(JSON.stringify({ name: 'taken', age: 1 }))).status).toBe(409);
    const crash = await call(JSON.stringify({ name: 'boom', age: 1 }));
    expect(crash.status).toBe(500);
    expect(JSON.stringify(crash.body)).not.toContain('hunter2');
    expect(crash.body.error.message).toContain('req-12345678');
  });

  it('refuses oversized bodies with 413 and non-JSON with 415', async () => {
    expect((await call(JSON.stringify({ name: 'x'.repeat(600), age: 1 }))).status).toBe(413);
    expect((await call('name=x', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('answers any body whatsoever with a 2xx or a 4xx carrying a message, never a 5xx (fuzzed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.constant(undefined),
        ),
        async (body) => {
          const result = await call(body);
          expect(result.status === 200 || (result.status >= 400 && result.status < 500)).toBe(true);
          if (result.status >= 400) expect(result.body.error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
