import { answerTask } from '#shared/adapters/workflow.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import { pickUpCase } from '#shared/domain/intake-pickup.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { inboxDeps } from '#shared/inbox-deps.ts';
import { submissionInScope, submissionPath } from '#shared/inbox-http.ts';

const deps = inboxDeps();

/** Picks a counselling request up from the inbox: the same use case as the case page, first one wins. */
export const handler = httpHandler(async ({ event }) => {
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { submissionId } = parseOrThrow(submissionPath, event.pathParameters ?? {});
  await submissionInScope(deps.submissions, scope, submissionId);
  if (!(await deps.cases.get(submissionId)))
    throw new ConflictError('This application is not a counselling request waiting for pickup.');
  const at = deps.now().toISOString();
  const picked = await pickUpCase(
    {
      cases: deps.cases,
      resume: (token, output) => answerTask(deps.sfn, token, output),
      addEvent: deps.approvals.addEvent,
    },
    submissionId,
    caller.username,
    at,
  );
  await deps.audit.record({
    at,
    actor: { sub: caller.sub, username: caller.username },
    action: 'submission.pickup',
    target: { type: 'submission', id: submissionId },
    after: { status: 'picked-up' },
  });
  return json(200, picked);
});
