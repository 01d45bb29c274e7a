import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** One document client per function, created at cold start; the endpoint comes from AWS_ENDPOINT_URL_DYNAMODB. */
export const documentClient = (): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });

/**
 * Runs a conditional write: true when it was applied, false when its condition did not hold
 * (somebody else got there first); any other error is thrown.
 */
export async function conditionally(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * Every item a query matches. DynamoDB stops each page at 1 MB of items read (before any
 * projection), so a query that reads only the first page silently loses whatever follows.
 */
export async function queryAll(
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []));
  return items;
}

/** DynamoDB's largest item, 400 KB (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html). */
export const MAX_ITEM_BYTES = 400 * 1024;

/**
 * The size DynamoDB counts for an item, by its documented rules: each attribute name's UTF-8
 * length plus its value; strings by their UTF-8 bytes, numbers at their upper bound of 21 bytes,
 * lists and maps with 3 bytes plus 1 per element of overhead. Numbers are rounded up, so this
 * never reports less than DynamoDB does.
 */
export function itemSizeBytes(item: Readonly<Record<string, unknown>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value !== undefined) size += Buffer.byteLength(name, 'utf8') + valueSizeBytes(value);
  }
  return size;
}

function valueSizeBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return 21;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return value.reduce<number>((sum, entry) => sum + 1 + valueSizeBytes(entry), 3);
  if (typeof value === 'object') {
    const entries = Object.values(value as object).filter((entry) => entry !== undefined);
    return itemSizeBytes(value as Record<string, unknown>) + 3 + entries.length;
  }
  return 0;
}
