import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { logger } from '../logger.ts';
import { errorToResponse } from './error-mapper.ts';
import { readJsonBody } from './json-body.ts';
import { originCheckFromEnv } from './origin-check.ts';
import { type HttpResult, json } from './response.ts';

export interface HttpRequest {
  readonly event: APIGatewayProxyEventV2;
  /** The parsed JSON body, `undefined` when the request has none. */
  readonly body: unknown;
  readonly correlationId: string;
  /**
   * The request carried CloudFront's origin secret, so the headers CloudFront sets (the viewer's
   * address) can be trusted. Always true where the check is on; false where it is off (unit tests).
   */
  readonly originVerified: boolean;
}

export interface HttpHandlerOptions {
  /** Largest accepted request body in bytes; larger ones get 413. @default 16384 */
  readonly maxBodyBytes?: number;
}

type Handler = (request: HttpRequest) => Promise<HttpResult>;

/**
 * Wraps a route handler with what every route needs: the refusal of requests that did not come
 * through CloudFront, a correlation id (echoed in the response and on every log line), JSON body
 * parsing with size and media-type checks, and the one error mapper. The handler itself only
 * parses, calls one use case and shapes the answer.
 */
export function httpHandler(handle: Handler, options: HttpHandlerOptions = {}) {
  const maxBodyBytes = options.maxBodyBytes ?? 16_384;
  const checkOrigin = originCheckFromEnv();
  return middy<APIGatewayProxyEventV2, HttpResult, Error, Context>().handler(async (event, context) => {
    const correlationId = pickCorrelationId(event, context);
    logger.resetKeys();
    logger.appendKeys({ correlationId, route: event.routeKey });
    let result: HttpResult;
    try {
      // First, so a direct call costs no parsing and no handler work; the header's value is never logged.
      const { verified } = checkOrigin(event);
      const body = readJsonBody(event, maxBodyBytes);
      result = await handle({ event, body, correlationId, originVerified: verified });
    } catch (error) {
      result = errorToResponse(error, correlationId);
    }
    logger.info('request handled', { status: result.statusCode });
    return { ...result, headers: { ...result.headers, 'x-correlation-id': correlationId } };
  });
}

function pickCorrelationId(event: APIGatewayProxyEventV2, context: Context): string {
  const fromHeader = event.headers?.['x-correlation-id'];
  if (fromHeader && /^[A-Za-z0-9._-]{8,64}$/.test(fromHeader)) return fromHeader;
  return event.requestContext?.requestId ?? context?.awsRequestId ?? randomUUID();
}

export { json };
