import { randomBytes } from 'node:crypto';
import { type CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { describeAwsError, withTimeout } from './aws-call.ts';

// These four names must equal those of functions/shared/definitions/origin-secret.ts: the stateless
// stack's NoEcho parameters and the variables its HTTP functions read them from.
export const originSecretParameter = 'OriginSecret';
export const previousOriginSecretParameter = 'PreviousOriginSecret';
export const originSecretVariable = 'ORIGIN_SECRET';
export const previousOriginSecretVariable = 'ORIGIN_SECRET_PREVIOUS';

export class RotationError extends Error {
  override readonly name = 'RotationError';
}

export const newOriginSecret = (): string => randomBytes(32).toString('base64url');

/** The `cdk deploy` options that make `next` the secret and keep `current` valid beside it. */
export function originSecretParameters(stackName: string, next: string, current: string): string[] {
  return [
    '--parameters',
    `${stackName}:${originSecretParameter}=${next}`,
    '--parameters',
    `${stackName}:${previousOriginSecretParameter}=${current}`,
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

/** The `cdk deploy` options of a rotation: a new secret, and today's kept valid beside it. */
export async function originSecretRotation(
  clients: { readonly cloudFormation: CloudFormationClient; readonly lambda: LambdaClient },
  stackName: string,
  timeoutMs: number,
): Promise<string[]> {
  const current = await currentOriginSecret(clients, stackName, timeoutMs);
  return originSecretParameters(stackName, newOriginSecret(), current);
}
