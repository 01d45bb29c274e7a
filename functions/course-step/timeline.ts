import type { CourseDeps } from '#shared/course-deps.ts';

/** Course steps staff see on the application's timeline (ids and counts only, no personal data). */
export type CourseAction =
  | 'course-offered'
  | 'course-enrolled'
  | 'course-declined'
  | 'course-expired'
  | 'course-waiting'
  | 'course-none'
  | 'course-left-waiting-list'
  | 'course-seat-cancelled'
  | 'course-cancelled'
  | 'course-certified'
  | 'course-not-certified';

export async function addCourseEvent(
  deps: Pick<CourseDeps, 'approvals' | 'now'>,
  participantId: string,
  action: CourseAction,
  detail: Record<string, string> = {},
): Promise<void> {
  await deps.approvals.addEvent(participantId, {
    at: deps.now().toISOString(),
    action,
    actor: 'system',
    detail,
  });
}
