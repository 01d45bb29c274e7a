import { checkIdSchema } from '#shared/contracts/system-check.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { toView } from '#shared/domain/system-check.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { systemCheckReadDeps } from '#shared/system-check-deps.ts';
import * as z from '#shared/zod.ts';

const deps = systemCheckReadDeps();
const pathParameters = z.object({ checkId: checkIdSchema });

export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], deps.staff);
  const { checkId } = parseOrThrow(pathParameters, event.pathParameters ?? {});
  const check = await deps.store.get(checkId);
  if (!check) throw new NotFoundError('There is no system check with this id.');
  return json(200, toView(check));
});
