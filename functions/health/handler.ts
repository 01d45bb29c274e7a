import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { dynamoAttentionStore } from '#shared/adapters/attention-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { parseConfig } from '#shared/config.ts';
import { type AttentionKind, type AttentionSummary, attentionKinds } from '#shared/domain/attention.ts';
import { type ComponentCheck, checkComponents } from '#shared/domain/health.ts';
import { systemCheckStateMachine, tableName } from '#shared/env.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const config = parseConfig({ ...tableName, ...systemCheckStateMachine });
const dynamo = new DynamoDBClient({});
const sfn = new SFNClient({});
const ses = new SESv2Client({});
const attention = dynamoAttentionStore(documentClient(), config.TABLE_NAME);

/**
 * What needs staff, as counts with the oldest case (an opaque id and a time: nothing personal),
 * so an operator sees at a glance that nobody is left waiting. Unknown when the table is not.
 */
async function attentionReport(): Promise<Record<AttentionKind, AttentionSummary> | undefined> {
  try {
    const now = new Date();
    const entries = await Promise.all(
      attentionKinds.map(async (kind) => [kind, await attention.summary(kind, now)] as const),
    );
    return Object.fromEntries(entries) as Record<AttentionKind, AttentionSummary>;
  } catch {
    return undefined;
  }
}

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

export const handler = httpHandler(async () => {
  const [report, needs] = await Promise.all([
    checkComponents(components, { timeoutMs: 3000 }),
    attentionReport(),
  ]);
  // Cases that need staff do not make the service unhealthy: it answers 200 and says so.
  const attentionSection = needs
    ? { needsAttention: Object.values(needs).some((summary) => summary.count > 0), ...needs }
    : { needsAttention: null };
  return json(report.status === 'ok' ? 200 : 503, { ...report, attention: attentionSection });
});
