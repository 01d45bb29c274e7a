import { resendInvitation } from '#shared/domain/users.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { usersDeps } from '#shared/users-deps.ts';
import { parseUserPath } from '#shared/users-route.ts';

const deps = usersDeps();

/** Sends the invitation again with a new link; the old link stops working. */
export const handler = httpHandler(async ({ event }) => {
  const { caller } = await authorize(event, ['admin'], deps.staff);
  const userId = parseUserPath(event.pathParameters);
  return json(202, await resendInvitation(deps, caller, userId));
});
