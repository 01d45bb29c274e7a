import type { EnrolmentView } from '#shared/contracts/courses.ts';
import type { CourseAdminDeps } from '#shared/course-admin-deps.ts';
import type { Course, Enrolment } from '#shared/domain/course-model.ts';
import { toEnrolmentView } from './course-views.ts';

/** 1-based places on the waiting list, by rank (ranks have gaps after promotions and reorders). */
const waitingPositions = (enrolments: readonly Enrolment[]): Map<string, number> =>
  new Map(
    enrolments
      .filter((enrolment) => enrolment.status === 'waiting')
      .sort((a, b) => (a.waitingRank ?? 0) - (b.waitingRank ?? 0))
      .map((enrolment, index) => [enrolment.participantId, index + 1]),
  );

/** A course's enrolments with names; e-mail addresses only for those who may contact people. */
export async function enrolmentViews(
  deps: Pick<CourseAdminDeps, 'courses' | 'person'>,
  course: Course,
  withEmail: boolean,
): Promise<EnrolmentView[]> {
  const enrolments = await deps.courses.listEnrolments(course.courseId);
  const positions = waitingPositions(enrolments);
  return Promise.all(
    enrolments.map(async (enrolment) => {
      const { email, ...person } = await deps.person(enrolment.participantId);
      const {
        email: _hidden,
        waitingPosition: _rank,
        ...view
      } = toEnrolmentView(course, enrolment, {
        ...person,
        ...(withEmail && email ? { email } : {}),
      });
      const position = positions.get(enrolment.participantId);
      return {
        ...view,
        ...(withEmail && email ? { email } : {}),
        ...(position ? { waitingPosition: position } : {}),
      };
    }),
  );
}
