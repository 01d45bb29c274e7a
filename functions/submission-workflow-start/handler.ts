import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Submission } from '#shared/domain/submissions.ts';
import { logger } from '#shared/logger.ts';
import { submissionStartDeps } from '#shared/submission-start-deps.ts';

const deps = submissionStartDeps();

/**
 * Reads new submissions from the table's stream and starts their workflows. A record that fails is
 * reported back, so the event source retries from it (and, after its retries, a dead-letter queue
 * keeps it); the redrive function starts whatever is still pending after that.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(async (event) => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image || image.type?.S !== 'Submission') continue;
    const submission = unmarshall(image as Record<string, AttributeValue>) as Submission;
    try {
      await deps.startAndMark(submission);
      logger.info('workflow started', {
        submissionId: submission.submissionId,
        workflow: submission.workflow,
      });
    } catch (error) {
      logger.warn('workflow start failed', {
        submissionId: submission.submissionId,
        error: (error as Error).name,
      });
      // Stop here: later records of this shard wait behind the failed one, in order.
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      break;
    }
  }
  return { batchItemFailures };
});
