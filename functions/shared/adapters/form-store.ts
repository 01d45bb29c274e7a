import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { FormDefinition } from '../contracts/form-definition.ts';
import { draftSummary } from '../domain/draft-summary.ts';
import { ConflictError, PayloadTooLargeError } from '../domain/errors.ts';
import type { DraftHeader, FormDraftStore, FormReader, StoredDraft } from '../domain/form-drafts.ts';
import type { FormStore, FormSummary, FormVersion } from '../domain/forms.ts';
import { conditionally, itemSizeBytes, MAX_ITEM_BYTES, queryAll } from './dynamo.ts';
import { sizedLruCache } from './version-cache.ts';

const formKey = (slug: string) => `FORM#${slug}`;
const versionKey = (version: number) => `VERSION#${String(version).padStart(8, '0')}`;
const PUBLISHED_INDEX_KEY = 'FORMS#published';
/** Forms never published sit in gsi1 here, so the editor lists them without a scan. */
const UNPUBLISHED_INDEX_KEY = 'FORMS#unpublished';
const DRAFT_KEY = 'DRAFT';

/**
 * Reading one version of a form: all that the routes behind an e-mailed link need of forms. Its own
 * factory so that their bundles cannot write (test/infra/table-access.test.ts).
 */
export function dynamoFormVersionReader(
  client: DynamoDBDocumentClient,
  tableName: string,
): Pick<FormStore, 'getVersion'> {
  // Versions never change, so a warm function keeps those it has read (see VERSION_CACHE_BYTES).
  const versions = sizedLruCache<FormVersion>(VERSION_CACHE_BYTES);
  return {
    async getVersion(slug, version) {
      const cacheKey = `${slug}@${version}`;
      const cached = versions.get(cacheKey);
      if (cached) return cached;
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk: formKey(slug), sk: versionKey(version) } }),
      );
      if (!Item) return undefined;
      const text = String(Item.definition);
      const found: FormVersion = {
        slug,
        version,
        definition: JSON.parse(text) as FormDefinition,
        createdAt: String(Item.createdAt),
        createdBy: String(Item.createdBy),
      };
      versions.set(cacheKey, found, text.length);
      return found;
    },
  };
}

/**
 * Every read of forms, their versions and drafts: what the routes that only read need. Its own
 * factory so that their bundles cannot write (test/infra/table-access.test.ts).
 */
export function dynamoFormReader(client: DynamoDBDocumentClient, tableName: string): FormReader {
  return {
    ...dynamoFormVersionReader(client, tableName),
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
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :published',
        ExpressionAttributeValues: { ':published': PUBLISHED_INDEX_KEY },
      });
      return items.map(toSummary);
    },

    async listVersions(slug) {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': formKey(slug), ':prefix': 'VERSION#' },
        ProjectionExpression: 'version, createdAt, createdBy',
      });
      return items.map((item) => ({
        version: Number(item.version),
        createdAt: String(item.createdAt),
        createdBy: String(item.createdBy),
      }));
    },

    ...draftReads(client, tableName),
  };
}

/**
 * Forms in the single table: a META item per form (version counter, published pointer, listed in
 * gsi1 under FORMS#published once published, FORMS#unpublished before), one immutable VERSION
 * item per saved definition, an EVENT item per publish or rollback (the audit trail), and at most
 * one mutable DRAFT item, written only over the revision its editor loaded.
 */
export function dynamoFormStore(
  client: DynamoDBDocumentClient,
  tableName: string,
): FormStore & FormDraftStore {
  return {
    ...dynamoFormReader(client, tableName),
    checkSize(definition, createdBy) {
      checkStorableSize(definition, createdBy);
    },

    async saveVersion(definition, createdBy, now) {
      checkStorableSize(definition, createdBy);
      for (let attempt = 1; ; attempt++) {
        const latest = await latestVersion(client, tableName, definition.slug);
        const version = latest + 1;
        try {
          await client.send(
            new TransactWriteCommand({
              TransactItems: newVersionWrites(tableName, definition, latest, createdBy, now),
            }),
          );
          return { slug: definition.slug, version, definition, createdAt: now, createdBy };
        } catch (error) {
          if (!lostRace(error)) throw error;
          if (attempt >= MAX_SAVE_ATTEMPTS) {
            throw new ConflictError('Someone else saved this form at the same moment. Please save again.');
          }
        }
      }
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
    ...draftWrites(client, tableName),
  };
}

const MAX_SAVE_ATTEMPTS = 5;

/**
 * At most 8 MB of cached versions' stored text per function instance: 21 versions at the 380 KB
 * a version may take, about 300 of the registration form (26 KB). Parsed, with its validator
 * compiled, the registration form took 2.2 times its text on the heap (57 KB, measured with
 * `--expose-gc` over 40 copies), so the bound is about 18 MB of a 128 MB function's memory.
 */
export const VERSION_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * The largest version item we write: DynamoDB's 400 KB less 20 KB (5%). Strings are measured
 * exactly, but the margin leaves room for attributes a version item may gain later and for any
 * per-item overhead DynamoDB's published rules leave out, so a form that passes today still
 * saves after such a change instead of failing with a 500.
 */
export const MAX_FORM_VERSION_BYTES = MAX_ITEM_BYTES - 20 * 1024;

/** The version item exactly as saveVersion writes it. */
function versionItem(definition: unknown, version: number, createdBy: string, now: string) {
  const slug = (definition as { slug?: unknown } | null)?.slug;
  return {
    pk: formKey(String(slug)),
    sk: versionKey(version),
    type: 'FormVersion',
    slug,
    version,
    // Stored as text: JSON Schemas can nest deeper than DynamoDB maps allow (32 levels).
    definition: JSON.stringify(definition) ?? '',
    createdAt: now,
    createdBy,
  };
}

/**
 * Refuses (413) a definition whose version item would not fit, measured as it would be written.
 * Also takes definitions not yet validated, so validate and save refuse the same forms first.
 */
export function checkStorableSize(definition: unknown, createdBy: string): void {
  const bytes = itemSizeBytes(versionItem(definition, 99_999_999, createdBy, new Date().toISOString()));
  if (bytes <= MAX_FORM_VERSION_BYTES) return;
  const kb = (value: number) => Math.ceil(value / 1024);
  throw new PayloadTooLargeError(
    `This form is too large to save: it takes ${kb(bytes)} KB, and a form can take at most ${kb(MAX_FORM_VERSION_BYTES)} KB. ` +
      'Make it smaller, for example by shortening long texts or removing translations that are not used.',
  );
}

async function latestVersion(
  client: DynamoDBDocumentClient,
  tableName: string,
  slug: string,
): Promise<number> {
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName,
      Key: { pk: formKey(slug), sk: 'META' },
      ProjectionExpression: 'latestVersion',
      ConsistentRead: true,
    }),
  );
  return Item?.latestVersion === undefined ? 0 : Number(Item.latestVersion);
}

/**
 * Takes the next number and writes the version in one transaction, so a failed write uses up no
 * number, and a concurrent save of the same form makes one of the two try again.
 */
function newVersionWrites(
  tableName: string,
  definition: FormDefinition,
  latest: number,
  createdBy: string,
  now: string,
): NonNullable<TransactWriteCommandInput['TransactItems']> {
  const version = latest + 1;
  return [
    {
      Update: {
        TableName: tableName,
        Key: { pk: formKey(definition.slug), sk: 'META' },
        UpdateExpression:
          'SET latestVersion = :version, slug = :slug, updatedAt = :now, #type = :type, gsi1pk = if_not_exists(gsi1pk, :unpublished), gsi1sk = if_not_exists(gsi1sk, :slug)',
        ConditionExpression: latest === 0 ? 'attribute_not_exists(latestVersion)' : 'latestVersion = :latest',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':version': version,
          ':slug': definition.slug,
          ':now': now,
          ':type': 'Form',
          ':unpublished': UNPUBLISHED_INDEX_KEY,
          ...(latest === 0 ? {} : { ':latest': latest }),
        },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: versionItem(definition, version, createdBy, now),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

const lostRace = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

function toSummary(item: Record<string, unknown>): FormSummary {
  return {
    slug: String(item.slug),
    // A form created in the editor has no version until its draft is first published.
    latestVersion: item.latestVersion === undefined ? 0 : Number(item.latestVersion),
    ...(item.publishedVersion !== undefined ? { publishedVersion: Number(item.publishedVersion) } : {}),
    ...(item.publishedAt ? { publishedAt: String(item.publishedAt) } : {}),
    ...(item.publishedBy ? { publishedBy: String(item.publishedBy) } : {}),
    ...(item.title ? { title: item.title as Record<string, string> } : {}),
    updatedAt: String(item.updatedAt),
  };
}

function draftItem(draft: StoredDraft) {
  return {
    pk: formKey(draft.slug),
    sk: DRAFT_KEY,
    type: 'FormDraft',
    slug: draft.slug,
    revision: draft.revision,
    // Text like a version's: a draft may nest deeper than DynamoDB maps allow.
    definition: JSON.stringify(draft.definition),
    ...(draft.basedOn === undefined ? {} : { basedOn: draft.basedOn }),
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
    auditedSaves: draft.auditedSaves,
    // What the forms list shows, so listing never reads whole definitions.
    summary: draftSummary(draft.definition),
  };
}

function toDraft(item: Record<string, unknown>): StoredDraft {
  return {
    slug: String(item.slug),
    revision: Number(item.revision),
    definition: JSON.parse(String(item.definition)) as Record<string, unknown>,
    ...(item.basedOn === undefined ? {} : { basedOn: Number(item.basedOn) }),
    updatedAt: String(item.updatedAt),
    updatedBy: String(item.updatedBy),
    auditedSaves: (item.auditedSaves ?? {}) as Record<string, string>,
  };
}

const draftKey = (slug: string) => ({ pk: formKey(slug), sk: DRAFT_KEY });

function draftReads(
  client: DynamoDBDocumentClient,
  tableName: string,
): Pick<FormDraftStore, 'getDraft' | 'listForms' | 'draftHeaders'> {
  const indexed = (partition: string) =>
    queryAll(client, {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :partition',
      ExpressionAttributeValues: { ':partition': partition },
    });
  return {
    async getDraft(slug) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: draftKey(slug), ConsistentRead: true }),
      );
      return Item ? toDraft(Item) : undefined;
    },

    async listForms() {
      const [published, unpublished] = await Promise.all([
        indexed(PUBLISHED_INDEX_KEY),
        indexed(UNPUBLISHED_INDEX_KEY),
      ]);
      return [...published, ...unpublished].map(toSummary).sort((a, b) => a.slug.localeCompare(b.slug));
    },

    async draftHeaders(slugs) {
      const headers = new Map<string, DraftHeader>();
      await Promise.all(
        slugs.map(async (slug) => {
          const { Item } = await client.send(
            new GetCommand({
              TableName: tableName,
              Key: draftKey(slug),
              ProjectionExpression: 'slug, revision, updatedAt, updatedBy, summary',
            }),
          );
          if (Item)
            headers.set(slug, {
              slug,
              revision: Number(Item.revision),
              updatedAt: String(Item.updatedAt),
              updatedBy: String(Item.updatedBy),
              summary: Item.summary as DraftHeader['summary'],
            });
        }),
      );
      return headers;
    },
  };
}

function draftWrites(
  client: DynamoDBDocumentClient,
  tableName: string,
): Pick<FormDraftStore, 'putDraft' | 'createForm' | 'deleteDraft'> {
  return {
    putDraft(draft, expected) {
      return conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: draftItem(draft),
            ConditionExpression: expected === 0 ? 'attribute_not_exists(pk)' : 'revision = :expected',
            ...(expected === 0 ? {} : { ExpressionAttributeValues: { ':expected': expected } }),
          }),
        ),
      );
    },

    async createForm(draft) {
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    pk: formKey(draft.slug),
                    sk: 'META',
                    type: 'Form',
                    slug: draft.slug,
                    updatedAt: draft.updatedAt,
                    gsi1pk: UNPUBLISHED_INDEX_KEY,
                    gsi1sk: draft.slug,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: draftItem(draft),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (lostRace(error)) return false;
        throw error;
      }
    },

    async deleteDraft(slug) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: draftKey(slug) }));
      // A form that never got a version is nothing but its draft: it goes too.
      await conditionally(
        client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { pk: formKey(slug), sk: 'META' },
            ConditionExpression:
              'attribute_not_exists(latestVersion) AND attribute_not_exists(publishedVersion)',
          }),
        ),
      );
    },
  };
}
