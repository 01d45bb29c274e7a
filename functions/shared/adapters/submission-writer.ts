import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { SubmissionWrite, SubmissionWriter, WriteOutcome } from '../domain/submissions.ts';
import { type RateLimitOptions, rateWindow } from './rate-limiter.ts';
import { formCounterKey, submissionItem } from './submission-store.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Stores a submission in one TransactWriteItems: the put (only if its id is new), a check that the
 * form still publishes the version the decision was made on, the client's rate-limit hit (only while
 * under the limit) and, for a form with a limit, its seat. One round trip instead of four (rate
 * limit, form summary, version, put); on AWS a transaction costs twice the write units of its items
 * (docs/forms-and-submissions.md weighs it).
 */
export function dynamoSubmissionWriter(
  client: DynamoDBDocumentClient,
  tableName: string,
  rateLimit: RateLimitOptions,
): SubmissionWriter {
  return {
    async write(write, now) {
      const parts = transactItems(tableName, write, rateLimit, now);
      const command = new TransactWriteCommand({ TransactItems: parts.map((part) => part.item) });
      // Transactions on the same items (a client's window, a form's seats) may cancel each other
      // (TransactionConflict); each tries again after a short random pause, so one of them wins.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(command);
          return 'created';
        } catch (error) {
          const reasons = cancellationReasons(error);
          if (!reasons) throw error;
          const failed = parts.filter((_, index) => reasons[index] === 'ConditionalCheckFailed');
          const outcome = OUTCOME_ORDER.find((candidate) =>
            failed.some((part) => part.outcome === candidate),
          );
          if (outcome) return outcome;
          if (!reasons.includes('TransactionConflict') || attempt >= MAX_CONFLICT_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
        }
      }
    },
  };
}

const MAX_CONFLICT_ATTEMPTS = 10;

/** When several conditions failed, an existing id comes first: a retry may get its receipt. */
const OUTCOME_ORDER: readonly WriteOutcome[] = ['exists', 'rate-limited', 'changed', 'full'];

function transactItems(
  tableName: string,
  write: SubmissionWrite,
  rateLimit: RateLimitOptions,
  now: Date,
): Array<{ item: TransactItem; outcome: WriteOutcome }> {
  const { submission } = write;
  const parts: Array<{ item: TransactItem; outcome: WriteOutcome }> = [
    {
      outcome: 'exists',
      item: {
        Put: {
          TableName: tableName,
          Item: submissionItem(submission),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    {
      outcome: 'changed',
      item: {
        ConditionCheck: {
          TableName: tableName,
          Key: { pk: `FORM#${submission.formSlug}`, sk: 'META' },
          ConditionExpression: 'publishedVersion = :published',
          ExpressionAttributeValues: { ':published': write.publishedVersion },
        },
      },
    },
  ];
  if (write.rateLimitKey !== undefined) {
    const window = rateWindow(write.rateLimitKey, now, rateLimit.windowSeconds);
    parts.push({
      outcome: 'rate-limited',
      item: {
        Update: {
          TableName: tableName,
          Key: window.key,
          UpdateExpression: 'SET hits = if_not_exists(hits, :zero) + :one, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeValues: {
            ':zero': 0,
            ':one': 1,
            ':expires': window.expiresAt,
            ':limit': rateLimit.limit,
          },
        },
      },
    });
  }
  if (write.maxSubmissions !== undefined) {
    parts.push({
      outcome: 'full',
      item: {
        Update: {
          TableName: tableName,
          Key: formCounterKey(submission.formSlug),
          UpdateExpression: 'SET #type = :type, received = if_not_exists(received, :zero) + :one',
          ConditionExpression: 'attribute_not_exists(received) OR received < :max',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': 'FormCounter',
            ':zero': 0,
            ':one': 1,
            ':max': write.maxSubmissions,
          },
        },
      },
    });
  }
  return parts;
}

/** Per transaction item, why DynamoDB cancelled it (`None` for the items that were fine). */
function cancellationReasons(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}
