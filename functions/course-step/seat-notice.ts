import type { CourseDeps } from '#shared/course-deps.ts';
import type { Course } from '#shared/domain/course-model.ts';
import { seatCancelledNotice } from '#shared/mail/staff-course-mails.ts';
import { sendOnce } from '#shared/mail-delivery.ts';
import { titleIn } from './mailing.ts';

/**
 * Tells the course's coordinator that a volunteer gave their seat back (first name only), and
 * whether the seat went to the first person waiting. Staff read German or English.
 */
export async function noticeSeatCancelled(deps: CourseDeps, participantId: string, course: Course) {
  const [person, enrolments] = await Promise.all([
    deps.loadPerson(participantId),
    deps.courses.listEnrolments(course.courseId),
  ]);
  const given = enrolments.find((e) => e.participantId === participantId);
  const promoted = enrolments.some(
    (e) => e.status === 'offered' && given && (e.offeredAt ?? '') >= given.updatedAt,
  );
  const locale = course.teachingLanguage === 'de' ? 'de' : 'en';
  await sendOnce(deps, {
    submissionId: participantId,
    round: `course-seat-cancelled-notice#${course.courseId}`,
    recipient: course.coordinator,
    role: 'coordinator',
    build: async () =>
      seatCancelledNotice({
        to: course.coordinator,
        locale,
        firstName: person.firstName ?? '—',
        courseTitle: titleIn(course, locale),
        courseUrl: deps.publicUrl(`/console/courses/${course.courseId}`),
        promoted,
        organisation: await deps.organisation(),
      }),
  });
}
