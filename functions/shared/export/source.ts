import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { type InboxStatus, inboxKeys } from '../domain/inbox.ts';

/** Which submissions of a form an export takes; `from`/`to` are ISO dates or times, both inclusive. */
export interface ExportFilter {
  readonly slug: string;
  readonly status?: InboxStatus;
  readonly from?: string;
  readonly to?: string;
}

/** What the export reads from an inbox entry (never the applicant's name or e-mail). */
export interface EntryRef {
  readonly submissionId: string;
  readonly receiptNumber: string;
  readonly formVersion: number;
  readonly locale: string;
  readonly receivedAt: string;
  readonly status: InboxStatus;
  /** `<receivedAt>#<submissionId>`, the index's sort key: where a page of the export stops. */
  readonly sortKey: string;
}

export interface ExportSource {
  /** The filter's inbox entries, newest first, starting after the entry with sort key `after`. */
  entries(filter: ExportFilter, after?: string): AsyncIterable<EntryRef>;
  /** The answers of these submissions by id; ids whose submission is gone are left out. */
  answers(ids: readonly string[]): Promise<Map<string, Record<string, unknown>>>;
}

const BATCH_GET_LIMIT = 100;
const BATCH_GET_ATTEMPTS = 8;

/**
 * Reads the inbox entries of brief B's projection (`functions/shared/domain/inbox.ts`): gsi2 for a
 * form, gsi3 for a form in one status, queried newest first; never a scan. The answers come from
 * the submission items by BatchGet. The one place that knows these keys, so it can follow the
 * projection if it changes.
 */
export function dynamoExportSource(client: DynamoDBDocumentClient, tableName: string): ExportSource {
  return {
    async *entries(filter, after) {
      const [index, partition] = filter.status
        ? (['gsi3', inboxKeys.byFormAndStatus(filter.slug, filter.status)] as const)
        : (['gsi2', inboxKeys.byForm(filter.slug)] as const);
      const range = sortKeyRange(filter);
      let startKey: Record<string, unknown> | undefined = after
        ? {
            ...inboxKeys.entry(after.slice(after.lastIndexOf('#') + 1)),
            [`${index}pk`]: partition,
            [`${index}sk`]: after,
          }
        : undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: index,
            KeyConditionExpression: `#pk = :pk${range ? ' AND #sk BETWEEN :from AND :to' : ''}`,
            ExpressionAttributeNames: { '#pk': `${index}pk`, ...(range ? { '#sk': `${index}sk` } : {}) },
            ExpressionAttributeValues: {
              ':pk': partition,
              ...(range ? { ':from': range[0], ':to': range[1] } : {}),
            },
            ScanIndexForward: false,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        for (const item of page.Items ?? []) yield toRef(item, `${index}sk`);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    },

    async answers(ids) {
      const found = new Map<string, Record<string, unknown>>();
      for (let start = 0; start < ids.length; start += BATCH_GET_LIMIT) {
        let keys: Record<string, unknown>[] | undefined = ids
          .slice(start, start + BATCH_GET_LIMIT)
          .map((id) => ({ pk: `SUBMISSION#${id}`, sk: 'SUBMISSION' }));
        for (let attempt = 1; keys && keys.length > 0; attempt++) {
          if (attempt > BATCH_GET_ATTEMPTS) throw new Error('DynamoDB kept some submissions unprocessed.');
          if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
          const result: BatchGetCommandOutput = await client.send(
            new BatchGetCommand({
              RequestItems: {
                [tableName]: {
                  Keys: keys,
                  ProjectionExpression: 'submissionId, #data',
                  ExpressionAttributeNames: { '#data': 'data' },
                },
              },
            }),
          );
          for (const item of result.Responses?.[tableName] ?? [])
            found.set(String(item.submissionId), (item.data ?? {}) as Record<string, unknown>);
          keys = result.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return found;
    },
  };
}

/** The sort keys start with the receipt time, so a date range is a key condition, not a filter. */
function sortKeyRange(filter: ExportFilter): [string, string] | undefined {
  if (!filter.from && !filter.to) return undefined;
  // `\uffff` sorts after `#<id>` and after the rest of a time, so `to` includes the whole day or instant.
  return [filter.from ?? '0', `${filter.to ?? '9999'}\uffff`];
}

function toRef(item: Record<string, unknown>, sortAttribute: string): EntryRef {
  return {
    submissionId: String(item.submissionId),
    receiptNumber: String(item.receiptNumber),
    formVersion: Number(item.formVersion),
    locale: String(item.locale),
    receivedAt: String(item.receivedAt),
    status: item.status as InboxStatus,
    sortKey: String(item[sortAttribute]),
  };
}
