import { INBOX_STATUSES, type InboxStatus } from '#shared/domain/inbox.ts';
import { assertFormInScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { formParam } from '#shared/inbox-http.ts';
import { inboxViewDeps } from '#shared/inbox-read-deps.ts';
import * as z from '#shared/zod.ts';

const deps = inboxViewDeps();
const params = z.strictObject({ form: z.optional(formParam) });

/** Counts per status, per form and in total, from the counts items the projection keeps (no query over entries). */
export const handler = httpHandler(async ({ event }) => {
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { form } = parseOrThrow(params, event.queryStringParameters ?? {});
  if (form) assertFormInScope(scope, form);
  const forms = await deps.queries.counts(await deps.formsFor(scope, form));
  const total: Record<string, number> = { total: 0 };
  for (const counts of Object.values(forms)) {
    for (const [status, count] of Object.entries(counts))
      total[status] = (total[status] ?? 0) + Number(count);
  }
  const complete = (counts: Record<string, number>) => ({
    ...Object.fromEntries(INBOX_STATUSES.map((status: InboxStatus) => [status, Number(counts[status] ?? 0)])),
    total: Number(counts.total ?? 0),
  });
  return json(200, {
    total: complete(total),
    forms: Object.fromEntries(Object.entries(forms).map(([slug, counts]) => [slug, complete(counts)])),
  });
});
