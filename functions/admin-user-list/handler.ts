import { listUsers } from '#shared/domain/users.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { userListDeps } from '#shared/users-deps.ts';

const deps = userListDeps();

/** Every staff account with role, forms, teams and status (invited, active, disabled). */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], deps.staff);
  return json(200, { users: await listUsers(deps) });
});
