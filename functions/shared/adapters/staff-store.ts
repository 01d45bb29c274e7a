import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import type { StaffAssignments, StaffRole } from '../domain/staff.ts';

/**
 * What the console knows of a staff member beyond the sign-in: the forms they work on
 * (`STAFF#<sub>` / `PROFILE`). Users, groups and passwords stay with Cognito (locally its stand-in).
 */
export interface StaffProfile {
  readonly sub: string;
  readonly username: string;
  /**
   * The role an admin gave them last. It wins over the token's group, so taking a role away holds
   * at once rather than when the token expires.
   */
  readonly role?: StaffRole;
  /** Form slugs, or `*` for every form. */
  readonly forms: readonly string[];
  /** Counselling teams (intake routes) this person belongs to. */
  readonly teams?: readonly string[];
  /** Set when an admin disabled the account: refused at once, even with a token still valid. */
  readonly disabled?: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

const key = (sub: string) => ({ pk: `STAFF#${sub}`, sk: 'PROFILE' });
/** BatchGetItem reads at most 100 keys per call. */
const BATCH = 100;

function toProfile(item: Record<string, unknown>): StaffProfile {
  const { pk: _pk, sk: _sk, type: _type, ...profile } = item;
  return profile as unknown as StaffProfile;
}

/**
 * The profile of one staff member: all that authorize() and most routes need. Its own factory so
 * that their bundles hold no BatchGetItem or PutItem (test/infra/table-access.test.ts).
 */
export function dynamoStaffReader(client: DynamoDBDocumentClient, tableName: string) {
  const reader: StaffAssignments & { get(sub: string): Promise<StaffProfile | undefined> } = {
    async get(sub) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key(sub), ConsistentRead: true }),
      );
      return Item ? toProfile(Item) : undefined;
    },
    async formsOf(sub) {
      return (await reader.get(sub))?.forms ?? [];
    },
  };
  return reader;
}

/**
 * Profiles one or many at once, for the user list: its own factory so that its bundle holds no
 * write, and apart from the reader so that authorize()'s bundles hold no BatchGetItem.
 */
export function dynamoStaffListReader(client: DynamoDBDocumentClient, tableName: string) {
  const reader: ReturnType<typeof dynamoStaffReader> & {
    getMany(subs: readonly string[]): Promise<Map<string, StaffProfile>>;
  } = {
    ...dynamoStaffReader(client, tableName),
    async getMany(subs) {
      const found = new Map<string, StaffProfile>();
      const unique = [...new Set(subs)];
      for (let start = 0; start < unique.length; start += BATCH) {
        let keys: Record<string, unknown>[] | undefined = unique.slice(start, start + BATCH).map(key);
        // Unprocessed keys (throttling) are asked for again until none are left.
        while (keys && keys.length > 0) {
          const answer: BatchGetCommandOutput = await client.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
          );
          for (const item of answer.Responses?.[tableName] ?? []) {
            const profile = toProfile(item);
            found.set(profile.sub, profile);
          }
          keys = answer.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return found;
    },
  };
  return reader;
}

/** Every profile operation, for user management. */
export function dynamoStaffStore(client: DynamoDBDocumentClient, tableName: string) {
  const store: ReturnType<typeof dynamoStaffListReader> & { put(profile: StaffProfile): Promise<void> } = {
    ...dynamoStaffListReader(client, tableName),
    async put(profile) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...key(profile.sub), type: 'StaffProfile', ...profile },
        }),
      );
    },
  };
  return store;
}

export type StaffStore = ReturnType<typeof dynamoStaffStore>;
