import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Per transaction item: true when its condition failed. */
export type FailedConditions = readonly boolean[];

/**
 * Many people answering at once make transactions on one course item cancel each other
 * (TransactionConflict) without any condition failing; those are simply tried again after a short
 * random pause. Only the last attempt's error surfaces.
 */
const MAX_CONFLICT_ATTEMPTS = 60;

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * Math.min(100, 5 * attempt)));

/** Runs a transaction: undefined when it was applied, else which items' conditions failed. */
export async function transact(
  client: DynamoDBDocumentClient,
  items: TransactItems,
): Promise<FailedConditions | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return undefined;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.includes('ConditionalCheckFailed'))
        return codes.map((code) => code === 'ConditionalCheckFailed');
      if (!isConflict(error, codes) || attempt >= MAX_CONFLICT_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}

/** A single write that may meet an item locked by a running transaction; tried again like one. */
export async function retryingConflicts<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isConflict(error, cancellationCodes(error)) || attempt >= MAX_CONFLICT_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}

const isConflict = (error: unknown, codes: string[] | undefined) =>
  error instanceof TransactionConflictException || (codes?.includes('TransactionConflict') ?? false);

function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}
