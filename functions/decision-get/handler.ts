import { openLink } from '#shared/action-link.ts';
import { approvalLinkDeps } from '#shared/approvals-deps.ts';
import { decisionView, privateHeaders } from '#shared/decision-view.ts';
import { LinkUnknownError } from '#shared/domain/approvals.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = approvalLinkDeps();

/**
 * What a coordinator's link shows. Reading changes nothing, however often a mail scanner fetches
 * it: the token is neither used nor extended here.
 */
export const handler = httpHandler(async ({ event }) => {
  const token = await openLink(deps, event, 'decide');
  const approval = await deps.approvals.get(token.submissionId);
  if (!approval) throw new LinkUnknownError('This link is not valid.');
  return json(200, await decisionView(deps, token, approval), privateHeaders);
});
