import { formPath, parsePath } from '#shared/admin-route.ts';
import { auditDeps } from '#shared/audit-deps.ts';
import { rollback } from '#shared/domain/forms.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';
import * as z from '#shared/zod.ts';

const deps = formsDeps();
const staff = staffStore();
const { audit, actor } = auditDeps();
export const rollbackRequest = z.strictObject({
  version: z.optional(z.number().check(z.int(), z.minimum(1))),
});

/** Publishes an earlier version again (by default the one before the current). */
export const handler = httpHandler(async ({ event, body }) => {
  const { caller } = await authorize(event, ['admin'], staff);
  const { slug } = parsePath(formPath, event.pathParameters);
  const { version } = parseOrThrow(rollbackRequest, body ?? {});
  const before = await deps.forms.getSummary(slug);
  const published = await rollback(deps, slug, caller.username, version);
  await audit.record({
    at: deps.now().toISOString(),
    actor: actor(caller),
    action: 'form.rollback',
    target: { type: 'form', id: slug },
    before: { publishedVersion: before?.publishedVersion ?? null },
    after: { publishedVersion: published.publishedVersion ?? null },
  });
  return json(200, published);
});
