import { localeCode, slug } from '#shared/contracts/form-definition.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { INBOX_STATUSES } from '#shared/domain/inbox.ts';
import { assertFormInScope } from '#shared/domain/staff.ts';
import { exportDeps } from '#shared/export/deps.ts';
import { type ExportRequest, exportFile, exportPage } from '#shared/export/export.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import * as z from '#shared/zod.ts';

const deps = exportDeps();

const dateOrTime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/, {
    message: 'must be a date (2026-03-31) or a UTC time (2026-03-31T12:00:00Z)',
  }),
);

const query = z.object({
  form: slug,
  format: z.enum(['csv', 'xlsx', 'json']),
  status: z.optional(z.enum(INBOX_STATUSES)),
  from: z.optional(dateOrTime),
  to: z.optional(dateOrTime),
  locale: z.optional(localeCode),
  cursor: z.optional(z.string().check(z.maxLength(4000))),
});

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * API Gateway answers a Lambda with at most 6 MB and a file travels base64-encoded, so a file is
 * answered directly up to 4 MB (a CSV gzip-compressed when the client accepts it); larger exports go page by page (`format=json`), as the CLI does.
 *
 * Exports a form's submissions, newest first and filtered, as CSV or Excel: a funder report is
 * reading, so viewers may export too, each within the forms assigned to them. Every export is audited.
 */
export const handler = httpHandler(async ({ event }) => {
  const { caller, scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { form, format, status, from, to, locale, cursor } = parseOrThrow(
    query,
    event.queryStringParameters ?? {},
  );
  assertFormInScope(scope, form);
  if (from && to && from > to)
    throw new ValidationError([{ field: 'from', message: 'must not be after to' }]);
  const request: ExportRequest = {
    filter: { slug: form, ...(status ? { status } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
    ...(locale ? { locale } : {}),
  };
  if (format === 'json') return json(200, await exportPage(deps, caller, request, cursor, deps.pageBudget));
  const gzip = /\bgzip\b/.test(event.headers?.['accept-encoding'] ?? '');
  const file = await exportFile(deps, caller, request, format, deps.maxFileBytes, { gzip });
  const filename = `${form}-${deps.now().toISOString().slice(0, 10)}.${format}`;
  return {
    statusCode: 200,
    headers: {
      'content-type': contentTypes[format],
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-export-rows': String(file.rows),
      ...(file.gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    },
    body: file.body.toString('base64'),
    isBase64Encoded: true,
  };
});
