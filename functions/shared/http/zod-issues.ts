import type * as z from 'zod';
import { type FieldIssue, ValidationError } from '../domain/errors.ts';

/** Parses with a zod schema and turns every problem into a ValidationError that names the field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map(toFieldIssue));
}

export function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return { field, message: `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} are not allowed` };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { field, message: 'is required' };
  }
  return { field, message: issue.message };
}
