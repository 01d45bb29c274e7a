import type { CertificateView } from '#shared/contracts/courses.ts';
import type { Certificate } from '#shared/domain/course-model.ts';

/** A certificate for the console: what is printed and its status, not the signed credential. */
export const toCertificateView = (certificate: Certificate): CertificateView => ({
  number: certificate.number,
  participantId: certificate.participantId,
  courseId: certificate.courseId,
  name: certificate.name,
  programme: certificate.programme,
  courseTitle: certificate.courseTitle,
  firstSession: certificate.firstSession,
  lastSession: certificate.lastSession,
  hours: certificate.hours,
  issuedAt: certificate.issuedAt,
  status: certificate.status,
  ...(certificate.revokedAt ? { revokedAt: certificate.revokedAt } : {}),
  ...(certificate.revokedReason ? { revokedReason: certificate.revokedReason } : {}),
});
