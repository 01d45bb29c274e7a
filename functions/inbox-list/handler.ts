import { ValidationError } from '#shared/domain/errors.ts';
import { INBOX_STATUSES, INBOX_STEPS, toRow } from '#shared/domain/inbox.ts';
import { assertFormInScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { cursorParam, dateOrTime, decodeCursor, encodeCursor, formParam } from '#shared/inbox-http.ts';
import { inboxViewDeps } from '#shared/inbox-read-deps.ts';
import * as z from '#shared/zod.ts';

const deps = inboxViewDeps();

const params = z.strictObject({
  form: z.optional(formParam),
  status: z.optional(z.enum(INBOX_STATUSES)),
  step: z.optional(z.enum(INBOX_STEPS)),
  from: z.optional(dateOrTime),
  to: z.optional(dateOrTime),
  assigned: z.optional(z.literal('me', { message: 'must be "me"' })),
  cursor: z.optional(cursorParam),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
});

/**
 * One page of the inbox, newest first: one form, or every form the caller may see (one index
 * query per form, merged). The cursor is the last row's sort key, so pages stay stable while new
 * applications arrive at the top.
 */
export const handler = httpHandler(async ({ event }) => {
  const { caller, scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const query = parseOrThrow(params, event.queryStringParameters ?? {});
  if (query.form) assertFormInScope(scope, query.form);
  if (query.from && query.to && query.from > query.to)
    throw new ValidationError([{ field: 'to', message: 'must not be before from' }]);
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  // An admin's own assignments need no form filter (and every form may be more than IN allows).
  const forms = query.assigned && scope.all && !query.form ? [] : await deps.formsFor(scope, query.form);
  const page = await deps.queries.list({
    forms,
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
    ...(query.step ? { step: query.step } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.assigned ? { assignee: caller.sub } : {}),
    ...(before ? { before } : {}),
  });
  return json(200, {
    items: page.entries.map(toRow),
    ...(page.before ? { cursor: encodeCursor(page.before) } : {}),
  });
});
