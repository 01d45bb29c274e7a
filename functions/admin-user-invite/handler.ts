import { inviteUserRequest } from '#shared/contracts/users.ts';
import { inviteUser } from '#shared/domain/users.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { usersDeps } from '#shared/users-deps.ts';

const deps = usersDeps();

/** Invites a person by e-mail with a role and the forms (and counselling teams) they work on. */
export const handler = httpHandler(async ({ event, body }) => {
  const { caller } = await authorize(event, ['admin'], deps.staff);
  const input = parseOrThrow(inviteUserRequest, body ?? {});
  const user = await inviteUser(deps, caller, input);
  return json(201, user, { location: `/api/admin/users/${user.id}` });
});
