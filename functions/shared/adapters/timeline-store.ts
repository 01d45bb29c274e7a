import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEvent } from '../domain/approvals.ts';
import { queryAll } from './dynamo.ts';

/**
 * Appends to a submission's timeline (`SUBMISSION#id` / `EVENT#at#random`), the same items the
 * approval store writes, so staff see system events and decisions in one list.
 */
export function dynamoTimelineStore(client: DynamoDBDocumentClient, tableName: string) {
  return {
    async addEvent(submissionId: string, event: TimelineEvent): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: `SUBMISSION#${submissionId}`,
            sk: `EVENT#${event.at}#${randomBytes(3).toString('hex')}`,
            type: 'TimelineEvent',
            ...event,
          },
        }),
      );
    },
  };
}

export type TimelineStore = ReturnType<typeof dynamoTimelineStore>;

/** Reads a submission's timeline, oldest first; its own factory so that showing it cannot write. */
export function dynamoTimelineReader(client: DynamoDBDocumentClient, tableName: string) {
  return {
    async listEvents(submissionId: string): Promise<TimelineEvent[]> {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
        ExpressionAttributeValues: { ':pk': `SUBMISSION#${submissionId}`, ':events': 'EVENT#' },
      });
      return items.map(
        ({ at, action, actor, detail }) =>
          ({ at, action, actor, ...(detail ? { detail } : {}) }) as TimelineEvent,
      );
    },
  };
}
