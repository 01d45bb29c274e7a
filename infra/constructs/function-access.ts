import { Stack } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { FunctionAccess, TableAccess, TableAction } from '#definitions/functions.ts';
import type { MailSender } from './mail-sender.ts';

export interface AccessResources {
  readonly table: dynamodb.ITable;
  /** ARN of each state machine by id (built from its fixed name, so granting adds no dependency on it). */
  readonly stateMachineArns: Readonly<Record<string, string>>;
  readonly mail: MailSender;
  /** The staff user pool. @default - none: a function with `userPool` access fails the synth */
  readonly userPool?: cognito.IUserPool;
  /** The asymmetric key credentials are signed with, when it is a KMS key. */
  readonly credentialKey?: kms.IKey;
  /**
   * Else the Parameter Store names of the signing key and its public half.
   * @default - none: with neither, `signCredentials` and `readCredentialKey` fail the synth
   */
  readonly credentialKeyParameters?: { readonly privateKey: string; readonly publicKey: string };
}

/** Only the Cognito actions the user-management handlers call (functions/shared/adapters/user-directory.ts). */
export const USER_POOL_ACTIONS = {
  read: [
    'cognito-idp:ListUsers',
    'cognito-idp:ListUsersInGroup',
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminListGroupsForUser',
  ],
  manage: [
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminRemoveUserFromGroup',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminEnableUser',
    'cognito-idp:AdminUserGlobalSignOut',
  ],
} as const;

/**
 * Grants a function exactly what its `access` entry in functions/shared/definitions/functions.ts lists.
 * State machine permissions go on the ARN built from the machine's name rather than through
 * `stateMachine.grantXxx`: the machines invoke these functions, so referencing the machines here
 * would make each depend on the other.
 */
export function grantAccess(
  grantee: iam.IGrantable,
  access: FunctionAccess,
  resources: AccessResources,
): void {
  if (access.table) grantTable(grantee, access.table, resources.table);

  const onMachines = (actions: string[], ids: readonly string[] | undefined) => {
    if (!ids || ids.length === 0) return;
    iam.Grant.addToPrincipal({ grantee, actions, resourceArns: ids.map((id) => machineArn(resources, id)) });
  };
  onMachines(['states:StartExecution'], access.startExecution);
  onMachines(
    ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
    access.answerTasks,
  );
  onMachines(['states:DescribeStateMachine'], access.describeStateMachines);
  onMachines(['states:ListExecutions'], access.listExecutions);

  if (access.sendMail) resources.mail.grantSend(grantee);
  if (access.readMailAccount) resources.mail.grantReadAccount(grantee);
  if (access.userPool) grantUserPool(grantee, access.userPool, resources.userPool);
  if (access.signCredentials || access.readCredentialKey) grantCredentialKey(grantee, access, resources);
}

/**
 * Signing: kms:Sign and kms:GetPublicKey on the KMS key, or get and put on exactly the two
 * parameters (put: the first signature makes the key). Publishing: the public half only. No KMS
 * grant for the SecureString: the AWS managed key aws/ssm lets every principal of the account
 * decrypt through Parameter Store, so ssm:GetParameter on the parameter is the control.
 */
function grantCredentialKey(
  grantee: iam.IGrantable,
  access: FunctionAccess,
  resources: AccessResources,
): void {
  const { credentialKey, credentialKeyParameters } = resources;
  if (credentialKey) {
    if (access.signCredentials) credentialKey.grant(grantee, 'kms:Sign', 'kms:GetPublicKey');
    else credentialKey.grant(grantee, 'kms:GetPublicKey');
    return;
  }
  if (!credentialKeyParameters)
    throw new Error(
      'A function has signCredentials or readCredentialKey access (functions/shared/definitions/functions.ts), but no credential key was given: pass credentialKey or credentialKeyParameters to the stateless stack.',
    );
  // The parameters are in the functions' own account and region, as the mail identity is.
  const stack = Stack.of(resources.mail);
  const arn = (name: string) =>
    stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: name.replace(/^\//, '') });
  if (access.signCredentials) {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['ssm:GetParameter', 'ssm:PutParameter'],
      resourceArns: [arn(credentialKeyParameters.privateKey), arn(credentialKeyParameters.publicKey)],
    });
  } else {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['ssm:GetParameter'],
      resourceArns: [arn(credentialKeyParameters.publicKey)],
    });
  }
}

/** The actions that write items; with a customer managed table key these need the key's write actions too. */
export const TABLE_WRITE_ACTIONS: readonly TableAction[] = [
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
];

/**
 * Exactly the listed actions on the table, and Query on its indexes when asked; never
 * grantReadData/grantReadWriteData, which add Scan, BatchWriteItem and DeleteItem to every reader
 * or writer. `table.grant` leaves a customer managed key to us: DynamoDB decrypts with it on the
 * caller's behalf for any access, and encrypts with it for writes.
 */
function grantTable(grantee: iam.IGrantable, access: TableAccess, table: dynamodb.ITable): void {
  if (access.actions.length > 0) {
    iam.Grant.addToPrincipal({
      grantee,
      actions: access.actions.map((action) => `dynamodb:${action}`),
      resourceArns: [table.tableArn],
    });
  }
  if (access.queryIndexes) {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:Query'],
      resourceArns: [`${table.tableArn}/index/*`],
    });
  }
  if (!table.encryptionKey) return;
  table.encryptionKey.grant(grantee, 'kms:Decrypt', 'kms:DescribeKey');
  if (access.actions.some((action) => TABLE_WRITE_ACTIONS.includes(action)))
    table.encryptionKey.grant(grantee, 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
}

function grantUserPool(
  grantee: iam.IGrantable,
  level: 'read' | 'manage',
  pool: cognito.IUserPool | undefined,
) {
  if (!pool)
    throw new Error(
      'A function has userPool access (functions/shared/definitions/functions.ts), but no user pool was given: pass auth.userPool to the stateless stack.',
    );
  const actions =
    level === 'read' ? USER_POOL_ACTIONS.read : [...USER_POOL_ACTIONS.read, ...USER_POOL_ACTIONS.manage];
  pool.grant(grantee, ...actions);
}

function machineArn(resources: AccessResources, id: string): string {
  const arn = resources.stateMachineArns[id];
  if (arn === undefined) {
    const known = Object.keys(resources.stateMachineArns).join(', ');
    throw new Error(
      `Function access names state machine "${id}", which functions/shared/definitions/state-machines.ts does not define (known: ${known})`,
    );
  }
  return arn;
}
