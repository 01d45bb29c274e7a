import { randomBytes } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { FormDefinition } from '../contracts/form-definition.ts';
import type { FormStore, FormSummary, FormVersion } from '../domain/forms.ts';

const formKey = (slug: string) => `FORM#${slug}`;
const versionKey = (version: number) => `VERSION#${String(version).padStart(8, '0')}`;
const PUBLISHED_INDEX_KEY = 'FORMS#published';

/**
 * Forms in the single table: a META item per form (version counter, published pointer, listed in
 * gsi1 once published), one immutable VERSION item per saved definition, and an EVENT item per
 * publish or rollback (the audit trail).
 */
export function dynamoFormStore(client: DynamoDBDocumentClient, tableName: string): FormStore {
  // Versions never change, so a function instance may keep them as long as it lives.
  const versions = new Map<string, FormVersion>();

  return {
    async saveVersion(definition, createdBy, now) {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: formKey(definition.slug), sk: 'META' },
          UpdateExpression: 'ADD latestVersion :one SET slug = :slug, updatedAt = :now, #type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':one': 1, ':slug': definition.slug, ':now': now, ':type': 'Form' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const version = Number(Attributes?.latestVersion);
      const saved: FormVersion = { slug: definition.slug, version, definition, createdAt: now, createdBy };
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: formKey(definition.slug),
            sk: versionKey(version),
            type: 'FormVersion',
            slug: definition.slug,
            version,
            // Stored as text: JSON Schemas can nest deeper than DynamoDB maps allow (32 levels).
            definition: JSON.stringify(definition),
            createdAt: now,
            createdBy,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return saved;
    },

    async getVersion(slug, version) {
      const cacheKey = `${slug}@${version}`;
      const cached = versions.get(cacheKey);
      if (cached) return cached;
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk: formKey(slug), sk: versionKey(version) } }),
      );
      if (!Item) return undefined;
      const found: FormVersion = {
        slug,
        version,
        definition: JSON.parse(String(Item.definition)) as FormDefinition,
        createdAt: String(Item.createdAt),
        createdBy: String(Item.createdBy),
      };
      versions.set(cacheKey, found);
      return found;
    },

    async getSummary(slug) {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: formKey(slug), sk: 'META' },
          ConsistentRead: true,
        }),
      );
      return Item ? toSummary(Item) : undefined;
    },

    async listPublished() {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :published',
          ExpressionAttributeValues: { ':published': PUBLISHED_INDEX_KEY },
        }),
      );
      return Items.map(toSummary);
    },

    async listVersions(slug) {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': formKey(slug), ':prefix': 'VERSION#' },
          ProjectionExpression: 'version, createdAt, createdBy',
        }),
      );
      return Items.map((item) => ({
        version: Number(item.version),
        createdAt: String(item.createdAt),
        createdBy: String(item.createdBy),
      }));
    },

    async publish(version, by, now, action) {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: { pk: formKey(version.slug), sk: 'META' },
                UpdateExpression:
                  'SET publishedVersion = :version, publishedAt = :now, publishedBy = :by, title = :title, updatedAt = :now, gsi1pk = :published, gsi1sk = :slug',
                ConditionExpression: 'attribute_exists(pk) AND latestVersion >= :version',
                ExpressionAttributeValues: {
                  ':version': version.version,
                  ':now': now,
                  ':by': by,
                  ':title': version.definition.title,
                  ':published': PUBLISHED_INDEX_KEY,
                  ':slug': version.slug,
                },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: {
                  pk: formKey(version.slug),
                  sk: `EVENT#${now}#${randomBytes(4).toString('hex')}`,
                  type: 'FormEvent',
                  action,
                  version: version.version,
                  by,
                  at: now,
                },
              },
            },
          ],
        }),
      );
    },
  };
}

function toSummary(item: Record<string, unknown>): FormSummary {
  return {
    slug: String(item.slug),
    latestVersion: Number(item.latestVersion),
    ...(item.publishedVersion !== undefined ? { publishedVersion: Number(item.publishedVersion) } : {}),
    ...(item.publishedAt ? { publishedAt: String(item.publishedAt) } : {}),
    ...(item.publishedBy ? { publishedBy: String(item.publishedBy) } : {}),
    ...(item.title ? { title: item.title as Record<string, string> } : {}),
    updatedAt: String(item.updatedAt),
  };
}
