import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError } from '../domain/errors.ts';
import { type Caller, type FormScope, type StaffRole, scopeOf } from '../domain/staff.ts';
import { requireGroup } from './auth.ts';

/** What `authorize` needs to know of a staff member beyond the token. */
export interface StaffDirectory {
  get(sub: string): Promise<{ readonly forms: readonly string[]; readonly disabled?: boolean } | undefined>;
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
  const caller = requireGroup(event, roles);
  const profile = await staff.get(caller.sub);
  if (profile?.disabled) throw new ForbiddenError('This account is disabled.');
  const scope = await scopeOf(caller, { formsOf: async () => profile?.forms ?? [] });
  return { caller, scope };
}
