import { answerTask } from '#shared/adapters/workflow.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { pickUpCase } from '#shared/domain/intake-pickup.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { intakeDeps } from '#shared/intake-deps.ts';
import { assertSubmissionInScope, staffStore } from '#shared/staff-access.ts';
import * as z from '#shared/zod.ts';

const deps = intakeDeps();
const staff = staffStore();
const path = z.object({ submissionId: z.uuid() });

/** A team member takes the case; the first one wins and the workflow stops waiting. */
export const handler = httpHandler(async ({ event }) => {
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], staff);
  const { submissionId } = parseOrThrow(path, event.pathParameters ?? {});
  const submission = await deps.submissions.get(submissionId);
  if (!submission) throw new NotFoundError('There is no case with this id.');
  assertSubmissionInScope(scope, submission.formSlug);
  const picked = await pickUpCase(
    {
      cases: deps.cases,
      resume: (token, output) => answerTask(deps.sfn, token, output),
      addEvent: deps.approvals.addEvent,
    },
    submissionId,
    caller.username,
    deps.now().toISOString(),
  );
  return json(200, picked);
});
