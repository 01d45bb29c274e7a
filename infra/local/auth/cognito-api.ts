import { CognitoError, type LocalAuth, type LocalUser, USER_GROUPS, type UserGroup } from './local-auth.ts';

/** What AdminCreateUser needs besides the store: sending the invitation the way Cognito does. */
export interface InvitationSender {
  send(user: LocalUser, token: string, expiresAt: number): Promise<void>;
}

export const LOCAL_USER_POOL_ID = 'local_pool';

type Input = Record<string, unknown>;
type Operation = (input: Input) => unknown;

const str = (input: Input, name: string): string => {
  const value = input[name];
  if (typeof value !== 'string' || value === '')
    throw new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: ${name} must not be null`,
    );
  return value;
};

const group = (input: Input): UserGroup => {
  const name = str(input, 'GroupName');
  if (!(USER_GROUPS as readonly string[]).includes(name))
    throw new CognitoError('ResourceNotFoundException', 'Group not found.');
  return name as UserGroup;
};

const attributes = (user: LocalUser) => [
  { Name: 'sub', Value: user.sub },
  ...(user.email
    ? [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
      ]
    : []),
  ...(user.locale ? [{ Name: 'locale', Value: user.locale }] : []),
];

/** UserType as ListUsers and AdminCreateUser answer it (dates in epoch seconds, as the JSON protocol has them). */
const userType = (user: LocalUser) => ({
  Username: user.username,
  Attributes: attributes(user),
  UserCreateDate: user.createdAt,
  UserLastModifiedDate: user.updatedAt,
  Enabled: user.enabled,
  UserStatus: user.status,
});

/** ListUsers' Filter: `attribute = "value"` or `attribute ^= "value"` (prefix), as Cognito has it. */
function filterOf(expression: unknown): (user: LocalUser) => boolean {
  if (typeof expression !== 'string' || expression.trim() === '') return () => true;
  const match = /^\s*([a-z_:]+)\s*(\^?=)\s*"([^"]*)"\s*$/.exec(expression);
  if (!match) throw new CognitoError('InvalidParameterException', 'Error while parsing filter.');
  const [, name, operator, value] = match as unknown as [string, string, string, string];
  const read = (user: LocalUser) =>
    name === 'username' ? user.username : (attributes(user).find((a) => a.Name === name)?.Value ?? '');
  return (user) => (operator === '=' ? read(user) === value : read(user).startsWith(value));
}

/** One page of a list, with Cognito's opaque token being the next index. */
function page<T>(items: readonly T[], limit: unknown, token: unknown) {
  const size = typeof limit === 'number' && limit > 0 ? Math.min(limit, 60) : 60;
  const start = typeof token === 'string' ? Number(token) || 0 : 0;
  const next = start + size < items.length ? String(start + size) : undefined;
  return { items: items.slice(start, start + size), next };
}

/**
 * The Cognito admin operations the user-management handlers call, by their `X-Amz-Target` name,
 * answering as Cognito does (including its error names) so the real SDK works unchanged.
 */
export function cognitoOperations(auth: LocalAuth, invitations: InvitationSender): Record<string, Operation> {
  const createUser = async (input: Input) => {
    const username = str(input, 'Username');
    const attrs = Object.fromEntries(
      ((input.UserAttributes ?? []) as { Name: string; Value: string }[]).map((a) => [a.Name, a.Value]),
    );
    const byEmail = (input.DesiredDeliveryMediums as string[] | undefined)?.includes('EMAIL') ?? false;
    if (input.MessageAction === 'RESEND') {
      const { user, token, expiresAt } = auth.issueInvitation(username);
      await invitations.send(user, token, expiresAt);
      return { User: userType(user) };
    }
    const user = auth.adminCreateUser(username, {
      ...(attrs.email ? { email: attrs.email } : {}),
      ...(attrs.locale ? { locale: attrs.locale } : {}),
    });
    if (input.MessageAction !== 'SUPPRESS' && byEmail && user.email) {
      const { token, expiresAt } = auth.issueInvitation(user.username);
      await invitations.send(user, token, expiresAt);
    }
    return { User: userType(user) };
  };
  return {
    AdminCreateUser: createUser,
    AdminGetUser: (input) => {
      const user = auth.getUser(str(input, 'Username'));
      const { Attributes, ...rest } = userType(user);
      return { ...rest, UserAttributes: Attributes };
    },
    ListUsers: (input) => {
      const users = auth.listUsers().filter(filterOf(input.Filter));
      const { items, next } = page(users, input.Limit, input.PaginationToken);
      return { Users: items.map(userType), ...(next ? { PaginationToken: next } : {}) };
    },
    ListUsersInGroup: (input) => {
      const wanted = group(input);
      const users = auth.listUsers().filter((user) => user.groups.includes(wanted));
      const { items, next } = page(users, input.Limit, input.NextToken);
      return { Users: items.map(userType), ...(next ? { NextToken: next } : {}) };
    },
    AdminAddUserToGroup: (input) => auth.setGroup(str(input, 'Username'), group(input), true),
    AdminRemoveUserFromGroup: (input) => auth.setGroup(str(input, 'Username'), group(input), false),
    AdminListGroupsForUser: (input) => ({
      Groups: auth
        .getUser(str(input, 'Username'))
        .groups.map((name) => ({ GroupName: name, UserPoolId: LOCAL_USER_POOL_ID })),
    }),
    AdminDisableUser: (input) => auth.setEnabled(str(input, 'Username'), false),
    AdminEnableUser: (input) => auth.setEnabled(str(input, 'Username'), true),
    AdminUserGlobalSignOut: (input) => auth.globalSignOut(str(input, 'Username')),
  };
}

/** Admin operations name the pool; one that is not ours is refused as Cognito would. */
export function checkPool(input: Input): void {
  if (input.UserPoolId !== LOCAL_USER_POOL_ID)
    throw new CognitoError('ResourceNotFoundException', 'User pool does not exist.');
}
