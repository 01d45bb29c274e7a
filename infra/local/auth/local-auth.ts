import {
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvitationStore } from './invitations.ts';
import { publicJwk, signJwt } from './jwt.ts';

export const USER_GROUPS = ['admin', 'coordinator', 'viewer'] as const;
export type UserGroup = (typeof USER_GROUPS)[number];

/** Cognito's user states that matter here: invited (no password yet) or signed up. */
export type UserStatus = 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';

interface StoredUser {
  username: string;
  sub: string;
  /** Empty while an invited user has not set a password. */
  passwordHash: string;
  salt: string;
  groups: UserGroup[];
  /** Absent in files written before invitations existed: those users are enabled and confirmed. */
  email?: string;
  locale?: string;
  enabled?: boolean;
  status?: UserStatus;
  createdAt?: number;
  updatedAt?: number;
  /** AdminUserGlobalSignOut: tokens issued before this (epoch seconds) no longer refresh. */
  signedOutAt?: number;
}

/** The `kid` of the one signing key, shared with the local OpenID provider's JWKS. */
export const LOCAL_KEY_ID = 'local-1';

/** A user as the Cognito admin API describes one. */
export interface LocalUser {
  readonly username: string;
  readonly sub: string;
  readonly email?: string;
  readonly locale?: string;
  readonly groups: readonly UserGroup[];
  readonly enabled: boolean;
  readonly status: UserStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly signedOutAt?: number;
}

/** An error the Cognito API answers with, under Cognito's name (`__type`). */
export class CognitoError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotAuthorizedError extends CognitoError {
  constructor(message: string) {
    super('NotAuthorizedException', message);
  }
}

const userNotFound = () => new CognitoError('UserNotFoundException', 'User does not exist.');

/**
 * The local stand-in for the Cognito user pool: users with the same groups (admin, coordinator,
 * viewer), RS256 tokens shaped like Cognito's (`cognito:groups`, `token_use`, `client_id`), and
 * the verification API Gateway's JWT authorizer does. Keys and users live in the data folder.
 */
export class LocalAuth {
  readonly issuer: string;
  readonly clientId = 'lotse-local-client';
  private readonly privateKey: KeyObject;
  private readonly kid: string;
  private readonly usersFile: string;
  private users: StoredUser[];
  /** The invitation links; their expiry follows `now`. */
  readonly invitations: InvitationStore;
  /** The stand-in's clock in epoch ms; tests move it instead of waiting. */
  now: () => number = () => Date.now();

  constructor(dataDir: string, issuer: string) {
    this.issuer = issuer;
    const dir = join(dataDir, 'auth');
    mkdirSync(dir, { recursive: true });
    const keyFile = join(dir, 'signing-key.pem');
    if (!existsSync(keyFile)) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    this.privateKey = createPrivateKey(readFileSync(keyFile));
    this.kid = LOCAL_KEY_ID;
    this.usersFile = join(dir, 'users.json');
    this.users = existsSync(this.usersFile)
      ? (JSON.parse(readFileSync(this.usersFile, 'utf8')) as StoredUser[])
      : [];
    this.invitations = new InvitationStore(join(dir, 'invitations.json'), () => this.now());
  }

  /** Creates the first admin when there is none; returns its password (shown once) or undefined. */
  ensureFirstAdmin(username = 'admin'): { username: string; password: string } | undefined {
    if (this.users.some((user) => user.groups.includes('admin'))) return undefined;
    const password = randomBytes(12).toString('base64url');
    this.createUser(username, password, ['admin']);
    return { username, password };
  }

  createUser(username: string, password: string, groups: UserGroup[]): void {
    const salt = randomBytes(16).toString('hex');
    this.users = this.users.filter((user) => user.username !== username);
    const at = this.nowSeconds();
    this.users.push({
      username,
      sub: randomUUID(),
      salt,
      passwordHash: hash(password, salt),
      groups,
      enabled: true,
      status: 'CONFIRMED',
      createdAt: at,
      updatedAt: at,
    });
    this.save();
  }

  /** AdminCreateUser: an invited user without a password, until they follow the invitation link. */
  adminCreateUser(username: string, attributes: { email?: string; locale?: string }): LocalUser {
    if (this.find(username) || (attributes.email && this.find(attributes.email)))
      throw new CognitoError('UsernameExistsException', 'User account already exists');
    const at = this.nowSeconds();
    const user: StoredUser = {
      username,
      sub: randomUUID(),
      salt: '',
      passwordHash: '',
      groups: [],
      ...attributes,
      enabled: true,
      status: 'FORCE_CHANGE_PASSWORD',
      createdAt: at,
      updatedAt: at,
    };
    this.users.push(user);
    this.save();
    return describe(user);
  }

  /** A user by username, e-mail alias (both case-insensitive, as the pool signs in) or sub. */
  getUser(usernameOrAlias: string): LocalUser {
    return describe(this.require(usernameOrAlias));
  }

  listUsers(): LocalUser[] {
    return this.users.map(describe);
  }

  setGroup(usernameOrAlias: string, group: UserGroup, member: boolean): void {
    this.update(usernameOrAlias, (user) => {
      user.groups = user.groups.filter((candidate) => candidate !== group);
      if (member) user.groups.push(group);
    });
  }

  setEnabled(usernameOrAlias: string, enabled: boolean): void {
    this.update(usernameOrAlias, (user) => {
      user.enabled = enabled;
    });
  }

  globalSignOut(usernameOrAlias: string): void {
    this.update(usernameOrAlias, (user) => {
      user.signedOutAt = this.nowSeconds();
    });
  }

  /** A new invitation link for an invited user; the previous one stops working. */
  issueInvitation(usernameOrAlias: string): { user: LocalUser; token: string; expiresAt: number } {
    const user = this.require(usernameOrAlias);
    if (user.status !== 'FORCE_CHANGE_PASSWORD')
      throw new CognitoError('UnsupportedUserStateException', 'User is not in FORCE_CHANGE_PASSWORD state.');
    return { user: describe(user), ...this.invitations.issue(user.username) };
  }

  /** Sets the password through an invitation link, once; throws when the link is not valid any more. */
  acceptInvitation(token: string, password: string): LocalUser {
    const check = this.invitations.check(token);
    if (!check.ok || !this.invitations.consume(token))
      throw new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
    const salt = randomBytes(16).toString('hex');
    this.update(check.username, (user) => {
      user.salt = salt;
      user.passwordHash = hash(password, salt);
      user.status = 'CONFIRMED';
    });
    return this.getUser(check.username);
  }

  /** USER_PASSWORD_AUTH: returns Cognito-shaped tokens or throws NotAuthorizedError. */
  signIn(username: string, password: string, options: { expiresInSeconds?: number; now?: number } = {}) {
    const user = this.find(username);
    const expected = user?.passwordHash ? Buffer.from(user.passwordHash, 'hex') : Buffer.alloc(64);
    const actual = Buffer.from(hash(password, user?.salt || 'none'), 'hex');
    if (!user?.passwordHash || !timingSafeEqual(expected, actual))
      throw new NotAuthorizedError('Incorrect username or password.');
    if (user.enabled === false) throw new NotAuthorizedError('User is disabled.');
    return this.issue(user, options);
  }

  /** Tokens for a user without a password check: for tests that need a given group or an expired token. */
  issueFor(
    username: string,
    groups: UserGroup[],
    options: { expiresInSeconds?: number; now?: number; issuer?: string } = {},
  ) {
    return this.issue({ username, sub: `test-${username}`, groups, passwordHash: '', salt: '' }, options);
  }

  jwks() {
    return { keys: [publicJwk(this.privateKey, this.kid)] };
  }

  /** The account behind a username and password, for the local OpenID provider; never a disabled one. */
  verifyPassword(username: string, password: string): LocalAccount | undefined {
    const user = this.users.find((candidate) => candidate.username === username);
    const expected = user ? Buffer.from(user.passwordHash, 'hex') : Buffer.alloc(64);
    const actual = Buffer.from(hash(password, user?.salt ?? 'none'), 'hex');
    if (!user || !timingSafeEqual(expected, actual)) return undefined;
    return asAccount(user);
  }

  /** The account with this `sub`, unless it is unknown or disabled. */
  findBySub(sub: string): LocalAccount | undefined {
    const user = this.users.find((candidate) => candidate.sub === sub);
    return user ? asAccount(user) : undefined;
  }

  private find(usernameOrAlias: string): StoredUser | undefined {
    const wanted = usernameOrAlias.toLowerCase();
    return this.users.find(
      (user) =>
        user.username.toLowerCase() === wanted || user.email?.toLowerCase() === wanted || user.sub === wanted,
    );
  }

  private require(usernameOrAlias: string): StoredUser {
    const user = this.find(usernameOrAlias);
    if (!user) throw userNotFound();
    return user;
  }

  private update(usernameOrAlias: string, change: (user: StoredUser) => void): void {
    const user = this.require(usernameOrAlias);
    change(user);
    user.updatedAt = this.nowSeconds();
    this.save();
  }

  private save(): void {
    writeFileSync(this.usersFile, JSON.stringify(this.users, null, 2), { mode: 0o600 });
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  private issue(user: StoredUser, options: { expiresInSeconds?: number; now?: number; issuer?: string }) {
    const now = Math.floor((options.now ?? Date.now()) / 1000);
    const expiresIn = options.expiresInSeconds ?? 3600;
    const common = {
      sub: user.sub,
      iss: options.issuer ?? this.issuer,
      'cognito:groups': user.groups,
      iat: now,
      auth_time: now,
      exp: now + expiresIn,
      jti: randomUUID(),
    };
    return {
      AccessToken: signJwt(
        {
          ...common,
          token_use: 'access',
          client_id: this.clientId,
          username: user.username,
          scope: 'aws.cognito.signin.user.admin',
        },
        this.privateKey,
        this.kid,
      ),
      IdToken: signJwt(
        {
          ...common,
          token_use: 'id',
          aud: this.clientId,
          'cognito:username': user.username,
          ...(user.email ? { email: user.email } : {}),
        },
        this.privateKey,
        this.kid,
      ),
      ExpiresIn: expiresIn,
      TokenType: 'Bearer',
    };
  }
}

/** What the OpenID provider needs to know of a user: never the password hash. */
export interface LocalAccount {
  readonly sub: string;
  readonly username: string;
  readonly groups: readonly UserGroup[];
  readonly email?: string;
}

function asAccount(user: StoredUser): LocalAccount | undefined {
  const extra = user as StoredUser & { enabled?: boolean; email?: string };
  if (extra.enabled === false) return undefined;
  return {
    sub: user.sub,
    username: user.username,
    groups: user.groups,
    ...(extra.email ? { email: extra.email } : {}),
  };
}

function describe(user: StoredUser): LocalUser {
  return {
    username: user.username,
    sub: user.sub,
    ...(user.email ? { email: user.email } : {}),
    ...(user.locale ? { locale: user.locale } : {}),
    groups: [...user.groups],
    enabled: user.enabled !== false,
    status: user.status ?? 'CONFIRMED',
    createdAt: user.createdAt ?? 0,
    updatedAt: user.updatedAt ?? user.createdAt ?? 0,
    ...(user.signedOutAt !== undefined ? { signedOutAt: user.signedOutAt } : {}),
  };
}

const hash = (password: string, salt: string) => scryptSync(password, salt, 64).toString('hex');
