import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { assertSameSite, hashToken, LinkUnknownError, looksLikeToken } from '#shared/domain/approvals.ts';
import { ForbiddenError } from '#shared/domain/errors.ts';

/**
 * The secret of a link from a volunteer's e-mail, as its stored hash. Malformed tokens are refused
 * before any lookup; the token itself is never logged or stored.
 */
export function tokenHashOf(event: APIGatewayProxyEventV2): string {
  const raw = event.pathParameters?.token ?? '';
  if (!looksLikeToken(raw))
    throw new LinkUnknownError('This link is not valid. Please use the link from your most recent e-mail.');
  return hashToken(raw);
}

/** The raw token, to build the page's own links (the volunteer already holds it). */
export const rawToken = (event: APIGatewayProxyEventV2): string => event.pathParameters?.token ?? '';

/** Acting links (accept, decline, cancel) act only from our own pages, never from another site. */
export function assertFromOurPage(event: APIGatewayProxyEventV2, publicBaseUrl: string): void {
  try {
    assertSameSite(event.headers?.origin, event.headers?.['sec-fetch-site'], publicBaseUrl);
  } catch (error) {
    if (error instanceof ForbiddenError)
      throw new ForbiddenError('This can only be done from your own page on our website.');
    throw error;
  }
}

/** Pages of these links are private: not cached, and their address not passed on to other sites. */
export const privateHeaders = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } as const;
