import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SystemCheck, SystemCheckStore } from '../domain/system-check.ts';
import { conditionally } from './dynamo.ts';

/** Checks are kept for 30 days, then DynamoDB's TTL removes them with the e-mail address they hold. */
const RETENTION_SECONDS = 30 * 24 * 3600;

const key = (checkId: string) => ({ pk: `CHECK#${checkId}`, sk: 'CHECK' });

/** Reading one check, for the status route: its own factory so that its bundle cannot write. */
export function dynamoSystemCheckReader(
  client: DynamoDBDocumentClient,
  tableName: string,
): Pick<SystemCheckStore, 'get'> {
  return {
    async get(checkId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key(checkId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, expiresAt: _expiresAt, ...check } = Item;
      return check as SystemCheck;
    },
  };
}

export function dynamoSystemCheckStore(client: DynamoDBDocumentClient, tableName: string): SystemCheckStore {
  return {
    ...dynamoSystemCheckReader(client, tableName),
    async create(check) {
      const expiresAt = Math.floor(Date.parse(check.createdAt) / 1000) + RETENTION_SECONDS;
      return conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(check.checkId), type: 'SystemCheck', ...check, expiresAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    async park(checkId, taskToken, codeHash, now) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(checkId),
          UpdateExpression:
            'SET #status = :waiting, taskToken = :token, codeHash = :hash, updatedAt = :now, failedAttempts = :zero',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':waiting': 'waiting',
            ':token': taskToken,
            ':hash': codeHash,
            ':now': now,
            ':zero': 0,
          },
        }),
      );
    },
    async markConfirmed(checkId, now) {
      return conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(checkId),
            UpdateExpression: 'SET #status = :confirmed, updatedAt = :now',
            ConditionExpression: '#status = :waiting',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':confirmed': 'confirmed', ':waiting': 'waiting', ':now': now },
          }),
        ),
      );
    },
    async recordFailedAttempt(checkId, now) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(checkId),
          UpdateExpression: 'ADD failedAttempts :one SET updatedAt = :now',
          ExpressionAttributeValues: { ':one': 1, ':now': now },
        }),
      );
    },
    async finish(checkId, outcome, now) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(checkId),
          // The token and code are useless once the wait is over; drop them.
          UpdateExpression:
            'SET #status = :outcome, updatedAt = :now, finishedAt = :now REMOVE taskToken, codeHash',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':outcome': outcome, ':now': now },
        }),
      );
    },
  };
}
