import { approvalsDeps } from '#shared/approvals-deps.ts';
import { decisionView, privateHeaders } from '#shared/decision-view.ts';
import { checkToken, hashToken, LinkUnknownError, looksLikeToken } from '#shared/domain/approvals.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = approvalsDeps();

/**
 * What a coordinator's link shows. Reading changes nothing, however often a mail scanner fetches
 * it: the token is neither used nor extended here.
 */
export const handler = httpHandler(async ({ event }) => {
  const raw = event.pathParameters?.token ?? '';
  if (!looksLikeToken(raw))
    throw new LinkUnknownError('This link is not valid. Please use the link from your most recent e-mail.');
  const token = checkToken(await deps.approvals.getToken(hashToken(raw)), 'decide', deps.now());
  const approval = await deps.approvals.get(token.submissionId);
  if (!approval) throw new LinkUnknownError('This link is not valid.');
  return json(200, await decisionView(deps, token, approval), privateHeaders);
});
