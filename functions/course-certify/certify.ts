import type { CourseDeps } from '#shared/course-deps.ts';
import { answerParticipant } from '#shared/course-events.ts';
import { type Certificate, type Course, courseHours } from '#shared/domain/course-model.ts';
import { attendanceSummary } from '#shared/domain/courses.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { mailParticipant, titleIn } from '../course-step/mailing.ts';
import { addCourseEvent } from '../course-step/timeline.ts';
import { newCertificateNumber, renderCertificatePdf, signedCredential } from './certificates.ts';

export type CertifyResult = { readonly outcome: 'certified' | 'not-certified' | 'skipped' };

/**
 * One participant of a finished course: met the attendance → a certificate (number, signed Open
 * Badges credential, stored), the enrolment certified and the PDF mailed; else not certified and a
 * kind mail offering the next course. Then their own execution is woken. A retry, or a second
 * certification run, finds the certificate and issues no second one.
 */
export async function certify(
  deps: CourseDeps,
  courseId: string,
  participantId: string,
): Promise<CertifyResult> {
  const [course, enrolment] = await Promise.all([
    deps.courses.getCourse(courseId),
    deps.courses.getEnrolment(courseId, participantId),
  ]);
  if (!course) throw new NotFoundError(`No course ${courseId}`);
  if (!enrolment || !['enrolled', 'certified', 'not-certified'].includes(enrolment.status))
    return { outcome: 'skipped' };
  const now = deps.now();
  const summary = attendanceSummary(course, enrolment);
  if (!summary.meets) {
    if (enrolment.status !== 'not-certified')
      await deps.courses.finishEnrolment({ courseId, participantId, status: 'not-certified', now });
    await addCourseEvent(deps, participantId, 'course-not-certified', { courseId });
    await mailParticipant(deps, {
      participantId,
      course,
      kind: 'not-certified',
      round: `course-not-certified#${courseId}`,
      extra: () => {
        const held = course.sessions.filter((s) => !s.cancelled);
        const attended = held.filter((s) => enrolment.attendance[s.sessionId] === true).length;
        return { attendance: { attended, total: held.length, requiredPercent: course.passPercent } };
      },
    });
    await answerParticipant(deps, participantId, { event: 'not-certified', courseId });
    return { outcome: 'not-certified' };
  }
  const certificate = await existingOrNew(deps, course, participantId, now);
  if (enrolment.status !== 'certified')
    await deps.courses.finishEnrolment({
      courseId,
      participantId,
      status: 'certified',
      certificateNumber: certificate.number,
      now,
    });
  await addCourseEvent(deps, participantId, 'course-certified', {
    courseId,
    certificate: certificate.number,
  });
  const verifyUrl = deps.publicUrl(`/verify/${certificate.number}`);
  await mailParticipant(deps, {
    participantId,
    course,
    kind: 'certified',
    round: `course-certified#${courseId}#${certificate.number}`,
    extra: async () => ({
      certificateNumber: certificate.number,
      verifyUrl,
      attachments: [
        {
          filename: `${certificate.number}.pdf`,
          contentType: 'application/pdf',
          content: await renderCertificatePdf({
            certificate,
            organisation: await deps.organisationWithLogo(),
            verifyUrl,
            locale: certificate.locale,
          }),
        },
      ],
    }),
  });
  await answerParticipant(deps, participantId, { event: 'certified', courseId });
  return { outcome: 'certified' };
}

async function existingOrNew(deps: CourseDeps, course: Course, participantId: string, now: Date) {
  const issued = await deps.courses.certificatesOf(participantId);
  const earlier = issued.find((c) => c.courseId === course.courseId);
  if (earlier) return earlier;
  const person = await deps.loadPerson(participantId);
  const held = course.sessions
    .filter((s) => !s.cancelled)
    .map((s) => s.date)
    .sort();
  const unsigned: Omit<Certificate, 'credential'> = {
    number: newCertificateNumber(now),
    participantId,
    courseId: course.courseId,
    formSlug: course.formSlug,
    name: person.name,
    programme: person.programme,
    courseTitle: titleIn(course, person.locale),
    locale: person.locale,
    firstSession: held[0] ?? '',
    lastSession: held[held.length - 1] ?? '',
    hours: courseHours(course),
    issuedAt: now.toISOString(),
    status: 'valid',
  };
  const certificate: Certificate = { ...unsigned, credential: await signedCredential(unsigned) };
  await deps.courses.putCertificate(certificate);
  return certificate;
}
