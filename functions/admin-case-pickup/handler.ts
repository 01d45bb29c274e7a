import * as z from 'zod';
import { answerTask } from '#shared/adapters/workflow.ts';
import { ConflictError, NotFoundError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { intakeDeps } from '#shared/intake-deps.ts';
import { assertSubmissionInScope, staffStore } from '#shared/staff-access.ts';

const deps = intakeDeps();
const staff = staffStore();
const path = z.object({ submissionId: z.uuid() });

/** A team member takes the case; the first one wins and the workflow stops waiting. */
export const handler = httpHandler(async ({ event }) => {
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], staff);
  const { submissionId } = parseOrThrow(path, event.pathParameters ?? {});
  const found = await deps.cases.get(submissionId);
  const submission = await deps.submissions.get(submissionId);
  if (!found || !submission) throw new NotFoundError('There is no case with this id.');
  assertSubmissionInScope(scope, submission.formSlug);
  if (found.status === 'picked-up')
    throw new ConflictError(`Already picked up by ${found.pickedUpBy} at ${found.pickedUpAt}.`);
  const at = deps.now().toISOString();
  if (!(await deps.cases.pickUp(submissionId, caller.username, at)))
    throw new ConflictError('Someone else picked the case up first.');
  // A wait that is already over (escalated, or the execution ended) has nothing left to resume.
  if (found.taskToken) await answerTask(deps.sfn, found.taskToken, { pickedUpBy: caller.username });
  await deps.approvals.addEvent(submissionId, { at, action: 'picked-up', actor: caller.username });
  return json(200, { submissionId, status: 'picked-up', pickedUpBy: caller.username, pickedUpAt: at });
});
