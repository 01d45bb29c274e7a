import { ApiError } from '../../api.ts';

/** The 400 answer's issues by field path (`capacity`, `sessions.1.end`, `title.de`). */
export function errorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const byField: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.field || '_';
    byField[field] = byField[field] ? `${byField[field]} ${issue.message}` : issue.message;
  }
  return byField;
}

/** The input's id for a field path, so a refused save can focus it. */
export const fieldId = (path: string) => `course-${path.replaceAll('.', '-')}`;

/** Errors under a prefix (`title` → `title.de`, `title`), joined. */
export const errorUnder = (errors: Record<string, string>, prefix: string) =>
  Object.entries(errors)
    .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`))
    .map(([, message]) => message)
    .join(' ') || undefined;
