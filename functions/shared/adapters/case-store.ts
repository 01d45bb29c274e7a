import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionally } from './dynamo.ts';

export interface IntakeCase {
  readonly submissionId: string;
  readonly route: 'youth' | 'adult';
  readonly teamId: string;
  readonly status: 'open' | 'picked-up' | 'unassigned';
  readonly taskToken?: string;
  readonly pickedUpBy?: string;
  readonly pickedUpAt?: string;
  readonly createdAt: string;
  readonly expiresAt: number;
}

const key = (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'CASE' });

/** Reading a case; its own factory so that the routes that only show it cannot write. */
export function dynamoCaseReader(client: DynamoDBDocumentClient, tableName: string) {
  return {
    async get(submissionId: string): Promise<IntakeCase | undefined> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key(submissionId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...value } = Item;
      return value as IntakeCase;
    },
  };
}

/** Intake cases: which team has it, and whether someone has picked it up. */
export function dynamoCaseStore(client: DynamoDBDocumentClient, tableName: string) {
  return {
    ...dynamoCaseReader(client, tableName),
    async open(value: IntakeCase): Promise<boolean> {
      return conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(value.submissionId), type: 'Case', ...value },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    async park(submissionId: string, taskToken: string): Promise<void> {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(submissionId),
          UpdateExpression: 'SET taskToken = :token',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':token': taskToken },
        }),
      );
    },
    /** The first team member to pick the case up gets it; false when it was picked up already. */
    pickUp(submissionId: string, by: string, at: string): Promise<boolean> {
      return conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(submissionId),
            UpdateExpression: 'SET #status = :picked, pickedUpBy = :by, pickedUpAt = :at REMOVE taskToken',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':picked': 'picked-up', ':by': by, ':at': at, ':open': 'open' },
          }),
        ),
      );
    },
    async markUnassigned(submissionId: string): Promise<void> {
      // A case picked up in the meantime stays picked up.
      await conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(submissionId),
            UpdateExpression: 'SET #status = :unassigned REMOVE taskToken',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':unassigned': 'unassigned', ':open': 'open' },
          }),
        ),
      );
    },
  };
}
