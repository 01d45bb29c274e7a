import { checkIdSchema, confirmSystemCheckRequest } from '#shared/contracts/system-check.ts';
import { confirmCheck, toView } from '#shared/domain/system-check.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { systemCheckDeps } from '#shared/system-check-deps.ts';
import * as z from '#shared/zod.ts';

const deps = systemCheckDeps();
const pathParameters = z.object({ checkId: checkIdSchema });

export const handler = httpHandler(
  async ({ event, body }) => {
    await authorize(event, ['admin'], deps.staff);
    const { checkId } = parseOrThrow(pathParameters, event.pathParameters ?? {});
    const { code } = parseOrThrow(confirmSystemCheckRequest, body ?? {});
    const check = await confirmCheck(deps, checkId, code);
    return json(200, toView(check));
  },
  { maxBodyBytes: 1024 },
);
