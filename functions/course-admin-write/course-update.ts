import type { CourseAdminDeps } from '#shared/course-admin-deps.ts';
import type { Course } from '#shared/domain/course-model.ts';
import { ConflictError } from '#shared/domain/errors.ts';

/**
 * A change the server makes to a course on someone's behalf (cancel a session, complete
 * attendance): applied to the course as stored now, retried when an edit landed in between, so
 * it never overwrites that edit. `change` returns undefined when there is nothing to do.
 */
export async function changeCourse(
  deps: Pick<CourseAdminDeps, 'courses'>,
  courseId: string,
  change: (course: Course) => Course | undefined,
  attempts = 4,
): Promise<{ before: Course; after: Course; changed: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    const before = await deps.courses.getCourse(courseId);
    if (!before) throw new ConflictError('The course is gone.');
    const next = change(before);
    if (!next) return { before, after: before, changed: false };
    const after = { ...next, revision: before.revision + 1 };
    try {
      await deps.courses.updateCourse(after, before.revision);
      return { before, after, changed: true };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
    }
  }
}
