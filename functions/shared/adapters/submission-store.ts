import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Submission, SubmissionStore } from '../domain/submissions.ts';
import { conditionally } from './dynamo.ts';

const key = (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'SUBMISSION' });
/** Submissions whose workflow has not started yet are listed here (sparse index) until it has. */
export const PENDING_WORKFLOW_KEY = 'WORKFLOW#pending';

export function dynamoSubmissionStore(client: DynamoDBDocumentClient, tableName: string) {
  const store: SubmissionStore & {
    markWorkflowStarted(submissionId: string, executionArn: string, now: string): Promise<void>;
    listPendingWorkflowStarts(receivedBefore: string, limit: number): Promise<Submission[]>;
  } = {
    async create(submission) {
      return conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key(submission.submissionId),
              type: 'Submission',
              ...submission,
              gsi1pk: PENDING_WORKFLOW_KEY,
              gsi1sk: `${submission.receivedAt}#${submission.submissionId}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
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
            'SET workflowStatus = :started, executionArn = :arn, workflowStartedAt = :now REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':started': 'started', ':arn': executionArn, ':now': now },
        }),
      );
    },
    async listPendingWorkflowStarts(receivedBefore, limit) {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pending AND gsi1sk < :before',
          ExpressionAttributeValues: { ':pending': PENDING_WORKFLOW_KEY, ':before': receivedBefore },
          Limit: limit,
        }),
      );
      return Items.map(toSubmission);
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
