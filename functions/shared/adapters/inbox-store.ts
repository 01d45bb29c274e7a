import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Assignee, type InboxEntry, inboxKeys, type ProjectedEntry } from '../domain/inbox.ts';
import { searchTerms } from '../domain/inbox-search.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The fields the projection owns; the assignee is the console's and is never touched here. */
const PROJECTED = [
  'submissionId',
  'receiptNumber',
  'formSlug',
  'formVersion',
  'workflow',
  'locale',
  'receivedAt',
  'status',
  'step',
  'applicantName',
  'applicantEmail',
  'teamId',
  'expiresAt',
] as const;

/** A name has a handful of tokens; the cap keeps the transaction far below DynamoDB's 100 items. */
const MAX_SEARCH_TERMS = 12;
const MAX_ATTEMPTS = 8;

export type ProjectOutcome = 'created' | 'moved' | 'updated' | 'unchanged';

/** Reading one inbox entry; its own factory so that the routes that only show it cannot write. */
export function dynamoInboxReader(client: DynamoDBDocumentClient, tableName: string) {
  return {
    async getEntry(submissionId: string): Promise<InboxEntry | undefined> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: inboxKeys.entry(submissionId), ConsistentRead: true }),
      );
      return Item ? toEntry(Item) : undefined;
    },
  };
}

/**
 * Writes inbox entries and their per-form counts. A status change and its count move are one
 * transaction, conditioned on the status read before, so a redelivered or concurrent stream record
 * never counts twice: whoever loses the condition reads again and finds nothing left to move.
 */
export function dynamoInboxStore(client: DynamoDBDocumentClient, tableName: string) {
  const { getEntry } = dynamoInboxReader(client, tableName);

  const entryUpdate = (next: ProjectedEntry, current: InboxEntry | undefined, now: string): TransactItem => {
    const values: Record<string, unknown> = {
      ':gsi2pk': inboxKeys.byForm(next.formSlug),
      ':gsi3pk': inboxKeys.byFormAndStatus(next.formSlug, next.status),
      ':sort': inboxKeys.sort(next),
      ':type': 'InboxEntry',
      ':now': now,
    };
    const names: Record<string, string> = { '#type': 'type' };
    const sets = [
      '#type = :type',
      'gsi2pk = :gsi2pk',
      'gsi2sk = :sort',
      'gsi3pk = :gsi3pk',
      'gsi3sk = :sort',
      'updatedAt = :now',
    ];
    const removes: string[] = [];
    for (const field of PROJECTED) {
      names[`#${field}`] = field;
      if (next[field] === undefined) removes.push(`#${field}`);
      else {
        values[`:${field}`] = next[field];
        sets.push(`#${field} = :${field}`);
      }
    }
    if (current) values[':old'] = current.status;
    return {
      Update: {
        TableName: tableName,
        Key: inboxKeys.entry(next.submissionId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: current ? '#status = :old' : 'attribute_not_exists(pk)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  };

  const countsMove = (slug: string, to: string | undefined, from: string | undefined): TransactItem => {
    const adds: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':slug': slug, ':type': 'InboxCounts' };
    if (to) {
      adds.push('#to :one');
      names['#to'] = to;
      values[':one'] = 1;
    }
    if (from) {
      adds.push('#from :minus');
      names['#from'] = from;
      values[':minus'] = -1;
    }
    if (!from) adds.push('#total :one');
    if (!to) adds.push('#total :minus');
    if (!from || !to) names['#total'] = 'total';
    return {
      Update: {
        TableName: tableName,
        Key: inboxKeys.counts(slug),
        UpdateExpression: `SET formSlug = :slug, #type = :type ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: { ...names, '#type': 'type' },
        ExpressionAttributeValues: values,
      },
    };
  };

  const searchPuts = (entry: ProjectedEntry): TransactItem[] => {
    const terms = searchTerms(entry.applicantName, entry.applicantEmail).slice(0, MAX_SEARCH_TERMS);
    return terms.map((term) => ({
      Put: {
        TableName: tableName,
        Item: {
          ...inboxKeys.search(entry.submissionId, term),
          type: 'InboxSearchTerm',
          submissionId: entry.submissionId,
          gsi1pk: inboxKeys.searchIndex(entry.formSlug),
          gsi1sk: `${term}#${entry.submissionId}`,
          // Enough to match every word of a query and to sort, without reading the entries.
          receivedAt: entry.receivedAt,
          terms,
          expiresAt: entry.expiresAt,
        },
      },
    }));
  };

  async function projectOnce(next: ProjectedEntry, now: string): Promise<ProjectOutcome | 'retry'> {
    const current = await getEntry(next.submissionId);
    if (current && sameProjection(current, next)) return 'unchanged';
    const moved = current?.status !== next.status;
    const items: TransactItem[] = [entryUpdate(next, current, now)];
    if (moved) items.push(countsMove(next.formSlug, next.status, current?.status));
    // Names never change (the answers are immutable), so the terms are written with the entry.
    if (!current) items.push(...searchPuts(next));
    const outcome: ProjectOutcome = !current ? 'created' : moved ? 'moved' : 'updated';
    return (await transact(client, items)) ? outcome : 'retry';
  }

  return {
    getEntry,

    /** Brings a submission's entry (and the counts) to what the projection derived. */
    async project(next: ProjectedEntry, now: string): Promise<ProjectOutcome> {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const outcome = await projectOnce(next, now);
        if (outcome !== 'retry') return outcome;
        await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt * Math.random()));
      }
      throw new Error(`inbox entry ${next.submissionId} kept changing; the stream will retry`);
    },

    /**
     * An entry that DynamoDB's TTL removed leaves the counts; the marker item makes a redelivered
     * REMOVE a no-op. False when it was counted already.
     */
    async countRemoval(removed: Pick<InboxEntry, 'submissionId' | 'formSlug' | 'status'>, expiresAt: number) {
      return transact(client, [
        {
          Put: {
            TableName: tableName,
            Item: { ...inboxKeys.removed(removed.submissionId), type: 'InboxRemoval', expiresAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        countsMove(removed.formSlug, undefined, removed.status),
      ]);
    },

    /** Sets or clears the assignee; the previous one, or `false` when there is no entry (yet). */
    async assign(submissionId: string, to: Assignee | null, now: string): Promise<Assignee | null | false> {
      const key = inboxKeys.entry(submissionId);
      const write = async () => {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: to
              ? 'SET assignee = :to, gsi4pk = :gsi4pk, gsi4sk = gsi2sk, updatedAt = :now'
              : 'SET updatedAt = :now REMOVE assignee, gsi4pk, gsi4sk',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: {
              ':now': now,
              ...(to ? { ':to': to, ':gsi4pk': inboxKeys.byAssignee(to.sub) } : {}),
            },
            ReturnValues: 'ALL_OLD',
          }),
        );
        return (Attributes?.assignee as Assignee | undefined) ?? null;
      };
      try {
        return await write();
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}

export type InboxStore = ReturnType<typeof dynamoInboxStore>;

/** True when written; false when a condition failed or another transaction held an item. */
async function transact(client: DynamoDBDocumentClient, items: TransactItem[]): Promise<boolean> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict'))
        return false;
    }
    throw error;
  }
}

function sameProjection(current: InboxEntry, next: ProjectedEntry): boolean {
  return PROJECTED.every((field) => current[field] === next[field]);
}

export function toEntry(item: Record<string, unknown>): InboxEntry {
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    gsi2pk: _a,
    gsi2sk: _b,
    gsi3pk: _c,
    gsi3sk: _d,
    gsi4pk: _e,
    gsi4sk: _f,
    ...entry
  } = item;
  return entry as unknown as InboxEntry;
}
