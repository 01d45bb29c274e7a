import { slug } from './contracts/form-definition.ts';
import { NotFoundError, ValidationError } from './domain/errors.ts';
import { type FormScope, inScope } from './domain/staff.ts';
import type { Submission } from './domain/submissions.ts';
import * as z from './zod.ts';

/** What inbox and submission routes share: the cursor, the parameters, the scope check. */

/** A page's cursor: the sort key of its last row, so the next page is everything strictly older. */
export const encodeCursor = (before: string): string =>
  Buffer.from(JSON.stringify({ before })).toString('base64url');

/** A cursor this API did not give out is a 400 naming the field, not a 500. */
export function decodeCursor(cursor: string, field = 'cursor'): string {
  try {
    const { before } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { before?: unknown };
    if (typeof before === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z#[0-9a-f-]{36}$/.test(before)) return before;
  } catch {}
  throw new ValidationError([{ field, message: 'is not a cursor this API gave out' }]);
}

/** A date (`2026-05-01`) or an instant (`2026-05-01T10:00:00.000Z`); both compare with `receivedAt`. */
export const dateOrTime = z.string().check(
  z.regex(/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z)?$/, {
    message: 'must be a date such as 2026-05-01 or a time such as 2026-05-01T10:00:00Z',
  }),
);

export const formParam = slug;
export const cursorParam = z.string().check(z.maxLength(400));
export const submissionPath = z.object({ submissionId: z.uuid() });

/**
 * The submission, if the caller may see its form. Out of scope is a 404 like a missing one, so
 * the answer does not tell which ids exist.
 */
export async function submissionInScope(
  submissions: { get(id: string): Promise<Submission | undefined> },
  scope: FormScope,
  submissionId: string,
): Promise<Submission> {
  const submission = await submissions.get(submissionId);
  if (!submission || !inScope(scope, submission.formSlug))
    throw new NotFoundError('There is no application with this id.');
  return submission;
}
