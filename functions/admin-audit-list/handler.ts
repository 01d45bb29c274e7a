import { dynamoAuditReader } from '#shared/adapters/audit-log.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { settingsReadDeps } from '#shared/settings-deps.ts';
import * as z from '#shared/zod.ts';

const deps = settingsReadDeps();
const reader = dynamoAuditReader(deps.client, deps.config.TABLE_NAME);

const query = z.strictObject({
  from: z.optional(z.iso.datetime({ offset: true, message: 'must be a time such as 2025-01-31T00:00:00Z' })),
  to: z.optional(z.iso.datetime({ offset: true, message: 'must be a time such as 2025-01-31T23:59:59Z' })),
  actor: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  action: z.optional(
    z.string().check(z.regex(/^[a-z]+(\.[a-z-]+)+$/, 'must be an action such as settings.update')),
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
});

/**
 * The audit log for admins, newest first, within the retention the settings give (older entries
 * may still await DynamoDB's TTL, so they are cut off here too).
 */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], deps.staff);
  const params = parseOrThrow(query, event.queryStringParameters ?? {});
  const now = deps.now();
  const { auditRetentionDays } = await deps.current();
  const oldest = new Date(now.getTime() - auditRetentionDays * 86_400_000).toISOString();
  const requestedFrom = iso(params.from);
  const to = iso(params.to) ?? now.toISOString();
  if (requestedFrom && requestedFrom > to)
    throw new ValidationError([{ field: 'from', message: 'must not be later than to' }]);
  const from = requestedFrom && requestedFrom > oldest ? requestedFrom : oldest;
  // Everything asked for is older than the retention: gone, or about to be.
  if (from > to) return json(200, { entries: [] });
  const page = await reader.list({
    from,
    to,
    limit: params.limit,
    ...(params.actor ? { actor: params.actor } : {}),
    ...(params.action ? { action: params.action } : {}),
    ...(params.cursor ? { cursor: params.cursor } : {}),
  });
  return json(200, page);
});

const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);
