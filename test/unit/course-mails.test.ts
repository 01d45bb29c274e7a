import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../functions/shared/adapters/mailer.ts';
import { courseCalendar } from '../../functions/shared/calendar/ics.ts';
import { shippedLocales } from '../../functions/shared/i18n/locales.ts';
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
  waitingListMail,
} from '../../functions/shared/mail/course-mails.ts';
import { courseMailTexts } from '../../functions/shared/mail/course-texts/index.ts';
import { seatCancelledNotice } from '../../functions/shared/mail/staff-course-mails.ts';

function base(locale: string) {
  return { to: 'anna@example.org', locale, firstName: 'Anna', organisation: 'Lotsen e.V.', pageUrl };
}
const ACCEPT = 'https://lotse.example.org/offer/OFFER-TOKEN?answer=accept';
const DECLINE = 'https://lotse.example.org/offer/OFFER-TOKEN?answer=decline';
const VERIFY = 'https://lotse.example.org/verify/LOTSE-2027-ABCDEFGHJK';

const session1 = { sessionId: 's1', date: '2027-01-14', start: '18:00', end: '21:00' };
const session2 = { sessionId: 's2', date: '2027-01-21', start: '18:00', end: '20:30' };
const course: CourseMailCourse = {
  title: 'Vorbereitungskurs {Lotsen} & <Co>',
  place: 'Rathaus, Raum 2',
  onlineUrl: 'https://meet.example.org/kurs',
  sessions: [session1, { ...session2, cancelled: true }],
  timeZone: 'Europe/Berlin',
};
const pageUrl = 'https://lotse.example.org/me/PAGE-TOKEN';
const calendar = courseCalendar({
  courseId: 'c1',
  title: course.title,
  sessions: course.sessions,
  timeZone: course.timeZone,
  organiser: { name: 'Lotsen e.V.', email: 'kurse@example.org' },
  pageUrl,
});
const pdf = {
  filename: 'certificate.pdf',
  contentType: 'application/pdf',
  content: new Uint8Array([37, 80, 68, 70]),
};

/** Every builder with one set of inputs, and the links each mail must carry. */
const builders: Record<string, { build: (locale: string) => MailMessage; links: string[]; files: string[] }> =
  {
    offer: {
      build: (locale) =>
        offerMail({
          ...base(locale),
          course,
          holdUntil: '2027-01-10T11:00:00Z',
          acceptUrl: ACCEPT,
          declineUrl: DECLINE,
          calendar,
        }),
      links: [ACCEPT, DECLINE, pageUrl],
      files: ['course.ics'],
    },
    promotedOffer: {
      build: (locale) =>
        promotedOfferMail({
          ...base(locale),
          course,
          holdUntil: new Date('2027-01-10T11:00:00Z'),
          acceptUrl: ACCEPT,
          declineUrl: DECLINE,
          calendar,
        }),
      links: [ACCEPT, DECLINE, pageUrl],
      files: ['course.ics'],
    },
    confirmation: {
      build: (l) => confirmationMail({ ...base(l), course, calendar }),
      links: [pageUrl],
      files: ['course.ics'],
    },
    waitingList: {
      build: (l) => waitingListMail({ ...base(l), course, position: 3 }),
      links: [pageUrl],
      files: [],
    },
    offerExpired: {
      build: (l) => offerExpiredMail({ ...base(l), courseTitle: course.title }),
      links: [pageUrl],
      files: [],
    },
    noCourseYet: {
      build: (l) => noCourseYetMail({ ...base(l), programme: 'Integrationslotsen' }),
      links: [pageUrl],
      files: [],
    },
    noCourseYetApproved: {
      build: (l) =>
        noCourseYetMail({ ...base(l), programme: 'Integrationslotsen', approvedFor: 'Integrationslotsen' }),
      links: [pageUrl],
      files: [],
    },
    offerApproved: {
      build: (locale) =>
        offerMail({
          ...base(locale),
          approvedFor: 'Integrationslotsen',
          course,
          holdUntil: '2027-01-10T11:00:00Z',
          acceptUrl: ACCEPT,
          declineUrl: DECLINE,
          calendar,
        }),
      links: [ACCEPT, DECLINE, pageUrl],
      files: ['course.ics'],
    },
    waitingListApproved: {
      build: (l) => waitingListMail({ ...base(l), approvedFor: 'Integrationslotsen', course, position: 3 }),
      links: [pageUrl],
      files: [],
    },
    reminderSoon: {
      build: (l) => reminderMail({ ...base(l), course, kind: 'soon', calendar }),
      links: [pageUrl],
      files: ['course.ics'],
    },
    reminderTomorrow: {
      build: (l) => reminderMail({ ...base(l), course, kind: 'tomorrow' }),
      links: [pageUrl],
      files: [],
    },
    sessionCancelled: {
      build: (l) =>
        sessionCancelledMail({ ...base(l), course, session: session2, reason: 'Krankheit', calendar }),
      links: [pageUrl],
      files: ['course.ics'],
    },
    sessionMoved: {
      build: (l) =>
        sessionMovedMail({
          ...base(l),
          course,
          previous: session2,
          moved: { ...session2, date: '2027-01-28' },
          calendar,
        }),
      links: [pageUrl],
      files: ['course.ics'],
    },
    courseCancelled: {
      build: (l) =>
        courseCancelledMail({ ...base(l), courseTitle: course.title, reason: 'Zu wenige', calendar }),
      links: [pageUrl],
      files: ['course.ics'],
    },
    seatCancelled: {
      build: (l) => seatCancelledMail({ ...base(l), courseTitle: course.title }),
      links: [pageUrl],
      files: [],
    },
    certified: {
      build: (l) =>
        certifiedMail({
          ...base(l),
          programme: 'Integrationslotsen',
          courseTitle: course.title,
          certificateNumber: 'LOTSE-2027-ABCDEFGHJK',
          verifyUrl: VERIFY,
          attachments: [pdf],
        }),
      links: [VERIFY, pageUrl],
      files: ['certificate.pdf'],
    },
    notCertified: {
      build: (l) =>
        notCertifiedMail({
          ...base(l),
          courseTitle: course.title,
          attendance: { attended: 3, total: 5, requiredPercent: 80 },
        }),
      links: [pageUrl],
      files: [],
    },
  };

/** Text a reader would see if a translation or a value were missing. */
const missing = /undefined|null|NaN|\{\w+\}|\[object/;
const textKeys = /\b(intro|subject|cancelHint|linkNote|calendarAttached|verifyNote)\b/;

describe('course mails', () => {
  for (const [name, spec] of Object.entries(builders)) {
    for (const locale of shippedLocales) {
      it(`${name} renders completely in ${locale}`, () => {
        const mail = spec.build(locale);
        const visible = `${mail.subject}\n${mail.text}`;
        expect(visible.replaceAll('{Lotsen}', '')).not.toMatch(missing);
        expect(visible).not.toMatch(textKeys);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.html).toContain(locale === 'ar' || locale === 'fa' ? 'dir="rtl"' : 'dir="ltr"');
        expect(mail.html).toContain(`lang="${locale}"`);
        for (const link of spec.links) {
          expect(mail.text).toContain(link);
          expect(mail.html).toContain(link.replaceAll('&', '&amp;'));
        }
        expect((mail.attachments ?? []).map((a) => a.filename)).toEqual(spec.files);
        expect(mail.text).toContain('Anna');
        expect(mail.html).not.toContain('<Co>');
        expect(mail.to).toBe('anna@example.org');
        // The organisation's name ends in a full stop of its own; the sign-off adds none.
        expect(mail.text).toContain('— Lotsen e.V. ');
        expect(mail.text).not.toContain('e.V..');
      });
    }
  }

  it('writes each language in its own words, not a fallback', () => {
    const subjects = shippedLocales.map((locale) => builders.offer?.build(locale).subject);
    expect(new Set(subjects).size).toBe(shippedLocales.length);
    for (const locale of shippedLocales)
      expect(courseMailTexts[locale].offer.accept.length).toBeGreaterThan(1);
  });

  it('falls back to English for a language Lotse does not ship, and to the base language for a region', () => {
    expect(builders.offer?.build('pl').subject).toBe(builders.offer?.build('en').subject);
    expect(builders.offer?.build('ar-SY').html).toContain('dir="rtl"');
  });

  it('lists sessions with times and hours, the cancelled one marked, and the hold in the course zone', () => {
    const mail = builders.offer?.build('de');
    expect(mail?.text).toContain('Do., 14. Jan. 2027: 18:00–21:00 · 3 Stunden');
    expect(mail?.text).toContain('Do., 21. Jan. 2027: 18:00–20:30 (fällt aus)');
    expect(mail?.text).toContain('Stunden insgesamt: 3 Stunden');
    expect(mail?.text).toContain('Sonntag, 10. Januar 2027 um 12:00');
    expect(mail?.text).toContain('Ort: Rathaus, Raum 2');
  });

  it('names the waiting position, the moved dates and the attendance', () => {
    expect(builders.waitingList?.build('en').text).toContain('position 3');
    const moved = builders.sessionMoved?.build('en').text ?? '';
    expect(moved).toContain('Thu, Jan 21, 2027, 18:00–20:30');
    expect(moved).toContain('New date: Thu, Jan 28, 2027, 18:00–20:30');
    expect(builders.notCertified?.build('de').text).toContain('3 von 5 Terminen (nötig sind 80 %)');
  });

  it('attaches a cancelling calendar for a cancelled course and the given PDF unchanged', () => {
    const cancelled = builders.courseCancelled?.build('de');
    expect(cancelled?.attachments?.[0]?.contentType).toContain('method=CANCEL');
    const certified = builders.certified?.build('tr');
    expect(certified?.attachments?.[0]).toBe(pdf);
    expect(certified?.text).toContain('LOTSE-2027-ABCDEFGHJK');
  });

  it('keeps a course title with braces as it is', () => {
    expect(builders.confirmation?.build('en').subject).toBe(
      'Your place is confirmed: Vorbereitungskurs {Lotsen} & <Co>',
    );
  });
});

describe("the course path's first mail after approval", () => {
  const approvedIn = (locale: (typeof shippedLocales)[number]) =>
    courseMailTexts[locale].approved.intro.replace('{programme}', 'Integrationslotsen');

  it('opens with the approval, then the course news as a sentence of its own, in every language', () => {
    for (const locale of shippedLocales) {
      for (const name of ['noCourseYetApproved', 'offerApproved', 'waitingListApproved']) {
        const text = builders[name]?.build(locale).text ?? '';
        expect(text, `${name} in ${locale}`).toContain(approvedIn(locale));
      }
    }
    expect(builders.offerApproved?.build('en').text).toContain(
      'good news: your registration for “Integrationslotsen” has been approved. We have reserved a place',
    );
    expect(builders.noCourseYetApproved?.build('de').text).toContain(
      'wurde angenommen. Im Moment ist kein passender Kurs',
    );
  });

  it('without a course, says "approved" in the subject too, so it reads as the approval mail', () => {
    for (const locale of shippedLocales) {
      const subject = builders.noCourseYetApproved?.build(locale).subject;
      expect(subject).toBe(
        courseMailTexts[locale].approved.subject.replace('{programme}', 'Integrationslotsen'),
      );
      expect(subject).not.toBe(builders.noCourseYet?.build(locale).subject);
    }
    expect(builders.noCourseYetApproved?.build('en').subject).toBe(
      'Your registration for Integrationslotsen has been approved',
    );
  });

  it('leaves later mails (no approval flag) as they were', () => {
    for (const locale of shippedLocales)
      expect(builders.offer?.build(locale).text).not.toContain(approvedIn(locale));
  });
});

describe('staff notice: a volunteer gave back a seat', () => {
  const notice = (locale: string, promoted: boolean) =>
    seatCancelledNotice({
      to: 'coord@example.org',
      locale,
      firstName: 'Anna',
      courseTitle: 'Kurs A',
      courseUrl: 'https://lotse.example.org/console/courses/c1',
      promoted,
      organisation: 'Lotsen e.V.',
    });

  it('is written in German or English with the first name only and the course link', () => {
    const de = notice('de', true);
    expect(de.subject).toBe('Platz freigegeben: Kurs A');
    expect(de.text).toContain('Anna hat den Platz im Kurs „Kurs A“ freigegeben.');
    expect(de.text).toContain('Warteliste');
    expect(de.text).toContain('https://lotse.example.org/console/courses/c1');
    const en = notice('en', false);
    expect(en.text).toContain('Nobody is waiting');
    expect(notice('ar', false).subject).toBe(en.subject);
    for (const mail of [de, en]) expect(`${mail.subject}${mail.text}`).not.toMatch(missing);
  });
});
