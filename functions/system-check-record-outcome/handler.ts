import { checkIdSchema } from '#shared/contracts/system-check.ts';
import { systemCheckDeps } from '#shared/system-check-deps.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = systemCheckDeps();

export const handler = taskHandler(
  z.object({ checkId: checkIdSchema, outcome: z.enum(['passed', 'expired', 'failed']) }),
  async ({ checkId, outcome }) => {
    await deps.store.finish(checkId, outcome, deps.now().toISOString());
    return { checkId, outcome };
  },
);
