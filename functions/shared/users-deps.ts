import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { dynamoAuditLog } from './adapters/audit-log.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormReader } from './adapters/form-store.ts';
import { dynamoStaffListReader, dynamoStaffStore } from './adapters/staff-store.ts';
import { cognitoUserDirectory } from './adapters/user-directory.ts';
import { parseConfig } from './config.ts';
import type { FormReader } from './domain/form-drafts.ts';
import type { AssignmentCatalog, UserDeps } from './domain/users.ts';
import { tableName, userPool } from './env.ts';

/** Counselling teams are named in the published intake forms (`settings.intake.teams`). */
function formCatalog(forms: FormReader): AssignmentCatalog {
  return {
    async formExists(slug) {
      return (await forms.getSummary(slug)) !== undefined;
    },
    async teamIds() {
      const ids = new Set<string>();
      for (const summary of await forms.listPublished()) {
        if (summary.publishedVersion === undefined) continue;
        const version = await forms.getVersion(summary.slug, summary.publishedVersion);
        const teams = (version?.definition.settings?.intake as { teams?: unknown } | undefined)?.teams;
        if (!Array.isArray(teams)) continue;
        for (const team of teams) if (typeof team?.id === 'string') ids.add(team.id);
      }
      return [...ids];
    },
  };
}

/** Wires user management to Cognito and the table, once per cold start. */
export function usersDeps(): UserDeps & { staff: ReturnType<typeof dynamoStaffStore> } {
  const config = parseConfig({ ...tableName, ...userPool });
  const client = documentClient();
  const staff = dynamoStaffStore(client, config.TABLE_NAME);
  return {
    directory: cognitoUserDirectory(new CognitoIdentityProviderClient({}), config.USER_POOL_ID),
    profiles: staff,
    staff,
    catalog: formCatalog(dynamoFormReader(client, config.TABLE_NAME)),
    audit: dynamoAuditLog(client, config.TABLE_NAME),
    now: () => new Date(),
  };
}

/**
 * The user list's wiring (the directory, and the profiles read only), once per cold start: its
 * bundle holds no table write.
 */
export function userListDeps() {
  const config = parseConfig({ ...tableName, ...userPool });
  const staff = dynamoStaffListReader(documentClient(), config.TABLE_NAME);
  return {
    directory: cognitoUserDirectory(new CognitoIdentityProviderClient({}), config.USER_POOL_ID),
    profiles: staff,
    staff,
  };
}
