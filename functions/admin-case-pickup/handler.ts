import * as z from 'zod';
import { answerTask } from '#shared/adapters/workflow.ts';
import { pickUpCase } from '#shared/domain/intake-pickup.ts';
import { requireGroup } from '#shared/http/auth.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { intakeDeps } from '#shared/intake-deps.ts';

const deps = intakeDeps();
const path = z.object({ submissionId: z.uuid() });

/** A team member takes the case; the first one wins and the workflow stops waiting. */
export const handler = httpHandler(async ({ event }) => {
  const caller = requireGroup(event, ['admin', 'coordinator']);
  const { submissionId } = parseOrThrow(path, event.pathParameters ?? {});
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
  return json(200, picked);
});
