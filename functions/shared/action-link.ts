import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { ApprovalLinkDeps } from './approvals-deps.ts';
import {
  type ActionToken,
  assertSameSite,
  checkToken,
  hashToken,
  LinkUnknownError,
  looksLikeToken,
} from './domain/approvals.ts';

/**
 * The action token of an e-mailed link (decide or answer), checked: well-formed, known by its
 * hash, for this purpose, not expired. A POST (`fromPage`) must also come from our own page.
 */
export async function openLink(
  deps: ApprovalLinkDeps,
  event: APIGatewayProxyEventV2,
  purpose: ActionToken['purpose'],
  options: { fromPage?: boolean } = {},
): Promise<ActionToken> {
  if (options.fromPage) {
    assertSameSite(event.headers?.origin, event.headers?.['sec-fetch-site'], deps.config.PUBLIC_BASE_URL);
  }
  const raw = event.pathParameters?.token ?? '';
  if (!looksLikeToken(raw)) {
    throw new LinkUnknownError('This link is not valid. Please use the link from your most recent e-mail.');
  }
  return checkToken(await deps.approvals.getToken(hashToken(raw)), purpose, deps.now());
}
