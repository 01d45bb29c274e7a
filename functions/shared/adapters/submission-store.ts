import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Submission, SubmissionStore } from '../domain/submissions.ts';
import type { WorkflowStartError } from '../domain/workflow-start.ts';
import { conditionally } from './dynamo.ts';

const key = (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'SUBMISSION' });
/** Submissions a form with a limit has received, all versions; written only while a limit is set. */
export const formCounterKey = (slug: string) => ({ pk: `FORM#${slug}`, sk: 'COUNTER' });
/**
 * Submissions whose workflow has not started yet are listed here (sparse index) until it has,
 * including those whose start failed permanently (they carry `workflowError`), so one query finds
 * every submission still waiting for its workflow.
 */
export const PENDING_WORKFLOW_KEY = 'WORKFLOW#pending';

/** A new submission as stored: pending its workflow, so it is listed in the sparse index. */
export const submissionItem = (submission: Submission) => ({
  ...key(submission.submissionId),
  type: 'Submission',
  ...submission,
  gsi1pk: PENDING_WORKFLOW_KEY,
  gsi1sk: `${submission.receivedAt}#${submission.submissionId}`,
});

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

/** Reading submissions; its own factory so that routes that only read hold no write. */
export function dynamoSubmissionReader(client: DynamoDBDocumentClient, tableName: string): SubmissionStore {
  return {
    async get(submissionId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key(submissionId), ConsistentRead: true }),
      );
      return Item ? toSubmission(Item) : undefined;
    },
    async receivedCount(slug) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: formCounterKey(slug), ConsistentRead: true }),
      );
      return typeof Item?.received === 'number' ? Item.received : 0;
    },
  };
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
  const store: SubmissionStore & {
    markWorkflowStarted(submissionId: string, executionArn: string, now: string): Promise<void>;
    recordWorkflowError(submissionId: string, error: WorkflowStartError): Promise<boolean>;
    getWorkflowError(submissionId: string): Promise<WorkflowStartError | undefined>;
    pendingWorkflowStarts(
      query: PendingQuery,
    ): Promise<{ submissions: PendingSubmission[]; nextKey?: PageKey }>;
    countPendingWorkflowStarts(query: Omit<PendingQuery, 'limit'>): Promise<number>;
  } = {
    ...dynamoSubmissionReader(client, tableName),
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
