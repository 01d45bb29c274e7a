import { updateUserRequest } from '#shared/contracts/users.ts';
import { updateUser } from '#shared/domain/users.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { usersDeps } from '#shared/users-deps.ts';
import { parseUserPath } from '#shared/users-route.ts';

const deps = usersDeps();

/** Changes role, forms, teams or enabled; disabling signs the person out and refuses them at once. */
export const handler = httpHandler(async ({ event, body }) => {
  const { caller } = await authorize(event, ['admin'], deps.staff);
  const userId = parseUserPath(event.pathParameters);
  const change = parseOrThrow(updateUserRequest, body ?? {});
  return json(200, await updateUser(deps, caller, userId, change));
});
