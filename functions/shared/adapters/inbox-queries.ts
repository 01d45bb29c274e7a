import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  type InboxCounts,
  type InboxEntry,
  type InboxPage,
  type InboxQuery,
  inboxKeys,
} from '../domain/inbox.ts';
import { toEntry } from './inbox-store.ts';

/** A search item as the index returns it: enough to match all words and sort newest first. */
export interface SearchMatch {
  readonly submissionId: string;
  readonly sort: string;
  readonly terms: readonly string[];
}

/** Above this many index matches a search term is too short to be useful; the answer says so. */
export const MAX_SEARCH_MATCHES = 5000;
const BATCH_GET_LIMIT = 100;

/**
 * Reads of the inbox, each a query on an index (never a scan): a form's entries newest first on
 * gsi2, in one status on gsi3, someone's on gsi4; search terms on gsi1; counts by key.
 */
export function dynamoInboxQueries(client: DynamoDBDocumentClient, tableName: string) {
  /** One form's (or one assignee's) matching entries, newest first, at most `limit`. */
  async function queryPartition(
    query: InboxQuery,
    slug: string | undefined,
  ): Promise<{ entries: InboxEntry[]; more: boolean }> {
    const input = partitionQuery(tableName, query, slug);
    const entries: InboxEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          ...input,
          Limit: input.FilterExpression ? Math.max(200, query.limit + 1) : query.limit + 1,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        if (query.before && String(item[sortAttribute(query)]) >= query.before) continue;
        entries.push(toEntry(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && entries.length <= query.limit);
    return { entries, more: entries.length > query.limit || startKey !== undefined };
  }

  async function getEntries(ids: readonly string[]): Promise<InboxEntry[]> {
    const found: InboxEntry[] = [];
    for (let i = 0; i < ids.length; i += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] = ids.slice(i, i + BATCH_GET_LIMIT).map(inboxKeys.entry);
      while (keys.length > 0) {
        const { Responses, UnprocessedKeys } = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }),
        );
        found.push(...(Responses?.[tableName] ?? []).map(toEntry));
        keys = (UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
    return found;
  }

  return {
    /** One page over every form asked for, merged newest first. */
    async list(query: InboxQuery): Promise<InboxPage> {
      const partitions = query.assignee ? [undefined] : query.forms;
      const results = await Promise.all(partitions.map((slug) => queryPartition(query, slug)));
      const merged = results
        .flatMap((result) => result.entries)
        .sort((a, b) => (inboxKeys.sort(a) < inboxKeys.sort(b) ? 1 : -1));
      const entries = merged.slice(0, query.limit);
      const more = merged.length > query.limit || results.some((result) => result.more);
      const last = entries.at(-1);
      return { entries, ...(more && last ? { before: inboxKeys.sort(last) } : {}) };
    },

    /** The applications with a search term that begins with `term`, in the forms given. */
    async searchMatches(
      forms: readonly string[],
      term: string,
    ): Promise<{ matches: SearchMatch[]; truncated: boolean }> {
      const matches = new Map<string, SearchMatch>();
      let truncated = false;
      for (const slug of forms) {
        let startKey: Record<string, unknown> | undefined;
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :term)',
              ExpressionAttributeValues: { ':pk': inboxKeys.searchIndex(slug), ':term': term },
              ProjectionExpression: 'submissionId, receivedAt, terms',
              ...(startKey ? { ExclusiveStartKey: startKey } : {}),
            }),
          );
          for (const item of page.Items ?? []) {
            const submissionId = String(item.submissionId);
            matches.set(submissionId, {
              submissionId,
              sort: `${String(item.receivedAt)}#${submissionId}`,
              terms: (item.terms as string[] | undefined) ?? [],
            });
          }
          startKey = page.LastEvaluatedKey;
          if (matches.size >= MAX_SEARCH_MATCHES) truncated = startKey !== undefined;
        } while (startKey && matches.size < MAX_SEARCH_MATCHES);
        if (matches.size >= MAX_SEARCH_MATCHES) break;
      }
      return { matches: [...matches.values()], truncated };
    },

    getEntries,

    async counts(forms: readonly string[]): Promise<Record<string, InboxCounts>> {
      const result: Record<string, InboxCounts> = Object.fromEntries(
        forms.map((slug) => [slug, { total: 0 }]),
      );
      for (let i = 0; i < forms.length; i += BATCH_GET_LIMIT) {
        let keys: Record<string, unknown>[] = forms.slice(i, i + BATCH_GET_LIMIT).map(inboxKeys.counts);
        while (keys.length > 0) {
          const { Responses, UnprocessedKeys } = await client.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }),
          );
          for (const item of Responses?.[tableName] ?? []) {
            const { pk: _pk, sk: _sk, type: _type, formSlug, ...counts } = item;
            result[String(formSlug)] = counts as InboxCounts;
          }
          keys = (UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        }
      }
      return result;
    },
  };
}

export type InboxQueries = ReturnType<typeof dynamoInboxQueries>;

const sortAttribute = (query: InboxQuery) => (query.assignee ? 'gsi4sk' : query.status ? 'gsi3sk' : 'gsi2sk');

/** The index query for one form (or the assignee): the key range from the dates and the cursor. */
function partitionQuery(tableName: string, query: InboxQuery, slug: string | undefined): QueryCommandInput {
  const [index, pkName, pk] = query.assignee
    ? ['gsi4', 'gsi4pk', inboxKeys.byAssignee(query.assignee)]
    : query.status
      ? ['gsi3', 'gsi3pk', inboxKeys.byFormAndStatus(slug as string, query.status)]
      : ['gsi2', 'gsi2pk', inboxKeys.byForm(slug as string)];
  const sk = sortAttribute(query);
  const values: Record<string, unknown> = { ':pk': pk };
  // '~' sorts after '#' and 'T': "to 2026-05-01" includes that whole day, a time includes that instant.
  const toBound = query.to ? `${query.to}~` : undefined;
  const upper = query.before && (!toBound || query.before < toBound) ? query.before : toBound;
  let range = '';
  if (query.from && upper) {
    range = ` AND ${sk} BETWEEN :from AND :upper`;
    Object.assign(values, { ':from': query.from, ':upper': upper });
  } else if (query.from) {
    range = ` AND ${sk} >= :from`;
    values[':from'] = query.from;
  } else if (upper) {
    range = ` AND ${sk} <= :upper`;
    values[':upper'] = upper;
  }
  const filters: string[] = [];
  const names: Record<string, string> = {};
  if (query.step) {
    filters.push('#step = :step');
    names['#step'] = 'step';
    values[':step'] = query.step;
  }
  if (query.assignee) {
    if (query.status) {
      filters.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = query.status;
    }
    // Empty: every form (an admin's). DynamoDB allows up to 100 values in IN.
    if (query.forms.length > 0) {
      query.forms.forEach((form, i) => {
        values[`:form${i}`] = form;
      });
      filters.push(`formSlug IN (${query.forms.map((_, i) => `:form${i}`).join(', ')})`);
    }
  }
  return {
    TableName: tableName,
    IndexName: index,
    KeyConditionExpression: `${pkName} = :pk${range}`,
    ScanIndexForward: false,
    ExpressionAttributeValues: values,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
  };
}
