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
      try {
        await client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      } catch (error) {
        if (
          error instanceof TaskTimedOut ||
          error instanceof TaskDoesNotExist ||
          error instanceof InvalidToken
        ) {
          throw new TokenExpiredError('The wait for this confirmation is over; start a new check.', {
            cause: error,
          });
        }
        throw new DependencyError('The workflow could not be resumed; please try again shortly.', {
          cause: error,
        });
      }
    },
  };
}

export const sfnClient = (): SFNClient => new SFNClient({});
