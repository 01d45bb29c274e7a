import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { attentionDeps } from '#shared/attention-deps.ts';
import { auditDeps } from '#shared/audit-deps.ts';
import { ConflictError, NotFoundError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { assertSubmissionInScope, staffStore } from '#shared/staff-access.ts';
import * as z from '#shared/zod.ts';
import { stateMachineArnVariable } from '../shared/definitions/state-machines.ts';

const deps = approvalsDeps();
const { attention } = attentionDeps();
const staff = staffStore();
const { audit, actor } = auditDeps();
const path = z.object({ submissionId: z.uuid() });

/**
 * An admin restarts an application whose workflow failed or timed out, or whose approval expired:
 * a new execution starts (an open approval is found again, not opened twice), the case no longer
 * needs attention, and the restart is recorded with who did it.
 */
export const handler = httpHandler(async ({ event }) => {
  const { caller, scope } = await authorize(event, ['admin'], staff);
  const { submissionId } = parseOrThrow(path, event.pathParameters ?? {});
  const submission = await deps.submissions.get(submissionId);
  if (!submission) throw new NotFoundError('There is no submission with this id.');
  assertSubmissionInScope(scope, submission.formSlug);
  const now = deps.now().toISOString();
  const failed = await attention.get('workflow-failed', submissionId);
  const reopened = await deps.approvals.reopen(submissionId, now);
  if (!failed && !reopened)
    throw new ConflictError(
      'Only an application whose workflow failed, timed out or expired can be restarted.',
    );
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
  if (failed) await attention.clear('workflow-failed', submissionId);
  await deps.approvals.addEvent(submissionId, {
    at: now,
    action: 'restarted',
    actor: caller.username,
    detail: { reason: failed ? `workflow ${failed.detail.status ?? 'failed'}` : 'approval expired' },
  });
  await audit.record({
    at: now,
    actor: actor(caller),
    action: 'submission.restart',
    target: { type: 'submission', id: submissionId },
    details: { reason: failed ? 'workflow-failed' : 'approval-expired' },
  });
  return json(202, { submissionId, executionArn });
});
