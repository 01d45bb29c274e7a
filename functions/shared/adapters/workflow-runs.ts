import { ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';

/**
 * Whether an application still has a running execution: the first one is named after the
 * submission, an admin's restart adds `-r…` to it. A task token that no longer answers means
 * either "this wait just timed out and the next one is coming" (running) or "the workflow is over".
 */
export async function isWorkflowRunning(
  client: SFNClient,
  stateMachineArn: string,
  submissionId: string,
): Promise<boolean> {
  let nextToken: string | undefined;
  // Running onboarding executions are few (each ends within its expiry); a cap keeps the call bounded.
  for (let page = 0; page < 20; page++) {
    const { executions = [], nextToken: more } = await client.send(
      new ListExecutionsCommand({
        stateMachineArn,
        statusFilter: 'RUNNING',
        maxResults: 1000,
        ...(nextToken ? { nextToken } : {}),
      }),
    );
    if (executions.some((e) => e.name === submissionId || e.name?.startsWith(`${submissionId}-r`)))
      return true;
    if (!more) return false;
    nextToken = more;
  }
  return false;
}
