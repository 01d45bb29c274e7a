import { createSystemCheckRequest } from '#shared/contracts/system-check.ts';
import { createCheck, toView } from '#shared/domain/system-check.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { systemCheckDeps } from '#shared/system-check-deps.ts';

const deps = systemCheckDeps();

/**
 * Admins only: a public start let anyone make Lotse e-mail any address and start a paid workflow
 * (an open mail relay that would cost the organisation its SES sending rights).
 */
export const handler = httpHandler(
  async ({ event, body }) => {
    await authorize(event, ['admin'], deps.staff);
    const request = parseOrThrow(createSystemCheckRequest, body ?? {});
    const check = await createCheck(deps, request);
    return json(202, toView(check), { location: `/api/system-checks/${check.checkId}` });
  },
  { maxBodyBytes: 2048 },
);
