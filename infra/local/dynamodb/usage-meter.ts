import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One DynamoDB request as on-demand billing sees it. */
export interface DynamoDbRequest {
  readonly operation: string;
  /** Read or write request units DynamoDB reported (table and indexes together). */
  readonly readUnits: number;
  readonly writeUnits: number;
  /** Refused by a condition: AWS still bills the write, DynamoDB Local reports nothing. */
  readonly failed: boolean;
}

interface Capacity {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
const MIDDLEWARE = 'lotseUsageMeter';

type Stack = DynamoDBClient['middlewareStack'];
type Send = (this: { middlewareStack: Stack }, ...args: unknown[]) => unknown;

/**
 * Counts the request units of every DynamoDB call made in this process (the handlers of the local
 * runtime run here), for `npm run cost`. It asks DynamoDB Local for `ReturnConsumedCapacity` where
 * the caller did not, and takes the answer out again, so handlers see exactly what they would
 * without it. Returns a function that stops counting.
 */
export function meterDynamoDb(onRequest: (request: DynamoDbRequest) => void): () => void {
  const metered = new WeakSet<Stack>();
  const patched = [DynamoDBClient.prototype, DynamoDBDocumentClient.prototype].map((prototype) => {
    const target = prototype as unknown as { send: Send };
    const original = target.send;
    target.send = function (this: { middlewareStack: Stack }, ...args: unknown[]) {
      // A document client shares its DynamoDB client's stack: one meter per stack counts each call once.
      if (!metered.has(this.middlewareStack)) {
        metered.add(this.middlewareStack);
        this.middlewareStack.add(meter(onRequest), {
          step: 'initialize',
          name: MIDDLEWARE,
          priority: 'high',
        });
      }
      return original.apply(this, args);
    };
    return () => {
      target.send = original;
    };
  });
  return () => {
    for (const restore of patched) restore();
  };
}

function meter(onRequest: (request: DynamoDbRequest) => void) {
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's middleware generics add nothing here.
  return (next: any, context: any) => async (args: any) => {
    const operation = String(context.commandName ?? '').replace(/Command$/, '');
    const kind = READS.has(operation) ? 'read' : WRITES.has(operation) ? 'write' : undefined;
    if (!kind) return next(args);
    const asked = args.input?.ReturnConsumedCapacity !== undefined;
    const input = asked ? args.input : { ...args.input, ReturnConsumedCapacity: 'TOTAL' };
    try {
      const result = await next({ ...args, input });
      // AWS bills at least half a read unit (an eventually consistent read) or one write unit per
      // request, even when nothing was found; DynamoDB Local reports 0 then.
      const units = Math.max(totalUnits(result.output?.ConsumedCapacity), kind === 'read' ? 0.5 : 1);
      onRequest({
        operation,
        readUnits: kind === 'read' ? units : 0,
        writeUnits: kind === 'write' ? units : 0,
        failed: false,
      });
      if (asked) return result;
      const { ConsumedCapacity: _removed, ...output } = result.output;
      return { ...result, output };
    } catch (error) {
      // A refused condition or a missing item costs at least one unit on AWS.
      onRequest({
        operation,
        readUnits: kind === 'read' ? 0.5 : 0,
        writeUnits: kind === 'write' ? 1 : 0,
        failed: true,
      });
      throw error;
    }
  };
}

function totalUnits(consumed: Capacity | readonly Capacity[] | undefined): number {
  const all: readonly Capacity[] =
    consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  return all.reduce((sum, one) => sum + (one.CapacityUnits ?? 0), 0);
}
