import * as z from 'zod';
import { formPath, parsePath } from '#shared/admin-route.ts';
import { rollback } from '#shared/domain/forms.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { requireGroup } from '#shared/http/auth.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';

const deps = formsDeps();
export const rollbackRequest = z.strictObject({ version: z.number().int().min(1).optional() });

/** Publishes an earlier version again (by default the one before the current). */
export const handler = httpHandler(async ({ event, body }) => {
  const caller = requireGroup(event, ['admin']);
  const { slug } = parsePath(formPath, event.pathParameters);
  const { version } = parseOrThrow(rollbackRequest, body ?? {});
  return json(200, await rollback(deps, slug, caller.username, version));
});
