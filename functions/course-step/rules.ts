import { zonedToUtc } from '#shared/calendar/zoned-time.ts';
import type { Course, Enrolment, Participant } from '#shared/domain/course-model.ts';

/*
 * Stand-ins for c-seats' functions/shared/domain/courses.ts until it lands; then this file only
 * re-exports from there. Same names and signatures as its brief.
 */

const held = (course: Pick<Course, 'sessions'>) => course.sessions.filter((s) => !s.cancelled);

export function firstSessionStart(course: Pick<Course, 'sessions' | 'timeZone'>): Date {
  const [first] = [...held(course)].sort((a, b) =>
    `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`),
  );
  if (!first) return new Date(0);
  return zonedToUtc(first.date, first.start, course.timeZone);
}

export function registrationOpen(course: Course, now: Date): boolean {
  const first = firstSessionStart(course);
  const deadline = course.registrationDeadline
    ? zonedToUtc(course.registrationDeadline, '23:59', course.timeZone)
    : new Date(first.getTime() - 60_000);
  return course.status === 'open' && now < deadline && now < first;
}

export function attendanceSummary(course: Course, enrolment: Pick<Enrolment, 'attendance'>) {
  const sessions = held(course);
  const attended = sessions.filter((s) => enrolment.attendance[s.sessionId] === true);
  const attendancePercent = sessions.length ? (attended.length / sessions.length) * 100 : 0;
  return {
    attendedHours: attended.length,
    attendancePercent,
    meets: attendancePercent >= course.passPercent,
  };
}

const notAgain = new Set(['declined', 'expired', 'not-certified', 'certified', 'cancelled']);

export function pickCourse(input: {
  courses: readonly Course[];
  history: readonly Enrolment[];
  participant: Participant;
  now: Date;
}): { courseId: string; mode: 'offer' | 'waiting' } | undefined {
  const tried = new Set(input.history.filter((e) => notAgain.has(e.status)).map((e) => e.courseId));
  const open = input.courses
    .filter(
      (c) =>
        c.formSlug === input.participant.formSlug && registrationOpen(c, input.now) && !tried.has(c.courseId),
    )
    .sort((a, b) => firstSessionStart(a).getTime() - firstSessionStart(b).getTime());
  const inLanguage = open.filter((c) => c.teachingLanguage === input.participant.locale);
  const candidates = inLanguage.length ? inLanguage : open;
  const free = candidates.find((c) => c.taken < c.capacity && c.waiting === 0);
  if (free) return { courseId: free.courseId, mode: 'offer' };
  const [soonest] = candidates;
  return soonest ? { courseId: soonest.courseId, mode: 'waiting' } : undefined;
}
