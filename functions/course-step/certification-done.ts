import type { CourseDeps } from '#shared/course-deps.ts';
import { ConflictError, NotFoundError } from '#shared/domain/errors.ts';

/** Saves against the course's current revision; an edit in between is retried a few times. */
const TRIES = 5;

/** The certification execution's last step: the course is marked certified through. */
export async function certificationDone(deps: CourseDeps, courseId: string): Promise<{ courseId: string }> {
  for (let attempt = 1; ; attempt++) {
    const course = await deps.courses.getCourse(courseId);
    if (!course) throw new NotFoundError(`No course ${courseId}`);
    if (course.certification === 'done') return { courseId };
    try {
      await deps.courses.updateCourse(
        { ...course, certification: 'done', updatedAt: deps.now().toISOString() },
        course.revision,
      );
      return { courseId };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= TRIES) throw error;
    }
  }
}
