import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { ConflictError, NotFoundError } from '#shared/domain/errors.ts';
import { requireGroup } from '#shared/http/auth.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { stateMachineArnVariable } from '../../infra/definitions/state-machines.ts';

const deps = approvalsDeps();
const path = z.object({ submissionId: z.uuid() });

/** An admin restarts an expired application: the approval opens again and a new execution starts. */
export const handler = httpHandler(async ({ event }) => {
  const caller = requireGroup(event, ['admin']);
  const { submissionId } = parseOrThrow(path, event.pathParameters ?? {});
  const submission = await deps.submissions.get(submissionId);
  if (!submission) throw new NotFoundError('There is no submission with this id.');
  const now = deps.now().toISOString();
  if (!(await deps.approvals.reopen(submissionId, now)))
    throw new ConflictError('Only an expired application can be restarted.');
  const stateMachineArn = process.env[stateMachineArnVariable(submission.workflow as never)];
  const name = `${submissionId.slice(0, 36)}-r${Date.now().toString(36)}`;
  const { executionArn } = await deps.sfn.send(
    new StartExecutionCommand({
      stateMachineArn,
      name,
      input: JSON.stringify({
        submissionId,
        formSlug: submission.formSlug,
        formVersion: submission.formVersion,
      }),
    }),
  );
  await deps.approvals.addEvent(submissionId, { at: now, action: 'restarted', actor: caller.username });
  return json(202, { submissionId, executionArn });
});
