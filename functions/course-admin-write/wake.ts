import type { CourseAdminDeps } from '#shared/course-admin-deps.ts';
import { ACTIVE_STATUSES } from '#shared/course-admin-http.ts';
import type { ParticipantEvent } from '#shared/course-events.ts';

/**
 * Wakes everybody offered, enrolled or waiting in a course with one event; returns how many were
 * parked. Someone not parked right now is caught by their wait's timeout, which re-reads the course.
 */
export async function wakeEveryone(
  deps: Pick<CourseAdminDeps, 'courses' | 'wake'>,
  courseId: string,
  event: ParticipantEvent,
  participantIds?: readonly string[],
): Promise<number> {
  const ids =
    participantIds ??
    (await deps.courses.listEnrolments(courseId))
      .filter((enrolment) => ACTIVE_STATUSES.has(enrolment.status))
      .map((enrolment) => enrolment.participantId);
  let woken = 0;
  for (const id of ids) if (await deps.wake(id, event)) woken += 1;
  return woken;
}
