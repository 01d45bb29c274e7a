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
import { publicJwk, signJwt } from './jwt.ts';

export const USER_GROUPS = ['admin', 'coordinator', 'viewer'] as const;
export type UserGroup = (typeof USER_GROUPS)[number];

interface StoredUser {
  username: string;
  sub: string;
  passwordHash: string;
  salt: string;
  groups: UserGroup[];
}

/** The `kid` of the one signing key, shared with the local OpenID provider's JWKS. */
export const LOCAL_KEY_ID = 'local-1';

export class NotAuthorizedError extends Error {
  override name = 'NotAuthorizedException';
}

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
    this.users.push({ username, sub: randomUUID(), salt, passwordHash: hash(password, salt), groups });
    writeFileSync(this.usersFile, JSON.stringify(this.users, null, 2), { mode: 0o600 });
  }

  /** USER_PASSWORD_AUTH: returns Cognito-shaped tokens or throws NotAuthorizedError. */
  signIn(username: string, password: string, options: { expiresInSeconds?: number; now?: number } = {}) {
    const user = this.users.find((candidate) => candidate.username === username);
    const expected = user ? Buffer.from(user.passwordHash, 'hex') : Buffer.alloc(64);
    const actual = Buffer.from(hash(password, user?.salt ?? 'none'), 'hex');
    if (!user || !timingSafeEqual(expected, actual))
      throw new NotAuthorizedError('Incorrect username or password.');
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
        { ...common, token_use: 'id', aud: this.clientId, 'cognito:username': user.username },
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

const hash = (password: string, salt: string) => scryptSync(password, salt, 64).toString('hex');
