import { attentionReader } from '#shared/attention-deps.ts';
import { attentionKinds } from '#shared/domain/attention.ts';
import { receiptNumber } from '#shared/domain/submissions.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';
import * as z from '#shared/zod.ts';

const attention = attentionReader();
const staff = staffStore();
const query = z.object({
  kind: z.enum(attentionKinds),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

/** What needs attention of one kind, oldest first, page by page (ids and error names only). */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const { kind, limit, cursor } = parseOrThrow(query, event.queryStringParameters ?? {});
  const page = await attention.list(kind, {
    now: new Date(),
    limit,
    ...(cursor ? { cursor } : {}),
  });
  return json(200, {
    kind,
    items: page.items.map((item) => ({ ...item, receiptNumber: receiptNumber(item.submissionId) })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
});
