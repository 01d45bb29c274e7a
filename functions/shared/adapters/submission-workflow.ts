import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { stateMachineArnVariable } from '../definitions/state-machines.ts';
import type { Submission } from '../domain/submissions.ts';
import { UnknownWorkflowError } from '../domain/workflow-start.ts';

/**
 * Starts the workflow a submission's form names, with the submission id as execution name, so a
 * repeated start (stream retry, redrive) can never start a second one. The input carries ids only.
 */
export function submissionWorkflowStarter(client: SFNClient, env: NodeJS.ProcessEnv = process.env) {
  return async (submission: Submission): Promise<string> => {
    const variable = stateMachineArnVariable(submission.workflow as never);
    const stateMachineArn = env[variable];
    if (!stateMachineArn)
      throw new UnknownWorkflowError(
        `No state machine for workflow "${submission.workflow}" (${variable} is not set)`,
      );
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${submission.submissionId}`;
    try {
      await client.send(
        new StartExecutionCommand({
          stateMachineArn,
          name: submission.submissionId,
          input: JSON.stringify({
            submissionId: submission.submissionId,
            formSlug: submission.formSlug,
            formVersion: submission.formVersion,
          }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
    return executionArn;
  };
}
