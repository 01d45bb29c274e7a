import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../domain/errors.ts';

/** Reads the request body as JSON; refuses wrong media types, oversized and malformed bodies. */
export function readJsonBody(event: APIGatewayProxyEventV2, maxBytes: number): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > maxBytes) {
    throw new PayloadTooLargeError(
      `The request body is ${raw.byteLength} bytes; at most ${maxBytes} are accepted.`,
    );
  }
  const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/json')) {
    throw new UnsupportedMediaTypeError('Send the request body as JSON (Content-Type: application/json).');
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ValidationError([{ field: '', message: 'The request body is not valid JSON.' }]);
  }
}
