import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../domain/submissions.ts';

/**
 * A fixed-window counter per key in DynamoDB (one item per key and window, removed by TTL).
 * Keys are hashed, so no IP address is stored.
 */
export function dynamoRateLimiter(
  client: DynamoDBDocumentClient,
  tableName: string,
  options: { limit: number; windowSeconds: number },
): RateLimiter {
  return {
    async allow(key, now) {
      const window = Math.floor(now.getTime() / 1000 / options.windowSeconds);
      const hashed = createHash('sha256').update(key).digest('hex').slice(0, 32);
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `RATE#${hashed}`, sk: `WINDOW#${window}` },
          UpdateExpression: 'ADD hits :one SET expiresAt = :expires',
          ExpressionAttributeValues: { ':one': 1, ':expires': (window + 2) * options.windowSeconds },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.hits ?? 0) <= options.limit;
    },
  };
}
