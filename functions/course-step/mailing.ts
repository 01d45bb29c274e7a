import type { MailAttachment, MailMessage } from '#shared/adapters/mailer.ts';
import { courseCalendar } from '#shared/calendar/ics.ts';
import type { CourseDeps, Person } from '#shared/course-deps.ts';
import type { Course } from '#shared/domain/course-model.ts';
import { type Delivery, sendOnce } from '#shared/mail-delivery.ts';
import { type CourseMailKind, courseMail } from './mail-kinds.ts';

export type { CourseMailKind };

/** Display data every course mail is built from (never stores, never ids in the text). */
export interface CourseMailContext {
  readonly kind: CourseMailKind;
  readonly to: string;
  readonly person: Person;
  /** Absent only for the "no course yet" mail. */
  readonly course?: Course;
  readonly courseTitle: string;
  readonly pageUrl: string;
  readonly organisation: string;
  /** The course's .ics text, for the mails that carry it. */
  readonly calendar?: string;
  /** The path's first mail after approval: it opens with the approval. */
  readonly approved?: boolean;
  readonly extra: MailExtra;
}

/** What only some mails need. */
export interface MailExtra {
  readonly acceptUrl?: string;
  readonly declineUrl?: string;
  readonly holdUntil?: Date;
  readonly position?: number;
  readonly sessionId?: string;
  readonly attendance?: { attended: number; total: number; requiredPercent: number };
  readonly certificateNumber?: string;
  readonly verifyUrl?: string;
  readonly attachments?: readonly MailAttachment[];
}

/** A course's title in a language, else in its teaching language, else any. */
export const titleIn = (course: Pick<Course, 'title' | 'teachingLanguage'>, locale: string): string =>
  course.title[locale] ?? course.title[course.teachingLanguage] ?? Object.values(course.title)[0] ?? '';

/**
 * Sends one course mail to a participant at most once per round (mail-delivery.ts sendOnce, keyed
 * on the participant id as the submission id), in their language. `extra` runs only when the mail
 * really goes out, so offer links are minted only for mails that are sent. No address: nothing sent.
 */
export async function mailParticipant(
  deps: CourseDeps,
  input: {
    participantId: string;
    course?: Course;
    kind: CourseMailKind;
    round: string;
    withCalendar?: boolean;
    /** Onboarding's approval rides on this mail (no separate "approved" mail). */
    approved?: boolean;
    extra?: () => Promise<MailExtra> | MailExtra;
  },
): Promise<Delivery | 'no-address'> {
  const delivery = await send(deps, input);
  if (input.approved)
    // The approval's timeline says the applicant was told, as when onboarding mailed it itself.
    await deps.approvals.addEvent(input.participantId, {
      at: deps.now().toISOString(),
      action: 'applicant-told-approved',
      actor: 'system',
      detail: { emailed: String(delivery === 'sent') },
    });
  return delivery;
}

async function send(
  deps: CourseDeps,
  input: Parameters<typeof mailParticipant>[1],
): Promise<Delivery | 'no-address'> {
  const person = await deps.loadPerson(input.participantId);
  const participant = await deps.courses.getParticipant(input.participantId);
  const to = person.email;
  if (!to || !participant) return 'no-address';
  const { course } = input;
  const pageUrl = deps.publicUrl(`/me/${participant.pageToken}`);
  return sendOnce(deps, {
    submissionId: input.participantId,
    round: input.round,
    recipient: to,
    role: 'applicant',
    build: async (): Promise<MailMessage> => {
      const organisation = await deps.organisation();
      const courseTitle = course ? titleIn(course, person.locale) : '';
      const calendar =
        course && input.withCalendar
          ? courseCalendar({
              courseId: course.courseId,
              title: courseTitle,
              ...(course.place ? { place: course.place } : {}),
              ...(course.onlineUrl ? { onlineUrl: course.onlineUrl } : {}),
              sessions: course.sessions,
              timeZone: course.timeZone,
              organiser: { name: organisation, email: deps.config.MAIL_FROM },
              pageUrl,
              revision: course.revision,
              // Giving the seat back takes the sessions out of their calendar, as a cancelled course does.
              cancelled: course.status === 'cancelled' || input.kind === 'seat-cancelled',
            })
          : undefined;
      return courseMail({
        kind: input.kind,
        to,
        person,
        ...(course ? { course } : {}),
        courseTitle,
        pageUrl,
        organisation,
        ...(calendar ? { calendar } : {}),
        ...(input.approved ? { approved: true } : {}),
        extra: (await input.extra?.()) ?? {},
      });
    },
  });
}
