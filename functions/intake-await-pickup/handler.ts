import { intakeDeps } from '#shared/intake-deps.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = intakeDeps();

/** Workflow task (waitForTaskToken): parks the token until a team member picks the case up. */
export const handler = taskHandler(
  z.object({ submissionId: z.uuid(), taskToken: z.string().check(z.minLength(1)) }),
  async ({ submissionId, taskToken }) => {
    await deps.cases.park(submissionId, taskToken);
    return { waiting: true };
  },
);
