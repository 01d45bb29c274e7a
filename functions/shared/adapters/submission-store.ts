import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Submission, SubmissionStore } from '../domain/submissions.ts';
import type { WorkflowStartError } from '../domain/workflow-start.ts';
import { conditionally } from './dynamo.ts';

const key = (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'SUBMISSION' });
/** Submissions a form with a limit has received, all versions; written only while a limit is set. */
const counterKey = (slug: string) => ({ pk: `FORM#${slug}`, sk: 'COUNTER' });
/**
 * Submissions whose workflow has not started yet are listed here (sparse index) until it has,
 * including those whose start failed permanently (they carry `workflowError`), so one query finds
 * every submission still waiting for its workflow.
 */
export const PENDING_WORKFLOW_KEY = 'WORKFLOW#pending';

/** A submission still waiting for its workflow, with the last start failure if there was one. */
export type PendingSubmission = Submission & { readonly workflowError?: WorkflowStartError };

/** Where a listing of pending submissions stopped; opaque to callers. */
export type PageKey = Record<string, unknown>;

export interface PendingQuery {
  /** Only submissions received before this time (the stream is still on the newer ones). */
  readonly receivedBefore: string;
  /** Only submissions never failed, or whose next attempt is due by this time. */
  readonly dueBy: string;
  readonly limit: number;
  readonly startKey?: PageKey;
}

export function dynamoSubmissionStore(client: DynamoDBDocumentClient, tableName: string) {
  const pendingQuery = (query: Omit<PendingQuery, 'limit'> & { limit?: number }) => ({
    TableName: tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pending AND gsi1sk < :before',
    FilterExpression: 'attribute_not_exists(workflowError) OR workflowError.nextAttemptAt <= :due',
    ExpressionAttributeValues: {
      ':pending': PENDING_WORKFLOW_KEY,
      ':before': query.receivedBefore,
      ':due': query.dueBy,
    },
    ...(query.limit ? { Limit: query.limit } : {}),
    ...(query.startKey ? { ExclusiveStartKey: query.startKey } : {}),
  });
  const item = (submission: Submission) => ({
    ...key(submission.submissionId),
    type: 'Submission',
    ...submission,
    gsi1pk: PENDING_WORKFLOW_KEY,
    gsi1sk: `${submission.receivedAt}#${submission.submissionId}`,
  });
  const store: SubmissionStore & {
    markWorkflowStarted(submissionId: string, executionArn: string, now: string): Promise<void>;
    recordWorkflowError(submissionId: string, error: WorkflowStartError): Promise<boolean>;
    getWorkflowError(submissionId: string): Promise<WorkflowStartError | undefined>;
    pendingWorkflowStarts(
      query: PendingQuery,
    ): Promise<{ submissions: PendingSubmission[]; nextKey?: PageKey }>;
    countPendingWorkflowStarts(query: Omit<PendingQuery, 'limit'>): Promise<number>;
  } = {
    async create(submission) {
      return conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: item(submission),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    /**
     * The put and the count are one transaction: a seat is taken only by a submission that is
     * stored, and a retry with the same id fails the put's condition, so it never counts twice.
     */
    async createWithinLimit(submission, maxSubmissions) {
      const write = new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: item(submission),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: counterKey(submission.formSlug),
              UpdateExpression: 'SET #type = :type, received = if_not_exists(received, :zero) + :one',
              ConditionExpression: 'attribute_not_exists(received) OR received < :max',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':type': 'FormCounter',
                ':zero': 0,
                ':one': 1,
                ':max': maxSubmissions,
              },
            },
          },
        ],
      });
      // Submissions racing for the same counter cancel each other (TransactionConflict); each
      // tries again after a short random pause, so one of them wins and the rest see the new count.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(write);
          return 'created';
        } catch (error) {
          const reasons = cancellationReasons(error);
          if (!reasons) throw error;
          if (reasons[0] === 'ConditionalCheckFailed') return 'exists';
          if (reasons[1] === 'ConditionalCheckFailed') return 'full';
          if (!reasons.includes('TransactionConflict') || attempt >= MAX_CONFLICT_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
        }
      }
    },
    async receivedCount(slug) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: counterKey(slug), ConsistentRead: true }),
      );
      return typeof Item?.received === 'number' ? Item.received : 0;
    },
    async get(submissionId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key(submissionId), ConsistentRead: true }),
      );
      return Item ? toSubmission(Item) : undefined;
    },
    async markWorkflowStarted(submissionId, executionArn, now) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(submissionId),
          UpdateExpression:
            'SET workflowStatus = :started, executionArn = :arn, workflowStartedAt = :now REMOVE gsi1pk, gsi1sk, workflowError',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':started': 'started', ':arn': executionArn, ':now': now },
        }),
      );
    },
    /** Records a failed start on a submission still pending; false when it has started meanwhile. */
    recordWorkflowError(submissionId, error) {
      return conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(submissionId),
            UpdateExpression: 'SET workflowError = :error',
            ConditionExpression: 'attribute_exists(pk) AND gsi1pk = :pending',
            ExpressionAttributeValues: { ':error': error, ':pending': PENDING_WORKFLOW_KEY },
          }),
        ),
      );
    },
    async getWorkflowError(submissionId) {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: key(submissionId),
          ProjectionExpression: 'workflowError',
          ConsistentRead: true,
        }),
      );
      return Item?.workflowError as WorkflowStartError | undefined;
    },
    async pendingWorkflowStarts(query) {
      const { Items = [], LastEvaluatedKey } = await client.send(new QueryCommand(pendingQuery(query)));
      return {
        submissions: Items.map((item) => toSubmission(item) as PendingSubmission),
        ...(LastEvaluatedKey ? { nextKey: LastEvaluatedKey } : {}),
      };
    },
    async countPendingWorkflowStarts(query) {
      let count = 0;
      let startKey = query.startKey;
      do {
        const page = await client.send(
          new QueryCommand({ ...pendingQuery({ ...query, startKey }), Select: 'COUNT' }),
        );
        count += page.Count ?? 0;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return count;
    },
  };
  return store;
}

const MAX_CONFLICT_ATTEMPTS = 10;

/** Per transaction item, why DynamoDB cancelled it (`None` for the items that were fine). */
function cancellationReasons(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}

function toSubmission(item: Record<string, unknown>): Submission {
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    gsi1pk: _g1,
    gsi1sk: _g2,
    executionArn: _e,
    workflowStartedAt: _w,
    ...rest
  } = item;
  return rest as unknown as Submission;
}
