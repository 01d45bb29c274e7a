import type { IncomingMessage } from 'node:http';
import {
  ORIGIN_SECRET_HEADER,
  VIEWER_ADDRESS_HEADER,
} from '../../../functions/shared/definitions/origin-secret.ts';

/**
 * Where the local server takes the viewer's address from. `socket`, as CloudFront does: the address
 * the connection came from. `x-forwarded-for`: the first address of that header, for tests and
 * benchmarks that act as many visitors from one machine; never for `npm start`.
 */
export type ViewerAddressSource = 'socket' | 'x-forwarded-for';

/**
 * The headers CloudFront adds to each request it sends to the API: the origin secret (the origin's
 * custom header) and the viewer's address (the ViewerAddress function), both overwriting whatever
 * the client sent (infra/constructs/web-distribution.ts).
 */
export function cloudFrontOriginHeaders(
  request: IncomingMessage,
  originSecret: string,
  viewerAddressFrom: ViewerAddressSource,
): Record<string, string> {
  return {
    [ORIGIN_SECRET_HEADER]: originSecret,
    [VIEWER_ADDRESS_HEADER]: viewerAddress(request, viewerAddressFrom),
  };
}

function viewerAddress(request: IncomingMessage, from: ViewerAddressSource): string {
  const socket = request.socket.remoteAddress ?? '127.0.0.1';
  if (from === 'socket') return socket;
  const forwarded = [request.headers['x-forwarded-for']].flat().join(',').split(',')[0]?.trim();
  return forwarded || socket;
}
