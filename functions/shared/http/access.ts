import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError } from '../domain/errors.ts';
import { type Caller, type FormScope, STAFF_ROLES, type StaffRole, scopeOf } from '../domain/staff.ts';
import { requireGroup } from './auth.ts';

/** What `authorize` needs to know of a staff member beyond the token. */
export interface StaffDirectory {
  get(
    sub: string,
  ): Promise<
    { readonly forms: readonly string[]; readonly disabled?: boolean; readonly role?: StaffRole } | undefined
  >;
}

export interface Access {
  readonly caller: Caller;
  readonly scope: FormScope;
}

/**
 * The one check every staff route makes: a valid token (401 otherwise), one of `roles` (403), an
 * account that an admin has not disabled (403, even while its token is still valid), and the
 * forms the caller may see. Reads the staff profile once per request, so a change an admin makes
 * holds at once.
 */
export async function authorize(
  event: APIGatewayProxyEventV2,
  roles: readonly StaffRole[],
  staff: StaffDirectory,
): Promise<Access> {
  const fromToken = requireGroup(event, STAFF_ROLES);
  const profile = await staff.get(fromToken.sub);
  if (profile?.disabled) throw new ForbiddenError('This account is disabled.');
  // The role an admin set last wins over the token's group, so a changed role holds at once.
  const caller = profile?.role ? { ...fromToken, groups: [profile.role] } : fromToken;
  if (!caller.groups.some((group) => (roles as readonly string[]).includes(group)))
    throw new ForbiddenError(`This needs the role ${roles.join(' or ')}.`);
  const scope = await scopeOf(caller, { formsOf: async () => profile?.forms ?? [] });
  return { caller, scope };
}
