import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { InboxEntry } from '#shared/domain/inbox.ts';
import { inboxReadDeps } from '#shared/inbox-read-deps.ts';
import { logger } from '#shared/logger.ts';

const deps = inboxReadDeps();

/**
 * Keeps the inbox from the table's stream: any change to a submission, its approval, its intake
 * case or its attention items recomputes the submission's entry from the items as they are now
 * (so order and redelivery do not matter), and an entry that TTL removed leaves the counts.
 * A failure is reported from its record, so the event source retries from there.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(async (event) => {
  const done = new Set<string>();
  for (const record of event.Records) {
    try {
      await handleRecord(record, done);
    } catch (error) {
      logger.warn('inbox projection failed; the stream retries', { error: (error as Error).name });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
});

async function handleRecord(record: DynamoDBRecord, done: Set<string>): Promise<void> {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  if (!image) return;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (record.eventName === 'REMOVE' && item.type === 'InboxEntry') {
    const entry = item as unknown as InboxEntry;
    await deps.inbox.countRemoval(entry, Math.floor(deps.now().getTime() / 1000) + 7 * 86_400);
    return;
  }
  const pk = String(item.pk ?? '');
  if (!pk.startsWith('SUBMISSION#')) return;
  const submissionId = pk.slice('SUBMISSION#'.length);
  // A batch often holds several changes of one submission; the first recomputation sees them all.
  if (done.has(submissionId)) return;
  done.add(submissionId);
  const found = await deps.reproject(submissionId);
  logger.debug('inbox entry projected', { submissionId, found });
}
