import type { CourseInput } from '#shared/contracts/courses.ts';
import type { Course } from '#shared/domain/course-model.ts';

const FIELDS = [
  'formSlug',
  'title',
  'description',
  'teachingLanguage',
  'place',
  'onlineUrl',
  'sessions',
  'capacity',
  'passPercent',
  'registrationDeadline',
  'coordinator',
  'holdHours',
  'timeZone',
] as const satisfies readonly (keyof CourseInput)[];

const sessionsOf = (sessions: readonly { date: string; start: string; end: string }[]) =>
  sessions.map(({ date, start, end }) => ({ date, start, end }));

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  ) ?? 'undefined';

/**
 * The fields in which a save differs from the course as stored: on a stale save these are what the
 * person would overwrite, so the 409 names them.
 */
export function changedFields(course: Course, input: CourseInput): string[] {
  return FIELDS.filter((field) => {
    if (field === 'sessions')
      return canonical(sessionsOf(course.sessions)) !== canonical(sessionsOf(input.sessions));
    return canonical(course[field]) !== canonical(input[field]);
  });
}
