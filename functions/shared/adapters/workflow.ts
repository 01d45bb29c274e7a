import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { DependencyError } from '../domain/errors.ts';
import { TokenExpiredError, type Workflow } from '../domain/system-check.ts';

/** Step Functions behind the Workflow port; the endpoint comes from AWS_ENDPOINT_URL_SFN. */
export function stepFunctionsWorkflow(client: SFNClient, stateMachineArn: string): Workflow {
  return {
    async start(id) {
      try {
        // The input carries the id only: personal data stays in DynamoDB.
        await client.send(
          new StartExecutionCommand({ stateMachineArn, name: id, input: JSON.stringify({ checkId: id }) }),
        );
      } catch (error) {
        if (error instanceof ExecutionAlreadyExists) return;
        throw new DependencyError('The workflow could not be started; please try again shortly.', {
          cause: error,
        });
      }
    },
    async resume(taskToken, output) {
      let answered: boolean;
      try {
        answered = await answerTask(client, taskToken, output);
      } catch (error) {
        throw new DependencyError('The workflow could not be resumed; please try again shortly.', {
          cause: error,
        });
      }
      if (!answered)
        throw new TokenExpiredError('The wait for this confirmation is over; start a new check.');
    },
  };
}

export const sfnClient = (): SFNClient => new SFNClient({});

/**
 * Answers a waiting task. False when the wait is already over (timed out, answered, or the
 * execution ended), which callers treat as "nothing left to resume"; other errors are thrown.
 */
export async function answerTask(client: SFNClient, taskToken: string, output: unknown): Promise<boolean> {
  try {
    await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return true;
  } catch (error) {
    if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken)
      return false;
    throw error;
  }
}
