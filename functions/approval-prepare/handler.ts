import { approvalsDeps } from '#shared/approvals-deps.ts';
import { pickCoordinators } from '#shared/domain/approvals.ts';
import { approvalWaitSeconds } from '#shared/domain/workflow-settings.ts';
import { sendReceipt } from '#shared/receipt.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = approvalsDeps();

class NoCoordinators extends Error {
  override name = 'NoCoordinators';
}

/**
 * Workflow task: confirms receipt to the applicant, then opens the approval of the registration
 * (once; a retry or an admin's restart finds it) and returns the waiting times in seconds. One
 * task instead of two saves a state transition and an invocation per registration; the receipt
 * goes first so it reaches the applicant even if opening the approval fails, and sendOnce keeps a
 * retry from sending it again. Returns no personal data into the workflow.
 */
export const handler = taskHandler(z.object({ submissionId: z.uuid() }), async ({ submissionId }) => {
  const { submission, definition, settings } = await deps.load(submissionId);
  await sendReceipt(deps, submission, definition);
  const coordinators = pickCoordinators(settings, submission.data);
  if (coordinators.length === 0)
    throw new NoCoordinators(`Form ${submission.formSlug} names no coordinators`);
  const now = deps.now().toISOString();
  const created = await deps.approvals.create({
    submissionId,
    formSlug: submission.formSlug,
    status: 'pending',
    coordinators,
    createdAt: now,
    updatedAt: now,
    expiresAt: submission.expiresAt,
  });
  if (created)
    await deps.approvals.addEvent(submissionId, {
      at: now,
      action: 'approval-opened',
      actor: 'system',
      detail: { coordinators: String(coordinators.length) },
    });
  return approvalWaitSeconds(settings);
});
