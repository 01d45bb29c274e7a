import { createSystemCheckRequest } from '#shared/contracts/system-check.ts';
import { createCheck, toView } from '#shared/domain/system-check.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { systemCheckDeps } from '#shared/system-check-deps.ts';

const deps = systemCheckDeps();

export const handler = httpHandler(
  async ({ body }) => {
    const request = parseOrThrow(createSystemCheckRequest, body ?? {});
    const check = await createCheck(deps, request);
    return json(202, toView(check), { location: `/api/system-checks/${check.checkId}` });
  },
  { maxBodyBytes: 2048 },
);
