import type { CourseAdminDeps } from '#shared/course-admin-deps.ts';
import type { Course } from '#shared/domain/course-model.ts';
import { changeCourse } from './course-update.ts';

/** Every session that takes place has its attendance recorded (and there is at least one). */
export const attendanceComplete = (course: Course): boolean => {
  const held = course.sessions.filter((session) => !session.cancelled);
  return held.length > 0 && held.every((session) => session.attendanceCompletedAt);
};

/**
 * When the last session's attendance is complete: marks the course's certification running and
 * starts `course-certification` over the enrolled participants. The execution is named by the
 * revision that set it running, so a repeated request starts nothing twice.
 */
export async function certifyWhenComplete(
  deps: Pick<CourseAdminDeps, 'courses' | 'startExecution' | 'now'>,
  courseId: string,
): Promise<string | undefined> {
  const { after } = await changeCourse(deps, courseId, (course) =>
    attendanceComplete(course) && course.certification === 'not-started'
      ? { ...course, certification: 'running', updatedAt: deps.now().toISOString() }
      : undefined,
  );
  if (!attendanceComplete(after) || after.certification !== 'running') return undefined;
  const participantIds = (await deps.courses.listEnrolments(courseId))
    .filter((enrolment) => enrolment.status === 'enrolled')
    .map((enrolment) => enrolment.participantId);
  const name = `${courseId}-${after.revision}`;
  await deps.startExecution('course-certification', name, { courseId, participantIds });
  return name;
}
