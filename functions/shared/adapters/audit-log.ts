import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog } from '../domain/audit.ts';
import { ValidationError } from '../domain/errors.ts';

/** Days an audit entry is kept before DynamoDB's TTL removes it. @default 730 (two years) */
export const DEFAULT_AUDIT_RETENTION_DAYS = 730;

/**
 * Audit entries by month (`AUDIT#<yyyy-mm>` / `<at>#<random>`), so a month reads newest first with
 * one query, and by actor on gsi4 (`AUDIT#ACTOR#<sub>`). Only ever put, never updated. The
 * retention may be a function, so the organisation settings' current value applies to each entry.
 */
export function dynamoAuditLog(
  client: DynamoDBDocumentClient,
  tableName: string,
  retentionDays: number | (() => Promise<number>) = DEFAULT_AUDIT_RETENTION_DAYS,
): AuditLog {
  return {
    async record(entry) {
      const sk = `${entry.at}#${randomBytes(4).toString('hex')}`;
      const days = typeof retentionDays === 'number' ? retentionDays : await retentionDays();
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
            expiresAt: Math.floor(Date.parse(entry.at) / 1000) + days * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
  };
}

export interface AuditQuery {
  /** ISO times, inclusive; `from` is never earlier than the retention allows. */
  readonly from: string;
  readonly to: string;
  /** The actor's `sub`. */
  readonly actor?: string;
  readonly action?: string;
  readonly cursor?: string;
  readonly limit: number;
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  readonly cursor?: string;
}

type Key = Record<string, unknown>;
interface Position {
  readonly month?: string;
  readonly key?: Key;
}

/**
 * Reads the audit log newest first: by actor from gsi4 in one partition, else month by month from
 * `to` back to `from`. Filters on the action are applied by DynamoDB, so a page keeps reading until
 * it is full or the range is exhausted. The cursor is opaque to callers (base64url JSON).
 */
export function dynamoAuditReader(client: DynamoDBDocumentClient, tableName: string) {
  async function queryPart(query: AuditQuery, position: Position, limit: number) {
    const range = { ':from': query.from, ':to': `${query.to}~` };
    const filter = query.action
      ? { FilterExpression: '#action = :action', ExpressionAttributeNames: { '#action': 'action' } }
      : {};
    const base = query.actor
      ? {
          IndexName: 'gsi4',
          KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk BETWEEN :from AND :to',
          pk: `AUDIT#ACTOR#${query.actor}`,
        }
      : { KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', pk: `AUDIT#${position.month}` };
    const { pk, ...input } = base;
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        ...input,
        ...filter,
        ExpressionAttributeValues: {
          ':pk': pk,
          ...range,
          ...(query.action ? { ':action': query.action } : {}),
        },
        ScanIndexForward: false,
        Limit: limit,
        ...(position.key ? { ExclusiveStartKey: position.key } : {}),
      }),
    );
    return { items: (result.Items ?? []) as Key[], next: result.LastEvaluatedKey as Key | undefined };
  }

  return {
    async list(query: AuditQuery): Promise<AuditPage> {
      let position: Position | undefined = query.cursor
        ? decodeCursor(query.cursor)
        : { month: query.actor ? undefined : query.to.slice(0, 7) };
      const entries: AuditEntry[] = [];
      while (position && entries.length < query.limit) {
        const { items, next } = await queryPart(query, position, query.limit - entries.length);
        entries.push(...items.map(toEntry));
        position = next
          ? { ...position, key: next }
          : position.month && position.month > query.from.slice(0, 7)
            ? { month: previousMonth(position.month) }
            : undefined;
      }
      return { entries, ...(position ? { cursor: encodeCursor(position) } : {}) };
    },
  };
}

function toEntry(item: Key): AuditEntry {
  const { at, actor, action, target, before, after, details } = item as unknown as AuditEntry;
  return {
    at,
    actor,
    action,
    target,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(details !== undefined ? { details } : {}),
  };
}

function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 2, 1));
  return date.toISOString().slice(0, 7);
}

const encodeCursor = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url');

function decodeCursor(cursor: string): Position {
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Position;
    if (position.month !== undefined && !/^\d{4}-\d{2}$/.test(position.month)) throw new Error('month');
    return position;
  } catch {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list returned' }]);
  }
}

export type { AuditEntry };
