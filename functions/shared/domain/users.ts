import type { InviteUserRequest, UpdateUserRequest, UserView } from '../contracts/users.ts';
import type { AuditLog } from './audit.ts';
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from './errors.ts';
import { type Caller, EVERY_FORM, type StaffRole } from './staff.ts';

/**
 * Staff accounts: who may sign in (the user directory: Cognito, locally its stand-in) and what they
 * work on (the staff profile in our table). Only admins manage them; an admin cannot lock
 * themselves out, and the last enabled admin stays one.
 */
export interface DirectoryUser {
  readonly sub: string;
  readonly username: string;
  readonly email: string;
  readonly role?: StaffRole;
  readonly enabled: boolean;
  /** Invited and has not set a password yet. */
  readonly invited: boolean;
  readonly createdAt: string;
}

export interface UserDirectory {
  list(): Promise<DirectoryUser[]>;
  get(sub: string): Promise<DirectoryUser | undefined>;
  /** Creates the account and sends the invitation; ConflictError when the address has one. */
  invite(input: { email: string; role: StaffRole; locale: string }): Promise<DirectoryUser>;
  setRole(user: DirectoryUser, role: StaffRole): Promise<void>;
  /** Disabling also signs the user out everywhere. */
  setEnabled(user: DirectoryUser, enabled: boolean): Promise<void>;
  resendInvitation(user: DirectoryUser): Promise<void>;
}

export interface UserProfile {
  readonly sub: string;
  readonly username: string;
  readonly role?: StaffRole;
  readonly forms: readonly string[];
  readonly teams?: readonly string[];
  readonly disabled?: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface UserProfiles {
  get(sub: string): Promise<UserProfile | undefined>;
  getMany(subs: readonly string[]): Promise<Map<string, UserProfile>>;
  put(profile: UserProfile): Promise<void>;
}

/** What assignments are checked against: the forms there are and the counselling teams they name. */
export interface AssignmentCatalog {
  formExists(slug: string): Promise<boolean>;
  teamIds(): Promise<readonly string[]>;
}

export interface UserDeps {
  readonly directory: UserDirectory;
  readonly profiles: UserProfiles;
  readonly catalog: AssignmentCatalog;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

const statusOf = (user: DirectoryUser): UserView['status'] =>
  !user.enabled ? 'disabled' : user.invited ? 'invited' : 'active';

function view(user: DirectoryUser, profile: UserProfile | undefined): UserView {
  return {
    id: user.sub,
    email: user.email,
    role: user.role ?? null,
    forms: [...(profile?.forms ?? (user.role === 'admin' ? [EVERY_FORM] : []))],
    teams: [...(profile?.teams ?? [])],
    enabled: user.enabled,
    status: statusOf(user),
    createdAt: user.createdAt,
  };
}

export async function listUsers(deps: {
  readonly directory: Pick<UserDirectory, 'list'>;
  readonly profiles: Pick<UserProfiles, 'getMany'>;
}): Promise<UserView[]> {
  const users = await deps.directory.list();
  const profiles = await deps.profiles.getMany(users.map((user) => user.sub));
  return users
    .map((user) => view(user, profiles.get(user.sub)))
    .sort((a, b) => a.email.localeCompare(b.email));
}

async function checkAssignments(
  catalog: AssignmentCatalog,
  forms: readonly string[] | undefined,
  teams: readonly string[] | undefined,
): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [index, slug] of (forms ?? []).entries()) {
    if (slug !== EVERY_FORM && !(await catalog.formExists(slug)))
      issues.push({ field: `forms.${index}`, message: `there is no form "${slug}"` });
  }
  if (teams && teams.length > 0) {
    const known = await catalog.teamIds();
    for (const [index, team] of teams.entries()) {
      if (!known.includes(team))
        issues.push({
          field: `teams.${index}`,
          message: `there is no counselling team "${team}" (known: ${known.join(', ') || 'none'})`,
        });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

const actorOf = (caller: Caller) => ({ sub: caller.sub, username: caller.username });

export async function inviteUser(
  deps: UserDeps,
  caller: Caller,
  input: InviteUserRequest,
): Promise<UserView> {
  await checkAssignments(deps.catalog, input.forms, input.teams);
  const user = await deps.directory.invite({ email: input.email, role: input.role, locale: input.locale });
  const at = deps.now().toISOString();
  const profile: UserProfile = {
    sub: user.sub,
    username: user.username,
    role: input.role,
    forms: dedupe(input.forms),
    teams: dedupe(input.teams ?? []),
    updatedAt: at,
    updatedBy: caller.username,
  };
  await deps.profiles.put(profile);
  await deps.audit.record({
    at,
    actor: actorOf(caller),
    action: 'user.invite',
    target: { type: 'user', id: user.sub },
    after: { role: input.role, forms: profile.forms, teams: profile.teams, enabled: true },
    details: { locale: input.locale },
  });
  return view({ ...user, role: input.role }, profile);
}

async function requireUser(deps: UserDeps, sub: string): Promise<DirectoryUser> {
  const user = await deps.directory.get(sub);
  if (!user) throw new NotFoundError('There is no user with this id.');
  return user;
}

/** Refuses a change that would lock the caller out or leave nobody to administer Lotse. */
async function checkAdminsRemain(
  deps: UserDeps,
  caller: Caller,
  user: DirectoryUser,
  change: UpdateUserRequest,
): Promise<void> {
  const losesRole = change.role !== undefined && change.role !== 'admin' && user.role === 'admin';
  const disables = change.enabled === false && user.enabled;
  if (user.sub === caller.sub && losesRole)
    throw new ConflictError('You cannot take away your own admin role; ask another admin to do it.');
  if (user.sub === caller.sub && disables)
    throw new ConflictError('You cannot disable your own account; ask another admin to do it.');
  if (user.role !== 'admin' || !user.enabled || !(losesRole || disables)) return;
  const admins = (await deps.directory.list()).filter((other) => other.role === 'admin' && other.enabled);
  if (admins.every((admin) => admin.sub === user.sub))
    throw new ConflictError(
      'This is the last enabled admin. Make someone else an admin first, so that somebody can still manage Lotse.',
    );
}

export async function updateUser(
  deps: UserDeps,
  caller: Caller,
  sub: string,
  change: UpdateUserRequest,
): Promise<UserView> {
  const user = await requireUser(deps, sub);
  await checkAdminsRemain(deps, caller, user, change);
  await checkAssignments(deps.catalog, change.forms, change.teams);
  const before = await deps.profiles.get(sub);
  const at = deps.now().toISOString();
  const role = change.role ?? user.role;
  const enabled = change.enabled ?? user.enabled;
  const profile: UserProfile = {
    sub,
    username: user.username,
    ...(role ? { role } : {}),
    forms: dedupe(change.forms ?? before?.forms ?? []),
    teams: dedupe(change.teams ?? before?.teams ?? []),
    ...(enabled ? {} : { disabled: true }),
    updatedAt: at,
    updatedBy: caller.username,
  };
  // The profile first when taking rights away: authorize() reads it on every request, so the
  // account is refused at once even if the directory call fails afterwards.
  if (!enabled) await deps.profiles.put(profile);
  if (change.role && change.role !== user.role) await deps.directory.setRole(user, change.role);
  if (enabled !== user.enabled) await deps.directory.setEnabled(user, enabled);
  if (enabled) await deps.profiles.put(profile);
  await deps.audit.record({
    at,
    actor: actorOf(caller),
    action: 'user.update',
    target: { type: 'user', id: sub },
    before: {
      role: user.role ?? null,
      forms: before?.forms ?? [],
      teams: before?.teams ?? [],
      enabled: user.enabled,
    },
    after: { role: role ?? null, forms: profile.forms, teams: profile.teams, enabled },
  });
  return view({ ...user, ...(role ? { role } : {}), enabled }, profile);
}

export async function resendInvitation(deps: UserDeps, caller: Caller, sub: string): Promise<UserView> {
  const user = await requireUser(deps, sub);
  if (!user.invited)
    throw new ConflictError('This person has already set a password; there is no invitation to resend.');
  if (!user.enabled)
    throw new ConflictError('This account is disabled; enable it before resending the invitation.');
  await deps.directory.resendInvitation(user);
  await deps.audit.record({
    at: deps.now().toISOString(),
    actor: actorOf(caller),
    action: 'user.resend-invitation',
    target: { type: 'user', id: sub },
  });
  return view(user, await deps.profiles.get(sub));
}

const dedupe = (values: readonly string[]): string[] => [...new Set(values)];
