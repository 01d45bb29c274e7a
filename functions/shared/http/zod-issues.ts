import { type FieldIssue, ValidationError } from '../domain/errors.ts';
import * as z from '../zod.ts';

/** Parses with a zod schema and turns every problem into a ValidationError that names the field. */
export function parseOrThrow<T extends z.core.$ZodType>(schema: T, value: unknown): z.output<T> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.flatMap(toFieldIssues));
}

/** One issue per offending field, in words a person understands rather than zod's defaults. */
export function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const field = issue.path.map(String).join('.');
  const at = (key: string) => (field ? `${field}.${key}` : key);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: at(key), message: 'is not an accepted field' }));
    case 'invalid_type':
      return [
        { field, message: issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}` },
      ];
    case 'too_small':
      if (issue.origin === 'string') {
        return [
          {
            field,
            message:
              Number(issue.minimum) <= 1
                ? 'must not be empty'
                : `must have at least ${issue.minimum} characters`,
          },
        ];
      }
      return [
        { field, message: hasCustomMessage(issue) ? issue.message : `must be at least ${issue.minimum}` },
      ];
    case 'too_big':
      if (issue.origin === 'string')
        return [{ field, message: `must have at most ${issue.maximum} characters` }];
      return [
        { field, message: hasCustomMessage(issue) ? issue.message : `must be at most ${issue.maximum}` },
      ];
    default:
      return [{ field, message: issue.message }];
  }
}

const hasCustomMessage = (issue: z.core.$ZodIssue) => !issue.message.startsWith('Too ');
const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
