import { randomUUID } from 'node:crypto';
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { rateWindow } from '../functions/shared/adapters/rate-limiter.ts';
import { submissionItem } from '../functions/shared/adapters/submission-store.ts';
import { receiptNumber, type Submission } from '../functions/shared/domain/submissions.ts';
import type { LocalRuntime } from '../infra/local/runtime.ts';

/**
 * The submit's write done straight against DynamoDB Local, without API, handler or checks. Each
 * writes a real submission of the bench form, so the stream starts its workflow and sends its
 * e-mail as for a POST: both series leave the same work behind in this process.
 */
export function bareSubmissionWrites(
  runtime: LocalRuntime,
  form: { slug: string; version: number },
  data: () => Record<string, unknown>,
) {
  const tableName = runtime.env.TABLE_NAME as string;
  const dynamo = new DynamoDBClient({
    endpoint: runtime.urls.dynamodb,
    region: runtime.env.AWS_REGION as string,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const item = () => marshall(submissionItem(submission(form, data())), { removeUndefinedValues: true });
  let client = 0;
  return {
    /** One conditional PutItem: the least any submit can cost. */
    async put() {
      await dynamo.send(
        new PutItemCommand({
          TableName: tableName,
          Item: item(),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    /** What a warm submit did before issue 12: rate-limit update, consistent META read, put. */
    async threeRoundTrips() {
      client += 1;
      const window = rateWindow(`bench#${client}`, new Date(), 300);
      await dynamo.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(window.key),
          UpdateExpression: 'ADD hits :one SET expiresAt = :expires',
          ExpressionAttributeValues: marshall({ ':one': 1, ':expires': window.expiresAt }),
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      await dynamo.send(
        new GetItemCommand({
          TableName: tableName,
          Key: marshall({ pk: `FORM#${form.slug}`, sk: 'META' }),
          ConsistentRead: true,
        }),
      );
      await this.put();
    },
    /** The write the submit makes: put, published-version check and rate-limit hit in one transaction. */
    async transaction() {
      client += 1;
      const window = rateWindow(`bench#${client}`, new Date(), 300);
      await dynamo.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: item(), ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              ConditionCheck: {
                TableName: tableName,
                Key: marshall({ pk: `FORM#${form.slug}`, sk: 'META' }),
                ConditionExpression: 'publishedVersion = :published',
                ExpressionAttributeValues: marshall({ ':published': form.version }),
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: marshall(window.key),
                UpdateExpression: 'SET hits = if_not_exists(hits, :zero) + :one, expiresAt = :expires',
                ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
                ExpressionAttributeValues: marshall({
                  ':zero': 0,
                  ':one': 1,
                  ':expires': window.expiresAt,
                  ':limit': 20,
                }),
              },
            },
          ],
        }),
      );
    },
  };
}

function submission(form: { slug: string; version: number }, data: Record<string, unknown>): Submission {
  const submissionId = randomUUID();
  const receivedAt = new Date().toISOString();
  return {
    submissionId,
    receiptNumber: receiptNumber(submissionId),
    formSlug: form.slug,
    formVersion: form.version,
    workflow: 'submission-received',
    locale: 'de',
    data,
    consent: { version: '2026-11-01', acceptedAt: receivedAt, locale: 'de' },
    receivedAt,
    expiresAt: Math.floor(Date.now() / 1000) + 86_400,
    payloadHash: submissionId,
    workflowStatus: 'pending',
  };
}
