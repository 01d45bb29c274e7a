import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { parseConfig } from './config.ts';
import type { ComponentCheck } from './domain/health.ts';
import { systemCheckStateMachine, tableName } from './env.ts';

/** The checks behind both health answers (public: up or down; admin: each component), once per cold start. */
export function healthComponents(): Record<string, ComponentCheck> {
  const config = parseConfig({ ...tableName, ...systemCheckStateMachine });
  const dynamo = new DynamoDBClient({});
  const sfn = new SFNClient({});
  const ses = new SESv2Client({});
  return {
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
    // The sandbox is a limit, not an outage: mail to verified addresses flows, refusals are recorded
    // per application, and a new deployment starts there; so it is a note and the report stays ok.
    mail: async () => {
      const account = await ses.send(new GetAccountCommand({}));
      if (account.SendingEnabled === false) return 'sending is disabled for this account';
      if (account.ProductionAccessEnabled === false) {
        const max = account.SendQuota?.Max24HourSend;
        return {
          note: `sandbox: SES delivers only to verified addresses${max ? ` (at most ${max} mails in 24 hours)` : ''}; request production access`,
        };
      }
      return 'ok';
    },
  };
}
