import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../domain/submissions.ts';

export interface RateLimitOptions {
  readonly limit: number;
  readonly windowSeconds: number;
}

/**
 * The counter item of a key's current window (one item per key and window, removed by TTL).
 * Keys are hashed, so no IP address is stored. The submission writer counts on the same item
 * inside its transaction, so both ways of counting share one limit.
 */
export function rateWindow(key: string, now: Date, windowSeconds: number) {
  const window = Math.floor(now.getTime() / 1000 / windowSeconds);
  const hashed = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return {
    key: { pk: `RATE#${hashed}`, sk: `WINDOW#${window}` },
    expiresAt: (window + 2) * windowSeconds,
  };
}

/** A fixed-window counter per key in DynamoDB, as its own write. */
export function dynamoRateLimiter(
  client: DynamoDBDocumentClient,
  tableName: string,
  options: RateLimitOptions,
): RateLimiter {
  return {
    async allow(key, now) {
      const window = rateWindow(key, now, options.windowSeconds);
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: window.key,
          UpdateExpression: 'ADD hits :one SET expiresAt = :expires',
          ExpressionAttributeValues: { ':one': 1, ':expires': window.expiresAt },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.hits ?? 0) <= options.limit;
    },
  };
}
