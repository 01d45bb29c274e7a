import * as z from 'zod';
import { formPath, parsePath } from '#shared/admin-route.ts';
import { rollback } from '#shared/domain/forms.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';

const deps = formsDeps();
const staff = staffStore();
export const rollbackRequest = z.strictObject({ version: z.number().int().min(1).optional() });

/** Publishes an earlier version again (by default the one before the current). */
export const handler = httpHandler(async ({ event, body }) => {
  const { caller } = await authorize(event, ['admin'], staff);
  const { slug } = parsePath(formPath, event.pathParameters);
  const { version } = parseOrThrow(rollbackRequest, body ?? {});
  return json(200, await rollback(deps, slug, caller.username, version));
});
