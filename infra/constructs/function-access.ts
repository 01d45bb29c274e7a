import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { FunctionAccess } from '#definitions/functions.ts';
import type { MailSender } from './mail-sender.ts';

export interface AccessResources {
  readonly table: dynamodb.ITable;
  /** ARN of each state machine by id (built from its fixed name, so granting adds no dependency on it). */
  readonly stateMachineArns: Readonly<Record<string, string>>;
  readonly mail: MailSender;
}

/**
 * Grants a function exactly what its `access` entry in infra/definitions/functions.ts lists.
 * State machine permissions go on the ARN built from the machine's name rather than through
 * `stateMachine.grantXxx`: the machines invoke these functions, so referencing the machines here
 * would make each depend on the other.
 */
export function grantAccess(
  grantee: iam.IGrantable,
  access: FunctionAccess,
  resources: AccessResources,
): void {
  if (access.table === 'read') resources.table.grantReadData(grantee);
  if (access.table === 'readWrite') resources.table.grantReadWriteData(grantee);

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
}

function machineArn(resources: AccessResources, id: string): string {
  const arn = resources.stateMachineArns[id];
  if (arn === undefined) {
    const known = Object.keys(resources.stateMachineArns).join(', ');
    throw new Error(
      `Function access names state machine "${id}", which infra/definitions/state-machines.ts does not define (known: ${known})`,
    );
  }
  return arn;
}
