import type { Course, Session } from '#shared/domain/course-model.ts';
import { sessionHours } from '#shared/domain/course-model.ts';

/** A localised text in the wanted language, else the course's teaching language, else any. */
export function pick(
  texts: Readonly<Record<string, string>> | undefined,
  locale: string,
  fallback?: string,
): string | undefined {
  if (!texts) return undefined;
  return texts[locale] ?? (fallback ? texts[fallback] : undefined) ?? Object.values(texts)[0];
}

export const courseTitle = (course: Course, locale: string): string =>
  pick(course.title, locale, course.teachingLanguage) ?? course.courseId;

export function sessionOut(session: Session) {
  return {
    sessionId: session.sessionId,
    date: session.date,
    start: session.start,
    end: session.end,
    hours: sessionHours(session),
    cancelled: session.cancelled ?? false,
    ...(session.cancelReason ? { cancelReason: session.cancelReason } : {}),
    ...(session.attendanceCompletedAt ? { attendanceCompletedAt: session.attendanceCompletedAt } : {}),
  };
}
