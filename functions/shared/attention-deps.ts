import { dynamoAttentionReader, dynamoAttentionStore } from './adapters/attention-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoSubmissionStore } from './adapters/submission-store.ts';
import { dynamoTimelineStore } from './adapters/timeline-store.ts';
import { parseConfig } from './config.ts';
import { mail, tableName } from './env.ts';
import * as z from './zod.ts';

/** Where the organisation's admin hears about what needs attention; none: only health and alarms. */
export const adminEmail = { ADMIN_EMAIL: z.optional(z.email('must be an e-mail address')) };

/** Wires what needs attention (and the timeline it is shown in) to DynamoDB, once per cold start. */
export function attentionDeps() {
  const config = parseConfig({ ...tableName, ...mail, ...adminEmail });
  const client = documentClient();
  return {
    config,
    client,
    attention: dynamoAttentionStore(client, config.TABLE_NAME),
    submissions: dynamoSubmissionStore(client, config.TABLE_NAME),
    timeline: dynamoTimelineStore(client, config.TABLE_NAME),
    now: () => new Date(),
  };
}

/** What needs attention, read only, once per cold start: the console's list holds no write. */
export const attentionReader = () =>
  dynamoAttentionReader(documentClient(), parseConfig(tableName).TABLE_NAME);
