import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffAssignments } from '../domain/staff.ts';

/**
 * What the console knows of a staff member beyond the sign-in: the forms they work on
 * (`STAFF#<sub>` / `PROFILE`). Users, groups and passwords stay with Cognito (locally its stand-in).
 */
export interface StaffProfile {
  readonly sub: string;
  readonly username: string;
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

export function dynamoStaffStore(client: DynamoDBDocumentClient, tableName: string) {
  const store: StaffAssignments & {
    get(sub: string): Promise<StaffProfile | undefined>;
    put(profile: StaffProfile): Promise<void>;
  } = {
    async get(sub) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key(sub), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...profile } = Item;
      return profile as StaffProfile;
    },
    async formsOf(sub) {
      return (await store.get(sub))?.forms ?? [];
    },
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
