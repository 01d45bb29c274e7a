import type { EnrolmentView } from '#shared/contracts/courses.ts';
import type { CourseAdminReadDeps } from '#shared/course-admin-deps.ts';
import type { Course } from '#shared/domain/course-model.ts';
import { toEnrolmentView } from '#shared/domain/courses.ts';

/** A course's enrolments with names; e-mail addresses only for those who may contact people. */
export async function enrolmentViews(
  deps: Pick<CourseAdminReadDeps, 'courses' | 'person'>,
  course: Course,
  withEmail: boolean,
): Promise<EnrolmentView[]> {
  const enrolments = await deps.courses.listEnrolments(course.courseId);
  return Promise.all(
    enrolments.map(async (enrolment) => {
      const { email, ...person } = await deps.person(enrolment.participantId);
      return toEnrolmentView(
        course,
        enrolment,
        { ...person, ...(withEmail && email ? { email } : {}) },
        enrolments,
      );
    }),
  );
}
