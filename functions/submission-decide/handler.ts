import { decideDeps } from '#shared/decide-deps.ts';
import { decisionRequest } from '#shared/decision-request.ts';
import { decide } from '#shared/domain/decide.ts';
import { ConflictError, DomainError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { inboxDeps } from '#shared/inbox-deps.ts';
import { submissionInScope, submissionPath } from '#shared/inbox-http.ts';

const deps = inboxDeps();
const deciding = decideDeps(deps);

/**
 * A coordinator decides from the console: the same decision an e-mail link makes (the same use
 * case, the same task token, the first one wins; the loser gets 409 "Already decided by X at T").
 * Recorded in the audit log with the decision only (a comment may hold personal data).
 */
export const handler = httpHandler(async ({ event, body }) => {
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { submissionId } = parseOrThrow(submissionPath, event.pathParameters ?? {});
  const request = parseOrThrow(decisionRequest, body ?? {});
  await submissionInScope(deps.submissions, scope, submissionId);
  const approval = await deps.approvals.get(submissionId);
  if (!approval) throw new ConflictError('This application has no decision to make (yet).');
  const at = deps.now().toISOString();
  const by = caller.email ?? caller.username;
  const audit = (after: Record<string, unknown>) =>
    deps.audit.record({
      at,
      actor: { sub: caller.sub, username: caller.username },
      action: 'submission.decide',
      target: { type: 'submission', id: submissionId },
      before: { status: approval.status },
      after,
      details: { decision: request.decision, formSlug: approval.formSlug },
    });
  try {
    const latest = await decide(deciding, { ...request, submissionId, by, at, approval });
    await audit({ status: latest?.status ?? approval.status });
    return json(200, {
      submissionId,
      status: latest?.status,
      decision: latest?.decision,
      decidedBy: latest?.decidedBy,
      decidedAt: latest?.decidedAt,
    });
  } catch (error) {
    // Kept for staff though no workflow took it: a change all the same.
    if (error instanceof DomainError && error.code === 'workflow_ended') await audit({ kept: 'late' });
    throw error;
  }
});
