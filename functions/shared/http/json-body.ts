import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../domain/errors.ts';
import { preferredLocale, requestMessage } from '../i18n/request-messages.ts';

/** Reads the request body as JSON; refuses wrong media types, oversized and malformed bodies. */
export function readJsonBody(event: APIGatewayProxyEventV2, maxBytes: number): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  // The body is not read yet, so the visitor's language comes from Accept-Language.
  const locale = preferredLocale(event.headers?.['accept-language']);
  if (raw.byteLength > maxBytes) {
    throw new PayloadTooLargeError(
      `${requestMessage('bodyTooLarge', locale)} (${raw.byteLength} > ${maxBytes} bytes)`,
    );
  }
  const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/json'))
    throw new UnsupportedMediaTypeError(requestMessage('notJson', locale));
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ValidationError([{ field: '', message: requestMessage('notJson', locale) }]);
  }
}
