import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { settingsReadDeps } from '#shared/settings-deps.ts';

const deps = settingsReadDeps();

/** Every setting with its version, which the next save must name (admins only). */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], deps.staff);
  return json(200, await deps.current());
});
