import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Submission } from '#shared/domain/submissions.ts';
import { isPermanentStartError } from '#shared/domain/workflow-start.ts';
import { logger } from '#shared/logger.ts';
import { submissionStartDeps } from '#shared/submission-start-deps.ts';

const deps = submissionStartDeps();

type Outcome = 'started' | 'recorded' | 'skipped' | 'retry';

/**
 * Reads new submissions from the table's stream and starts their workflows, a batch at a time.
 * A start that cannot succeed by retrying (unknown workflow, refused input) is recorded on the
 * submission for the redrive and counts as handled, so it never holds up the records behind it.
 * A transient failure (throttling, 5xx, network) is reported from the first such record, so the
 * event source retries from there (and, after its retries, the redrive starts it).
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(async (event) => {
  // One after the other: starting a batch's ten at once made the local runtime accept 2.5× fewer
  // submissions per second (90 against 231 at concurrency 8, npm run bench), as their workflows
  // then compete with the requests on one event loop. A refused start no longer blocks the rest.
  const outcomes: Outcome[] = [];
  for (const record of event.Records) outcomes.push(await handleRecord(record));
  const firstRetry = outcomes.indexOf('retry');
  if (firstRetry < 0) return { batchItemFailures: [] };
  const failed = event.Records[firstRetry]?.dynamodb?.SequenceNumber ?? '';
  return { batchItemFailures: [{ itemIdentifier: failed }] };
});

async function handleRecord(record: DynamoDBRecord): Promise<Outcome> {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image || image.type?.S !== 'Submission') return 'skipped';
  const submission = unmarshall(image as Record<string, AttributeValue>) as Submission;
  const ids = { submissionId: submission.submissionId, workflow: submission.workflow };
  try {
    await deps.startAndMark(submission);
    logger.info('workflow started', ids);
    return 'started';
  } catch (error) {
    if (!isPermanentStartError(error)) {
      logger.warn('workflow start failed; the stream retries', { ...ids, error: (error as Error).name });
      return 'retry';
    }
    return recordPermanentFailure(submission.submissionId, error as Error, ids);
  }
}

async function recordPermanentFailure(
  submissionId: string,
  error: Error,
  ids: Record<string, string>,
): Promise<Outcome> {
  try {
    const recorded = await deps.recordStartFailure(submissionId, error);
    logger.error('workflow start refused; recorded for the redrive', {
      ...ids,
      error: error.name,
      nextAttemptAt: recorded?.nextAttemptAt,
    });
    return 'recorded';
  } catch (recordError) {
    logger.warn('could not record a refused workflow start', {
      ...ids,
      error: error.name,
      recordError: (recordError as Error).name,
    });
    return 'retry';
  }
}
