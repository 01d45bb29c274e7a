import { looksLikeCertificateNumber } from './certificates/number.ts';
import type { Course, CourseStore } from './domain/course-model.ts';
import { ConflictError, NotFoundError, ValidationError } from './domain/errors.ts';
import { type Caller, type FormScope, inScope } from './domain/staff.ts';
import { parseOrThrow } from './http/zod-issues.ts';
import * as z from './zod.ts';

/** Path and query parameters of the console's course routes, checked like any other input. */
const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9._-]+$/, 'is not an id'));
export const coursePath = z.object({ courseId: id });
export const sessionPath = z.extend(coursePath, { sessionId: id });
export const attendancePath = z.extend(sessionPath, { participantId: id });
export const certificatePath = z.object({
  number: z.string().check(z.refine(looksLikeCertificateNumber, 'is not a certificate number')),
});
export const courseQuery = z.object({ course: id });
export const formQuery = z.object({ form: z.string().check(z.minLength(1, 'is required'), z.maxLength(64)) });

export const parseParams = <T extends z.ZodMiniType>(
  schema: T,
  parameters: Record<string, string | undefined> | undefined,
) => parseOrThrow(schema, parameters ?? {});

/** Staff who may see e-mail addresses: coordinators and admins; viewers see names only. */
export const seesEmail = (caller: Caller): boolean =>
  caller.groups.includes('admin') || caller.groups.includes('coordinator');

/**
 * The course, if the caller may see its programme. A course of a programme the caller is not
 * assigned to is answered like one that does not exist, so its id tells nothing about other forms.
 */
export async function courseInScope(
  courses: Pick<CourseStore, 'getCourse'>,
  scope: FormScope,
  courseId: string,
): Promise<Course> {
  const course = await courses.getCourse(courseId);
  if (!course || !inScope(scope, course.formSlug))
    throw new NotFoundError('There is no course with this id.');
  return course;
}

/** Changes need the course open: a cancelled or completed course is history. */
export function assertOpen(course: Course): void {
  if (course.status !== 'open') throw new ConflictError(`The course is ${course.status}.`);
}

export function sessionOf(course: Course, sessionId: string) {
  const session = course.sessions.find((candidate) => candidate.sessionId === sessionId);
  if (!session) throw new NotFoundError('The course has no session with this id.');
  return session;
}

/** Whom a course-wide event concerns: everybody holding, having or waiting for a seat. */
export const ACTIVE_STATUSES = new Set(['offered', 'enrolled', 'waiting']);

const isRealDate = (date: string): boolean => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
};

/**
 * The contract checks a date's form (YYYY-MM-DD); this also refuses days that do not exist, such
 * as 2027-02-30, naming each field, before such a date could reach a calendar or a reminder.
 */
export function assertRealDates(dates: Readonly<Record<string, string | undefined>>): void {
  const issues = Object.entries(dates)
    .filter(([, date]) => date !== undefined && !isRealDate(date))
    .map(([field]) => ({ field, message: 'is not a day of the calendar' }));
  if (issues.length > 0) throw new ValidationError(issues);
}

/** The dates of a course input by field path. */
export const courseDates = (input: {
  sessions: readonly { date: string }[];
  registrationDeadline?: string | undefined;
}): Record<string, string | undefined> => ({
  ...Object.fromEntries(input.sessions.map((session, index) => [`sessions.${index}.date`, session.date])),
  registrationDeadline: input.registrationDeadline,
});
