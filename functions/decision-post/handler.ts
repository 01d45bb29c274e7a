import { openLink } from '#shared/action-link.ts';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { decideDeps } from '#shared/decide-deps.ts';
import { decisionRequest } from '#shared/decision-request.ts';
import { decisionView, privateHeaders } from '#shared/decision-view.ts';
import { AlreadyDecidedError } from '#shared/domain/approvals.ts';
import { decide } from '#shared/domain/decide.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';

const deps = approvalsDeps();
const deciding = decideDeps(deps);

/**
 * A coordinator decides, from the decision page only (same-origin POST). The link is used up,
 * the first decision wins (also against the console), and the workflow's current task token —
 * which only the server knows — is answered. A decision that no workflow can act on any more
 * (expired, failed, aborted) is kept for staff and answered with 409 `workflow_ended`.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const now = deps.now();
  const token = await openLink(deps, event, 'decide', { fromPage: true });
  const request = parseOrThrow(decisionRequest, body ?? {});
  const approval = await deps.approvals.get(token.submissionId);
  if (token.usedAt)
    throw new AlreadyDecidedError(
      approval?.decidedBy
        ? `Already decided by ${approval.decidedBy} at ${approval.decidedAt}.`
        : 'This link has been used already.',
    );
  const at = now.toISOString();
  const latest = await decide(deciding, {
    ...request,
    submissionId: token.submissionId,
    by: token.recipient,
    at,
    ...(approval ? { approval } : {}),
    claim: () => deps.approvals.useToken(token.tokenHash, at),
  });
  return json(
    200,
    await decisionView(deps, { ...token, usedAt: at }, latest ?? (approval as NonNullable<typeof approval>)),
    privateHeaders,
  );
});
