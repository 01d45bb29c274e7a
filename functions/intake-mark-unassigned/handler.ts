import { intakeDeps } from '#shared/intake-deps.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = intakeDeps();

/** Workflow task: nobody picked the case up even after the escalation; it is marked unassigned for the admins. */
export const handler = taskHandler(z.object({ submissionId: z.uuid() }), async ({ submissionId }) => {
  await deps.cases.markUnassigned(submissionId);
  await deps.approvals.addEvent(submissionId, {
    at: deps.now().toISOString(),
    action: 'unassigned',
    actor: 'system',
  });
  return { unassigned: true };
});
