import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoAuditLog } from '../../../functions/shared/adapters/audit-log.ts';
import { dynamoStaffStore } from '../../../functions/shared/adapters/staff-store.ts';
import { cognitoUserDirectory } from '../../../functions/shared/adapters/user-directory.ts';
import { inviteUserRequest } from '../../../functions/shared/contracts/users.ts';
import { ConflictError } from '../../../functions/shared/domain/errors.ts';
import { type Caller, EVERY_FORM } from '../../../functions/shared/domain/staff.ts';
import { inviteUser, type UserDeps } from '../../../functions/shared/domain/users.ts';
import { describeAwsError, sentences, withTimeout } from './aws-call.ts';

/**
 * The first admin, made after the deploy the way the console's "Invite user" makes everybody else
 * (functions/shared/domain/users.ts, `inviteUser`): a Cognito user named by the e-mail address, with
 * the address verified, Cognito's invitation mail with a temporary password (no password passes
 * through this command), the group `admin`, the staff profile (every form) and an audit entry.
 * Idempotent: an existing account is made sure to be an admin, and invited again only on request.
 */
export type FirstAdmin =
  | {
      readonly status: 'invited';
      readonly email: string;
      readonly days: number;
      /** The account and invitation are made, but the table refused the staff profile or audit entry. */
      readonly tableProblem?: readonly string[];
    }
  | {
      readonly status: 'exists';
      readonly email: string;
      readonly days: number;
      /** accepted: has a password; pending: the invitation is not answered yet; resent: mailed again now. */
      readonly invitation: 'accepted' | 'pending' | 'resent';
      /** When the pending invitation was sent (YYYY-MM-DD). */
      readonly sentOn?: string;
      /** The account had no staff profile or group (made by hand), and has them now. */
      readonly madeAdmin: boolean;
    }
  /** The account exists with another role, or disabled: an admin decided that, so it is left alone. */
  | { readonly status: 'left'; readonly email: string; readonly why: string }
  | { readonly status: 'failed'; readonly email: string; readonly problem: readonly string[] };

export interface FirstAdminInput {
  readonly email: string;
  /** The stateful stack's outputs `UserPoolId` and `TableName`. */
  readonly userPoolId: string | undefined;
  readonly tableName: string | undefined;
  /** `--resend-invite`: mail the invitation again when it is still unanswered. */
  readonly resendInvite?: boolean;
}

export interface FirstAdminClients {
  readonly cognito: CognitoIdentityProviderClient;
  readonly dynamo: DynamoDBClient;
}

/** Who the staff profile and the audit log name as having invited the first admin. */
export const deployCaller: Caller = { sub: 'npm-run-deploy', username: 'npm run deploy', groups: ['admin'] };
/** The invitation's language (the mail itself is German and English); the person can change it. */
const invitationLocale = 'de';
/** Cognito's default, if the pool does not say. */
const defaultTemporaryPasswordDays = 7;

/** Creates or checks the first admin; never throws: a problem becomes a `failed` result in plain words. */
export async function ensureFirstAdmin(
  input: FirstAdminInput,
  clients: FirstAdminClients,
  timeoutMs: number,
  now: () => Date = () => new Date(),
): Promise<FirstAdmin> {
  const parsed = inviteUserRequest.shape.email.safeParse(input.email);
  if (!parsed.success) {
    return {
      status: 'failed',
      email: input.email,
      problem: [`"${input.email}" is not an e-mail address Cognito accepts; check lotse:adminEmail.`],
    };
  }
  const email = parsed.data;
  if (!input.userPoolId || !input.tableName) {
    const missing = !input.userPoolId ? 'UserPoolId' : 'TableName';
    return {
      status: 'failed',
      email,
      problem: [`The stateful stack's outputs name no ${missing}, so the first admin cannot be made.`],
    };
  }
  const poolId = input.userPoolId;
  const last = { action: 'cognito-idp:DescribeUserPool' };
  // The IAM action of each SDK call as it is sent, so an error can name the permission it needs.
  const note = (service: string, context: { commandName?: string }) => {
    last.action = `${service}:${String(context.commandName ?? '?').replace(/Command$/, '')}`;
  };
  clients.cognito.middlewareStack.add(
    (next, context) => (args) => {
      note('cognito-idp', context);
      return next(args);
    },
    { step: 'initialize', name: 'lotseLastCall', override: true },
  );
  clients.dynamo.middlewareStack.add(
    (next, context) => (args) => {
      note('dynamodb', context);
      return next(args);
    },
    { step: 'initialize', name: 'lotseLastCall', override: true },
  );

  const documents = DynamoDBDocumentClient.from(clients.dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const profiles = dynamoStaffStore(documents, input.tableName);
  const deps: UserDeps = {
    directory: cognitoUserDirectory(clients.cognito, poolId),
    profiles,
    // Admins get every form (`*`) and no team, as the console's invite sends them: nothing to look up.
    catalog: { formExists: async () => true, teamIds: async () => [] },
    audit: dynamoAuditLog(documents, input.tableName),
    now,
  };

  async function run(): Promise<FirstAdmin> {
    const pool = await clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    const days =
      pool.UserPool?.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ?? defaultTemporaryPasswordDays;
    try {
      await inviteUser(deps, deployCaller, {
        email,
        role: 'admin',
        forms: [EVERY_FORM],
        locale: invitationLocale,
      });
      return { status: 'invited', email, days };
    } catch (error) {
      // The profile and the audit entry come after the account and its group: an admin all the same.
      if (last.action.startsWith('dynamodb:'))
        return { status: 'invited', email, days, tableProblem: plainWords(error, last.action, poolId) };
      if (!(error instanceof ConflictError)) throw error;
    }

    // The address has an account already: a second deploy, or one made by hand or in the console.
    const user = await clients.cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }));
    const username = user.Username ?? email;
    const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value ?? username;
    const profile = await profiles.get(sub);
    if (user.Enabled === false || profile?.disabled)
      return { status: 'left', email, why: 'is disabled; an admin can enable it under Users in the console' };
    if (profile?.role && profile.role !== 'admin')
      return {
        status: 'left',
        email,
        why: `has the role ${profile.role}; an admin can change that under Users in the console`,
      };
    // Adding to a group it is in already changes nothing.
    await clients.cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: 'admin' }),
    );
    if (!profile) {
      const at = now().toISOString();
      await profiles.put({
        sub,
        username,
        role: 'admin',
        forms: [EVERY_FORM],
        teams: [],
        updatedAt: at,
        updatedBy: deployCaller.username,
      });
      await deps.audit.record({
        at,
        actor: { sub: deployCaller.sub, username: deployCaller.username },
        action: 'user.update',
        target: { type: 'user', id: sub },
        after: { role: 'admin', forms: [EVERY_FORM], teams: [], enabled: true },
      });
    }
    const madeAdmin = !profile;
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD')
      return { status: 'exists', email, days, invitation: 'accepted', madeAdmin };
    if (input.resendInvite) {
      await deps.directory.resendInvitation({
        sub,
        username,
        email,
        enabled: true,
        invited: true,
        createdAt: '',
      });
      return { status: 'exists', email, days, invitation: 'resent', madeAdmin };
    }
    const sentOn = (user.UserLastModifiedDate ?? user.UserCreateDate)?.toISOString().slice(0, 10);
    return { status: 'exists', email, days, invitation: 'pending', madeAdmin, ...(sentOn ? { sentOn } : {}) };
  }

  try {
    // Each request has its own deadline in the checks; here a few in a row share one.
    return await withTimeout(timeoutMs * 4, () => run());
  } catch (error) {
    return { status: 'failed', email, problem: plainWords(error, last.action, poolId) };
  }
}

function plainWords(error: unknown, action: string, poolId: string): string[] {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'ResourceNotFoundException' && action.startsWith('cognito-idp:'))
    return [`The user pool ${poolId} was not found in this account and region.`];
  if (name === 'ResourceNotFoundException' && action.startsWith('dynamodb:'))
    return ["The stack's table was not found, so the admin's staff profile could not be written."];
  if (name === 'InvalidParameterException')
    return [`Cognito refused the request (${action}): ${(error as Error).message.split('\n')[0]}`];
  const problem = describeAwsError(error, action);
  return [`${problem.headline[0]?.toUpperCase()}${problem.headline.slice(1)}.`, ...sentences(problem.words)];
}
