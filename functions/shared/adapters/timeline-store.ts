import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEvent } from '../domain/approvals.ts';

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
