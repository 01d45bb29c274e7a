import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoStaffStore, type StaffProfile } from '../../functions/shared/adapters/staff-store.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';

/**
 * Gives a test caller (e.g. `issueFor('cora', …)`, whose sub is `test-cora`) the forms they work on,
 * as an admin would in the console: coordinators and viewers see only their forms.
 */
export async function assignStaff(
  runtime: LocalRuntime,
  sub: string,
  forms: readonly string[],
  extra: Partial<Pick<StaffProfile, 'role' | 'teams' | 'disabled'>> = {},
): Promise<void> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: runtime.urls.dynamodb }));
  await dynamoStaffStore(client, runtime.env.TABLE_NAME as string).put({
    sub,
    username: sub,
    forms,
    ...extra,
    updatedAt: new Date().toISOString(),
    updatedBy: 'test',
  });
}
