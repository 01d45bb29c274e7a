import type { MailMessage } from '#shared/adapters/mailer.ts';
import {
  type CourseMailCourse,
  certifiedMail,
  confirmationMail,
  courseCancelledMail,
  noCourseYetMail,
  notCertifiedMail,
  offerExpiredMail,
  offerMail,
  promotedOfferMail,
  reminderMail,
  seatCancelledMail,
  sessionCancelledMail,
  sessionMovedMail,
  type VolunteerMailBase,
  waitingListMail,
} from '#shared/mail/course-mails.ts';
import type { CourseMailContext } from './mailing.ts';

export type CourseMailKind =
  | 'offer'
  | 'promoted'
  | 'confirmation'
  | 'waiting'
  | 'expired'
  | 'no-course'
  | 'reminder-soon'
  | 'reminder-tomorrow'
  | 'session-cancelled'
  | 'session-moved'
  | 'course-cancelled'
  | 'seat-cancelled'
  | 'certified'
  | 'not-certified';

/** Picks c-mails' builder for a kind and gives it the display data it takes. */
export function courseMail(context: CourseMailContext): MailMessage {
  const { person, extra, course, courseTitle } = context;
  const base: VolunteerMailBase = {
    to: context.to,
    locale: person.locale,
    ...(person.firstName ? { firstName: person.firstName } : {}),
    organisation: context.organisation,
    pageUrl: context.pageUrl,
    ...(context.approved ? { approvedFor: person.programme } : {}),
  };
  const calendar = context.calendar ?? '';
  const withCalendar = context.calendar ? { calendar: context.calendar } : {};
  if (context.kind === 'no-course') return noCourseYetMail({ ...base, programme: person.programme });
  if (context.kind === 'expired') return offerExpiredMail({ ...base, courseTitle });
  if (context.kind === 'course-cancelled')
    return courseCancelledMail({ ...base, courseTitle, ...withCalendar });
  if (context.kind === 'seat-cancelled') return seatCancelledMail({ ...base, courseTitle, ...withCalendar });
  if (context.kind === 'not-certified')
    return notCertifiedMail({
      ...base,
      courseTitle,
      ...(extra.attendance ? { attendance: extra.attendance } : {}),
    });
  if (context.kind === 'certified')
    return certifiedMail({
      ...base,
      programme: person.programme,
      courseTitle,
      certificateNumber: extra.certificateNumber ?? '',
      verifyUrl: extra.verifyUrl ?? '',
      attachments: extra.attachments ?? [],
    });
  if (!course) throw new Error(`A ${context.kind} mail needs its course`);
  const view: CourseMailCourse = {
    title: courseTitle,
    ...(course.place ? { place: course.place } : {}),
    ...(course.onlineUrl ? { onlineUrl: course.onlineUrl } : {}),
    sessions: course.sessions,
    timeZone: course.timeZone,
  };
  switch (context.kind) {
    case 'offer':
    case 'promoted':
      return (context.kind === 'offer' ? offerMail : promotedOfferMail)({
        ...base,
        course: view,
        holdUntil: extra.holdUntil ?? new Date(),
        acceptUrl: extra.acceptUrl ?? '',
        declineUrl: extra.declineUrl ?? '',
        calendar,
      });
    case 'confirmation':
      return confirmationMail({ ...base, course: view, calendar });
    case 'waiting':
      return waitingListMail({ ...base, course: view, position: extra.position ?? 1 });
    case 'reminder-soon':
    case 'reminder-tomorrow':
      return reminderMail({
        ...base,
        course: view,
        kind: context.kind === 'reminder-soon' ? 'soon' : 'tomorrow',
        ...withCalendar,
      });
    default: {
      const session = course.sessions.find((s) => s.sessionId === extra.sessionId) ?? course.sessions[0];
      if (!session) throw new Error('A session mail needs its session');
      const reason = session.cancelReason ? { reason: session.cancelReason } : {};
      return context.kind === 'session-cancelled'
        ? sessionCancelledMail({ ...base, course: view, session, calendar, ...reason })
        : sessionMovedMail({ ...base, course: view, previous: session, moved: session, calendar, ...reason });
    }
  }
}
