import type { MailAttachment, MailMessage } from '../adapters/mailer.ts';
import { calendarAttachment } from '../calendar/ics.ts';
import { courseHours, type Session } from '../domain/course-model.ts';
import { type ShippedLocale, shippedLocaleFor } from '../i18n/locales.ts';
import { formatCount, formatHours, formatInstant, formatSession, sessionFact } from './course-format.ts';
import { type CourseMailTexts, courseMailTexts } from './course-texts/index.ts';
import { greeting, sentAutomatically, signOff } from './greeting.ts';
import { type Block, renderMail } from './layout.ts';

/**
 * The e-mails of a volunteer's course path, in their language. Pure builders: callers pass display
 * data (the title already in the volunteer's locale, links, the .ics text from courseCalendar) and
 * send the result with sendOnce. Staff notices are in staff-course-mails.ts.
 */

export interface CourseMailCourse {
  /** In the volunteer's language. */
  readonly title: string;
  readonly place?: string;
  readonly onlineUrl?: string;
  readonly sessions: readonly Session[];
  /** The zone of the sessions' clock times, for "held until …". */
  readonly timeZone: string;
}

export interface VolunteerMailBase {
  readonly to: string;
  readonly locale: string;
  readonly firstName?: string;
  readonly organisation: string;
  /** The volunteer's own page. */
  readonly pageUrl: string;
  /**
   * The programme the volunteer was just approved for: the path's first mail then opens with the
   * approval, so they get one mail instead of "approved" and, a second later, this one.
   */
  readonly approvedFor?: string;
}

interface Context {
  readonly locale: ShippedLocale;
  readonly t: CourseMailTexts;
}

/** Fills {name} placeholders in one pass, so a course title containing braces stays as it is. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for {${key}} in a course mail text`);
    return String(value);
  });
}

const contextOf = (locale: string): Context => {
  const shipped = shippedLocaleFor(locale);
  return { locale: shipped, t: courseMailTexts[shipped] };
};

const opening = (c: Context, input: VolunteerMailBase, text: string): Block => ({
  kind: 'text',
  text: `${greeting(c.locale, input.firstName)}\n${approvedOpening(c, input, text)}`,
});

/** The approval sentence before the mail's own intro, which then starts a sentence of its own. */
function approvedOpening(c: Context, input: VolunteerMailBase, text: string): string {
  if (!input.approvedFor) return text;
  const approved = fill(c.t.approved.intro, { programme: input.approvedFor });
  return `${approved} ${text.charAt(0).toLocaleUpperCase(c.locale)}${text.slice(1)}`;
}

/** Where and when: place or online link, every session with its hours, the total. */
function courseBlocks(c: Context, course: CourseMailCourse): Block[] {
  const where: [string, string][] = [];
  if (course.place) where.push([c.t.place, course.place]);
  if (course.onlineUrl) where.push([c.t.online, course.onlineUrl]);
  where.push([c.t.totalHours, formatHours(courseHours(course), c.locale)]);
  return [
    { kind: 'text', text: c.t.sessions },
    { kind: 'facts', facts: course.sessions.map((s) => sessionFact(s, c.locale, c.t.cancelledMark)) },
    { kind: 'facts', facts: where },
  ];
}

const pageButton = (c: Context, input: VolunteerMailBase): Block => ({
  kind: 'buttons',
  buttons: [{ label: c.t.ownPage, url: input.pageUrl }],
});

function finish(
  c: Context,
  input: VolunteerMailBase,
  subject: string,
  blocks: Block[],
  attachments: readonly MailAttachment[] = [],
): MailMessage {
  const mail = renderMail({
    to: input.to,
    subject,
    locale: c.locale,
    blocks,
    footer: signOff(input.organisation, sentAutomatically[c.locale]),
  });
  return attachments.length ? { ...mail, attachments } : mail;
}

const calendarFiles = (calendar: string | undefined, cancelled = false): MailAttachment[] =>
  calendar ? [calendarAttachment(calendar, cancelled)] : [];

export interface OfferMailInput extends VolunteerMailBase {
  readonly course: CourseMailCourse;
  readonly holdUntil: Date | string;
  /** The offer page with the answer preselected; only the page's POST acts. */
  readonly acceptUrl: string;
  readonly declineUrl: string;
  /** The course's .ics (courseCalendar). */
  readonly calendar: string;
}

function offerLike(input: OfferMailInput, kind: 'offer' | 'promoted'): MailMessage {
  const c = contextOf(input.locale);
  const texts = kind === 'offer' ? c.t.offer : c.t.promoted;
  const values = { course: input.course.title };
  const until = formatInstant(input.holdUntil, c.locale, input.course.timeZone);
  return finish(
    c,
    input,
    fill(texts.subject, values),
    [
      opening(c, input, fill(texts.intro, values)),
      { kind: 'text', text: fill(c.t.offer.hold, { until }) },
      ...courseBlocks(c, input.course),
      {
        kind: 'buttons',
        buttons: [
          { label: c.t.offer.accept, url: input.acceptUrl },
          { label: c.t.offer.decline, url: input.declineUrl },
        ],
      },
      { kind: 'text', text: `${c.t.offer.linkNote}\n${c.t.calendarAttached}` },
      pageButton(c, input),
    ],
    calendarFiles(input.calendar),
  );
}

/** A seat held for a limited time, with Accept and Decline. */
export const offerMail = (input: OfferMailInput): MailMessage => offerLike(input, 'offer');

/** A freed seat went to the first person waiting: the same offer, told as such. */
export const promotedOfferMail = (input: OfferMailInput): MailMessage => offerLike(input, 'promoted');

/** The seat is theirs. */
export function confirmationMail(
  input: VolunteerMailBase & { course: CourseMailCourse; calendar: string },
): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.course.title };
  return finish(
    c,
    input,
    fill(c.t.confirmation.subject, values),
    [
      opening(c, input, fill(c.t.confirmation.intro, values)),
      ...courseBlocks(c, input.course),
      { kind: 'text', text: `${c.t.calendarAttached}\n${c.t.confirmation.cancelHint}` },
      pageButton(c, input),
    ],
    calendarFiles(input.calendar),
  );
}

/** The course is full; they wait at this (1-based) position. */
export function waitingListMail(
  input: VolunteerMailBase & { course: CourseMailCourse; position: number },
): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.course.title, position: formatCount(input.position, c.locale) };
  return finish(c, input, fill(c.t.waiting.subject, values), [
    opening(c, input, fill(c.t.waiting.intro, values)),
    ...courseBlocks(c, input.course),
    pageButton(c, input),
  ]);
}

/** No answer before the hold ended: the seat went back. */
export function offerExpiredMail(input: VolunteerMailBase & { courseTitle: string }): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.courseTitle };
  return finish(c, input, fill(c.t.expired.subject, values), [
    opening(c, input, fill(c.t.expired.intro, values)),
    { kind: 'text', text: c.t.expired.next },
    pageButton(c, input),
  ]);
}

/** No suitable course exists yet; we write when one opens. */
export function noCourseYetMail(input: VolunteerMailBase & { programme: string }): MailMessage {
  const c = contextOf(input.locale);
  const values = { programme: input.programme };
  const subject = input.approvedFor ? c.t.approved.subject : c.t.noCourse.subject;
  return finish(c, input, fill(subject, values), [
    opening(c, input, fill(c.t.noCourse.intro, values)),
    pageButton(c, input),
  ]);
}

/** A few days (`soon`) or one day (`tomorrow`) before the first session. */
export function reminderMail(
  input: VolunteerMailBase & { course: CourseMailCourse; kind: 'soon' | 'tomorrow'; calendar?: string },
): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.course.title };
  const soon = input.kind === 'soon';
  const blocks: Block[] = [
    opening(c, input, fill(soon ? c.t.reminder.soonIntro : c.t.reminder.tomorrowIntro, values)),
    ...courseBlocks(c, input.course),
  ];
  if (input.calendar) blocks.push({ kind: 'text', text: c.t.calendarAttached });
  blocks.push({ kind: 'text', text: c.t.confirmation.cancelHint }, pageButton(c, input));
  const subject = fill(soon ? c.t.reminder.soonSubject : c.t.reminder.tomorrowSubject, values);
  return finish(c, input, subject, blocks, calendarFiles(input.calendar));
}

const reasonBlocks = (c: Context, reason?: string): Block[] =>
  reason ? [{ kind: 'facts', facts: [[c.t.reason, reason]] }] : [];

/** One session is dropped; the updated .ics marks it cancelled. */
export function sessionCancelledMail(
  input: VolunteerMailBase & {
    course: CourseMailCourse;
    session: Session;
    reason?: string;
    calendar: string;
  },
): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.course.title, old: formatSession(input.session, c.locale) };
  return finish(
    c,
    input,
    fill(c.t.sessionCancelled.subject, values),
    [
      opening(c, input, fill(c.t.sessionCancelled.intro, values)),
      ...reasonBlocks(c, input.reason),
      ...courseBlocks(c, input.course),
      { kind: 'text', text: c.t.calendarUpdated },
      pageButton(c, input),
    ],
    calendarFiles(input.calendar),
  );
}

/** One session moves to a new date; the .ics (same UID, higher SEQUENCE) moves it in the calendar. */
export function sessionMovedMail(
  input: VolunteerMailBase & {
    course: CourseMailCourse;
    previous: Session;
    moved: Session;
    reason?: string;
    calendar: string;
  },
): MailMessage {
  const c = contextOf(input.locale);
  const values = {
    course: input.course.title,
    old: formatSession(input.previous, c.locale),
    new: formatSession(input.moved, c.locale),
  };
  return finish(
    c,
    input,
    fill(c.t.sessionMoved.subject, values),
    [
      opening(c, input, fill(c.t.sessionMoved.intro, values)),
      ...reasonBlocks(c, input.reason),
      ...courseBlocks(c, input.course),
      { kind: 'text', text: c.t.calendarUpdated },
      pageButton(c, input),
    ],
    calendarFiles(input.calendar),
  );
}

/** The whole course is off; the .ics (METHOD:CANCEL) removes it from the calendar. */
export function courseCancelledMail(
  input: VolunteerMailBase & { courseTitle: string; reason?: string; calendar?: string },
): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.courseTitle };
  const blocks: Block[] = [
    opening(c, input, fill(c.t.courseCancelled.intro, values)),
    ...reasonBlocks(c, input.reason),
    { kind: 'text', text: c.t.courseCancelled.next },
  ];
  if (input.calendar) blocks.push({ kind: 'text', text: c.t.calendarUpdated });
  blocks.push(pageButton(c, input));
  return finish(
    c,
    input,
    fill(c.t.courseCancelled.subject, values),
    blocks,
    calendarFiles(input.calendar, true),
  );
}

/** They gave their seat back; a cancelling .ics takes the sessions out of their calendar. */
export function seatCancelledMail(
  input: VolunteerMailBase & { courseTitle: string; calendar?: string },
): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.courseTitle };
  const blocks: Block[] = [
    opening(c, input, fill(c.t.seatCancelled.intro, values)),
    { kind: 'text', text: c.t.seatCancelled.next },
  ];
  if (input.calendar) blocks.push({ kind: 'text', text: c.t.calendarUpdated });
  blocks.push(pageButton(c, input));
  return finish(
    c,
    input,
    fill(c.t.seatCancelled.subject, values),
    blocks,
    calendarFiles(input.calendar, true),
  );
}

/** Congratulations; the caller attaches the certificate PDF. */
export function certifiedMail(
  input: VolunteerMailBase & {
    programme: string;
    courseTitle: string;
    certificateNumber: string;
    verifyUrl: string;
    attachments: readonly MailAttachment[];
  },
): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.courseTitle, programme: input.programme };
  return finish(
    c,
    input,
    fill(c.t.certified.subject, values),
    [
      opening(c, input, fill(c.t.certified.intro, values)),
      { kind: 'facts', facts: [[c.t.certified.number, input.certificateNumber]] },
      { kind: 'text', text: c.t.certified.verifyNote },
      { kind: 'buttons', buttons: [{ label: c.t.certified.verifyButton, url: input.verifyUrl }] },
      { kind: 'text', text: c.t.certified.page },
      pageButton(c, input),
    ],
    input.attachments,
  );
}

/** The requirement was not met: kindly, with the next course on offer. */
export function notCertifiedMail(
  input: VolunteerMailBase & {
    courseTitle: string;
    attendance?: { attended: number; total: number; requiredPercent: number };
  },
): MailMessage {
  const c = contextOf(input.locale);
  const values = { course: input.courseTitle };
  const blocks: Block[] = [opening(c, input, fill(c.t.notCertified.intro, values))];
  if (input.attendance) {
    const { attended, total, requiredPercent } = input.attendance;
    const value = fill(c.t.notCertified.attendanceValue, {
      attended: formatCount(attended, c.locale),
      total: formatCount(total, c.locale),
      required: formatCount(requiredPercent, c.locale),
    });
    blocks.push({ kind: 'facts', facts: [[c.t.notCertified.attendance, value]] });
  }
  blocks.push({ kind: 'text', text: c.t.notCertified.next }, pageButton(c, input));
  return finish(c, input, fill(c.t.notCertified.subject, values), blocks);
}
