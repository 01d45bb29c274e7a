import { randomBytes } from 'node:crypto';
import { type CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_PARAMETER,
  PREVIOUS_ORIGIN_SECRET_ENV,
  PREVIOUS_ORIGIN_SECRET_PARAMETER,
} from '../../../functions/shared/definitions/origin-secret.ts';
import { describeAwsError, withTimeout } from './aws-call.ts';

/** The stateless stack's NoEcho parameters and the variables its HTTP functions read them from. */
export const originSecretParameter = ORIGIN_SECRET_PARAMETER;
export const previousOriginSecretParameter = PREVIOUS_ORIGIN_SECRET_PARAMETER;
export const originSecretVariable = ORIGIN_SECRET_ENV;
export const previousOriginSecretVariable = PREVIOUS_ORIGIN_SECRET_ENV;

export class RotationError extends Error {
  override readonly name = 'RotationError';
}

export const newOriginSecret = (): string => randomBytes(32).toString('base64url');

/**
 * The `cdk deploy` options of the two deploys of a rotation. CloudFormation updates the
 * distribution before the functions (they depend on its address), so a single deploy would have
 * CloudFront send the new secret for minutes before the functions know it. First the functions
 * learn `next` as the second accepted secret while CloudFront keeps sending `current`; then
 * CloudFront sends `next` while the functions still accept `current`, until the next rotation.
 */
export function originSecretParameters(stackName: string, next: string, current: string): string[][] {
  return [
    ['--parameters', `${stackName}:${previousOriginSecretParameter}=${next}`],
    [
      '--parameters',
      `${stackName}:${originSecretParameter}=${next}`,
      '--parameters',
      `${stackName}:${previousOriginSecretParameter}=${current}`,
    ],
  ];
}

/** The command line as it may be shown: the value of each secret parameter replaced by ***. */
export function withoutSecrets(args: readonly string[]): string[] {
  const secret = new RegExp(`^([^:=]+:(?:${originSecretParameter}|${previousOriginSecretParameter}))=.*$`);
  return args.map((arg) => arg.replace(secret, '$1=***'));
}

/**
 * The secret CloudFront sends today, read from the environment of one of the stack's functions
 * (the HTTP functions have it; others are skipped). Throws a RotationError in plain words.
 */
export async function currentOriginSecret(
  clients: { readonly cloudFormation: CloudFormationClient; readonly lambda: LambdaClient },
  stackName: string,
  timeoutMs: number,
): Promise<string> {
  const functionNames: string[] = [];
  try {
    let nextToken: string | undefined;
    do {
      const page = await withTimeout(timeoutMs, (abortSignal) =>
        clients.cloudFormation.send(
          new ListStackResourcesCommand({ StackName: stackName, NextToken: nextToken }),
          { abortSignal },
        ),
      );
      for (const resource of page.StackResourceSummaries ?? []) {
        if (resource.ResourceType === 'AWS::Lambda::Function' && resource.PhysicalResourceId) {
          functionNames.push(resource.PhysicalResourceId);
        }
      }
      nextToken = page.NextToken;
    } while (nextToken);
  } catch (error) {
    if (/does not exist/.test((error as Error).message ?? '')) {
      throw new RotationError(
        `The stack ${stackName} does not exist yet in this region, so there is no secret to rotate. Deploy once without --rotate-origin-secret.`,
      );
    }
    throw new RotationError(
      `Cannot list the functions of ${stackName}: ${describeAwsError(error, 'cloudformation:ListStackResources').words}`,
    );
  }
  for (const name of functionNames) {
    let variables: Record<string, string> | undefined;
    try {
      const configuration = await withTimeout(timeoutMs, (abortSignal) =>
        clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }), { abortSignal }),
      );
      variables = configuration.Environment?.Variables;
    } catch (error) {
      throw new RotationError(
        `Cannot read the configuration of the function ${name}: ${describeAwsError(error, 'lambda:GetFunctionConfiguration').words}`,
      );
    }
    const current = variables?.[originSecretVariable];
    if (current) return current;
  }
  throw new RotationError(
    `No function of ${stackName} has ${originSecretVariable} yet, so there is no secret to rotate. Deploy once without --rotate-origin-secret.`,
  );
}

/** The `cdk deploy` options of a rotation's two deploys: a new secret, and today's kept valid beside it. */
export async function originSecretRotation(
  clients: { readonly cloudFormation: CloudFormationClient; readonly lambda: LambdaClient },
  stackName: string,
  timeoutMs: number,
): Promise<string[][]> {
  const current = await currentOriginSecret(clients, stackName, timeoutMs);
  return originSecretParameters(stackName, newOriginSecret(), current);
}
