import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type AttentionItem,
  type AttentionKind,
  type AttentionStore,
  NOT_STARTED_AFTER_MS,
} from '../domain/attention.ts';
import { ValidationError } from '../domain/errors.ts';
import { conditionally } from './dynamo.ts';
import { PENDING_WORKFLOW_KEY } from './submission-store.ts';

const key = (kind: AttentionKind, submissionId: string) => ({
  pk: `SUBMISSION#${submissionId}`,
  sk: `ATTENTION#${kind}`,
});
const indexKey = (kind: AttentionKind) => `ATTENTION#${kind}`;
const DIGEST_KEY = { pk: 'SYSTEM', sk: 'ATTENTION_DIGEST' };

const isNamed = (value: unknown): value is { name: string } =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';

/** Cursors are the page's last key, opaque to callers; a forged one is a 400, not a 500. */
function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key)) return key as Record<string, unknown>;
  } catch {}
  throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
}

export type AttentionReader = Pick<AttentionStore, 'get' | 'summary' | 'list' | 'lastDigest'>;

/**
 * Reading what needs attention: what health and the console show. Its own factory so that their
 * bundles cannot write (test/infra/table-access.test.ts).
 */
export function dynamoAttentionReader(client: DynamoDBDocumentClient, tableName: string): AttentionReader {
  /** The index query for a kind; `after` keeps only what began later (for the digest). */
  const query = (kind: AttentionKind, now: Date, after?: string): QueryCommandInput => {
    if (kind === 'workflow-not-started') {
      const before = new Date(now.getTime() - NOT_STARTED_AFTER_MS).toISOString();
      return {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: after
          ? 'gsi1pk = :pk AND gsi1sk BETWEEN :after AND :before'
          : 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: {
          ':pk': PENDING_WORKFLOW_KEY,
          ':before': before,
          // A submission counts once it is a few minutes old, which may be after the last digest.
          ...(after ? { ':after': new Date(Date.parse(after) - NOT_STARTED_AFTER_MS).toISOString() } : {}),
        },
      };
    }
    return {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: after ? 'gsi1pk = :pk AND gsi1sk > :after' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKey(kind), ...(after ? { ':after': after } : {}) },
    };
  };
  const toItem = (kind: AttentionKind, item: Record<string, unknown>): AttentionItem =>
    kind === 'workflow-not-started'
      ? {
          kind,
          submissionId: String(item.submissionId),
          since: String(item.receivedAt),
          lastAt: String(item.receivedAt),
          detail: {
            workflow: String(item.workflow),
            formSlug: String(item.formSlug),
            // A start refused for good (misspelt workflow, …) is retried with back-off by the redrive.
            ...(isNamed(item.workflowError) ? { error: item.workflowError.name } : {}),
          },
        }
      : {
          kind,
          submissionId: String(item.submissionId),
          since: String(item.since),
          lastAt: String(item.lastAt),
          detail: (item.detail ?? {}) as Record<string, string>,
        };

  return {
    async get(kind, submissionId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key(kind, submissionId), ConsistentRead: true }),
      );
      return Item ? toItem(kind, Item) : undefined;
    },
    async lastDigest() {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: DIGEST_KEY }));
      return typeof Item?.sentAt === 'string' ? Item.sentAt : undefined;
    },
    async summary(kind, now) {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({ ...query(kind, now), Select: 'COUNT', ExclusiveStartKey: start }),
        );
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      if (count === 0) return { count };
      const { Items = [] } = await client.send(new QueryCommand({ ...query(kind, now), Limit: 1 }));
      const oldest = Items[0] ? toItem(kind, Items[0]) : undefined;
      return oldest
        ? { count, oldest: { submissionId: oldest.submissionId, since: oldest.since } }
        : { count };
    },
    async list(kind, { now, limit, cursor, after }) {
      const page = await client.send(
        new QueryCommand({
          ...query(kind, now, after),
          Limit: limit,
          ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor) } : {}),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => toItem(kind, item)),
        ...(page.LastEvaluatedKey
          ? { cursor: Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64url') }
          : {}),
      };
    },
  };
}

/**
 * Attention items live beside their submission and in the sparse index gsi1 under
 * `ATTENTION#<kind>`, oldest first. Submissions whose workflow has not started are not copied:
 * they are already in gsi1 under the pending key, and whatever is older than a few minutes counts.
 */
export function dynamoAttentionStore(client: DynamoDBDocumentClient, tableName: string): AttentionStore {
  return {
    ...dynamoAttentionReader(client, tableName),
    async raise({ kind, submissionId, since, detail, expiresAt }) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(kind, submissionId),
          UpdateExpression:
            'SET #type = :type, kind = :kind, submissionId = :id, since = if_not_exists(since, :at), lastAt = :at, detail = :detail, gsi1pk = :gsi1pk, gsi1sk = if_not_exists(gsi1sk, :gsi1sk)' +
            (expiresAt ? ', expiresAt = :expiresAt' : '') +
            ' ADD occurrences :one',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': 'Attention',
            ':kind': kind,
            ':id': submissionId,
            ':at': since,
            ':detail': detail,
            ':gsi1pk': indexKey(kind),
            ':gsi1sk': `${since}#${submissionId}`,
            ':one': 1,
            ...(expiresAt ? { ':expiresAt': expiresAt } : {}),
          },
        }),
      );
    },
    async claimDigest(previous, sentAt) {
      return conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...DIGEST_KEY, type: 'Digest', sentAt },
            ...(previous
              ? {
                  ConditionExpression: 'sentAt = :previous',
                  ExpressionAttributeValues: { ':previous': previous },
                }
              : { ConditionExpression: 'attribute_not_exists(sentAt)' }),
          }),
        ),
      );
    },
    async releaseDigest(previous, sentAt) {
      await conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...DIGEST_KEY, type: 'Digest', ...(previous ? { sentAt: previous } : {}) },
            ConditionExpression: 'sentAt = :mine',
            ExpressionAttributeValues: { ':mine': sentAt },
          }),
        ),
      );
    },
    async clear(kind, submissionId) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: key(kind, submissionId) }));
    },
  };
}
