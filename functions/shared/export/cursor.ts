import { ValidationError } from '../domain/errors.ts';
import * as z from '../zod.ts';
import type { ExportRequest } from './export.ts';

/**
 * Where a paged export goes on: after which entry, with which columns (the versions the export
 * began with, so every page has the same ones), and which export it belongs to (for the audit).
 * It carries ids and sort keys only. A cursor used with another filter is refused, because its
 * position means nothing there.
 */
const cursorShape = z.object({
  exportId: z.uuid(),
  page: z.number().check(z.int(), z.minimum(1)),
  versions: z.array(z.number().check(z.int(), z.minimum(1))).check(z.minLength(1), z.maxLength(1000)),
  after: z.string().check(z.minLength(1), z.maxLength(300)),
  of: z.string().check(z.maxLength(1000)),
});

type Cursor = Omit<z.infer<typeof cursorShape>, 'of'>;

const fingerprint = (request: ExportRequest) =>
  JSON.stringify([
    request.filter.slug,
    request.filter.status,
    request.filter.from,
    request.filter.to,
    request.locale,
  ]);

export const encodeCursor = (cursor: Cursor, request: ExportRequest): string =>
  Buffer.from(JSON.stringify({ ...cursor, of: fingerprint(request) })).toString('base64url');

export function decodeCursor(text: string, request: ExportRequest): Cursor {
  let parsed: z.infer<typeof cursorShape>;
  try {
    parsed = cursorShape.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
  }
  if (parsed.of !== fingerprint(request))
    throw new ValidationError([{ field: 'cursor', message: 'belongs to an export with another filter' }]);
  const { of: _of, ...cursor } = parsed;
  return cursor;
}
