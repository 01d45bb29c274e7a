import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog } from '../domain/audit.ts';

/** Days an audit entry is kept before DynamoDB's TTL removes it. @default 730 (two years) */
export const DEFAULT_AUDIT_RETENTION_DAYS = 730;

/**
 * Audit entries by month (`AUDIT#<yyyy-mm>` / `<at>#<random>`), so a month reads newest first with
 * one query, and by actor on gsi4 (`AUDIT#ACTOR#<sub>`). Only ever put, never updated.
 */
export function dynamoAuditLog(
  client: DynamoDBDocumentClient,
  tableName: string,
  retentionDays = DEFAULT_AUDIT_RETENTION_DAYS,
): AuditLog {
  return {
    async record(entry) {
      const sk = `${entry.at}#${randomBytes(4).toString('hex')}`;
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: `AUDIT#${entry.at.slice(0, 7)}`,
            sk,
            type: 'AuditEntry',
            ...entry,
            gsi4pk: `AUDIT#ACTOR#${entry.actor.sub}`,
            gsi4sk: sk,
            expiresAt: Math.floor(Date.parse(entry.at) / 1000) + retentionDays * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
  };
}

export type { AuditEntry };
