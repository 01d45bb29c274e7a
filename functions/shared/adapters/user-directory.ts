import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError } from '../domain/errors.ts';
import { STAFF_ROLES, type StaffRole } from '../domain/staff.ts';
import type { DirectoryUser, UserDirectory } from '../domain/users.ts';

const attribute = (attributes: AttributeType[] | undefined, name: string) =>
  attributes?.find((candidate) => candidate.Name === name)?.Value;

function toUser(user: UserType, role: StaffRole | undefined): DirectoryUser {
  const sub = attribute(user.Attributes, 'sub') ?? user.Username ?? '';
  return {
    sub,
    username: user.Username ?? sub,
    email: attribute(user.Attributes, 'email') ?? user.Username ?? '',
    ...(role ? { role } : {}),
    enabled: user.Enabled !== false,
    invited: user.UserStatus === 'FORCE_CHANGE_PASSWORD',
    createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
  };
}

/** A person has one role; if the pool has them in several groups, the strongest counts. */
const strongest = (roles: readonly StaffRole[]): StaffRole | undefined =>
  STAFF_ROLES.find((role) => roles.includes(role));

/**
 * Staff accounts in the Cognito user pool (locally its stand-in, through
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER). The role is the pool group; users are named by
 * their `sub` towards the console and by their username towards Cognito.
 */
export function cognitoUserDirectory(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
): UserDirectory {
  async function listAll(filter?: string): Promise<UserType[]> {
    const users: UserType[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListUsersCommand({
          UserPoolId: userPoolId,
          Limit: 60,
          ...(filter ? { Filter: filter } : {}),
          ...(token ? { PaginationToken: token } : {}),
        }),
      );
      users.push(...(page.Users ?? []));
      token = page.PaginationToken;
    } while (token);
    return users;
  }

  async function rolesByUsername(): Promise<Map<string, StaffRole[]>> {
    const roles = new Map<string, StaffRole[]>();
    for (const role of STAFF_ROLES) {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListUsersInGroupCommand({
            UserPoolId: userPoolId,
            GroupName: role,
            Limit: 60,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        for (const user of page.Users ?? []) {
          const name = user.Username ?? '';
          roles.set(name, [...(roles.get(name) ?? []), role]);
        }
        token = page.NextToken;
      } while (token);
    }
    return roles;
  }

  const base = (user: DirectoryUser) => ({ UserPoolId: userPoolId, Username: user.username });

  return {
    async list() {
      const [users, roles] = await Promise.all([listAll(), rolesByUsername()]);
      return users.map((user) => toUser(user, strongest(roles.get(user.Username ?? '') ?? [])));
    },

    async get(sub) {
      // Cognito's ListUsers filter accepts `sub` exactly; a quote would break out of the filter.
      if (sub.includes('"')) return undefined;
      const [found] = await listAll(`sub = "${sub}"`);
      if (!found) return undefined;
      const roles = await rolesByUsername();
      return toUser(found, strongest(roles.get(found.Username ?? '') ?? []));
    },

    async invite({ email, role, locale }) {
      let created: UserType | undefined;
      try {
        ({ User: created } = await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: email,
            UserAttributes: [
              { Name: 'email', Value: email },
              // The invitation is the proof of the address: the person follows it from that mailbox.
              { Name: 'email_verified', Value: 'true' },
              { Name: 'locale', Value: locale },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        ));
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'UsernameExistsException' || name === 'AliasExistsException')
          throw new ConflictError('There is already an account with this e-mail address.', { cause: error });
        throw error;
      }
      const user = toUser(created ?? {}, undefined);
      await client.send(new AdminAddUserToGroupCommand({ ...base(user), GroupName: role }));
      return { ...user, role };
    },

    async setRole(user, role) {
      await client.send(new AdminAddUserToGroupCommand({ ...base(user), GroupName: role }));
      for (const other of STAFF_ROLES.filter((candidate) => candidate !== role))
        await client.send(new AdminRemoveUserFromGroupCommand({ ...base(user), GroupName: other }));
    },

    async setEnabled(user, enabled) {
      if (enabled) {
        await client.send(new AdminEnableUserCommand(base(user)));
        return;
      }
      // Refresh tokens stop working; access tokens already issued are refused by authorize().
      await client.send(new AdminUserGlobalSignOutCommand(base(user)));
      await client.send(new AdminDisableUserCommand(base(user)));
    },

    async resendInvitation(user) {
      await client.send(
        new AdminCreateUserCommand({
          ...base(user),
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    },
  };
}
