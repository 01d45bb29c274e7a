import { routeIntake } from '#shared/domain/intake.ts';
import { intakeWaitSeconds } from '#shared/domain/workflow-settings.ts';
import { intakeDeps } from '#shared/intake-deps.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = intakeDeps();

/**
 * Workflow task: routes a counselling request by its answers (age, languages) to a team and opens
 * the case. Returns the route and team id only — the age and languages stay in DynamoDB.
 */
export const handler = taskHandler(z.object({ submissionId: z.uuid() }), async ({ submissionId }) => {
  const { submission, intake } = await deps.loadIntake(submissionId);
  const { route, team } = routeIntake(intake, submission.data);
  const now = deps.now().toISOString();
  if (
    await deps.cases.open({
      submissionId,
      route,
      teamId: team.id,
      status: 'open',
      createdAt: now,
      expiresAt: submission.expiresAt,
    })
  ) {
    await deps.approvals.addEvent(submissionId, {
      at: now,
      action: 'routed',
      actor: 'system',
      detail: { route, team: team.id },
    });
  }
  return { route, teamId: team.id, ...intakeWaitSeconds(intake) };
});
