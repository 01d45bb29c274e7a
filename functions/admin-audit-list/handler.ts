import * as z from 'zod';
import { dynamoAuditReader } from '#shared/adapters/audit-log.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { settingsReadDeps } from '#shared/settings-deps.ts';

const deps = settingsReadDeps();
const reader = dynamoAuditReader(deps.client, deps.config.TABLE_NAME);

const query = z.strictObject({
  from: z.iso.datetime({ offset: true, message: 'must be a time such as 2025-01-31T00:00:00Z' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'must be a time such as 2025-01-31T23:59:59Z' }).optional(),
  actor: z.string().min(1).max(128).optional(),
  action: z
    .string()
    .regex(/^[a-z]+(\.[a-z-]+)+$/, 'must be an action such as settings.update')
    .optional(),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
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
