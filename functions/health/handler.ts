import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { parseConfig } from '#shared/config.ts';
import { type ComponentCheck, checkComponents } from '#shared/domain/health.ts';
import { systemCheckStateMachine, tableName } from '#shared/env.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const config = parseConfig({ ...tableName, ...systemCheckStateMachine });
const dynamo = new DynamoDBClient({});
const sfn = new SFNClient({});
const ses = new SESv2Client({});

const components: Record<string, ComponentCheck> = {
  data: async () => {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: config.TABLE_NAME }));
    return Table?.TableStatus === 'ACTIVE' ? 'ok' : `table is ${Table?.TableStatus ?? 'missing'}`;
  },
  workflows: async () => {
    const machine = await sfn.send(
      new DescribeStateMachineCommand({ stateMachineArn: config.SYSTEM_CHECK_STATE_MACHINE_ARN }),
    );
    return machine.status === 'ACTIVE' ? 'ok' : `state machine is ${machine.status ?? 'unknown'}`;
  },
  mail: async () => {
    const account = await ses.send(new GetAccountCommand({}));
    return account.SendingEnabled === false ? 'sending is disabled for this account' : 'ok';
  },
};

export const handler = httpHandler(async () => {
  const report = await checkComponents(components, { timeoutMs: 3000 });
  return json(report.status === 'ok' ? 200 : 503, report);
});
