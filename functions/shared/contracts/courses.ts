import * as z from '../zod.ts';
import { localeCode } from './form-definition.ts';

/**
 * The courses API: console (courses, enrolments, attendance, certificates, reports) and the public
 * side (offers, a volunteer's own page, certificate verification). docs/courses.md explains the
 * design; every route in functions/shared/definitions/routes.ts refers to these shapes.
 */

const localized = z
  .record(localeCode, z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(4000)))
  .check(z.refine((value) => Object.keys(value).length > 0, 'needs at least one language'));

export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)'));
export const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time (HH:MM)'));

export const sessionInput = z
  .object({
    /** Absent for a new session; the server gives it an id. */
    sessionId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
    date: isoDate,
    start: clockTime,
    end: clockTime,
  })
  .check(z.refine((s) => s.end > s.start, { message: 'must end after it starts', path: ['end'] }));

export const courseInput = z.object({
  /** The programme: the form whose approved volunteers this course is for. */
  formSlug: z.string().check(z.minLength(1, 'is required'), z.maxLength(64)),
  title: localized,
  description: z.optional(localized),
  /** The language the course is taught in (a locale code). */
  teachingLanguage: localeCode,
  place: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  onlineUrl: z.optional(z.url('must be a web address').check(z.maxLength(2000))),
  sessions: z.array(sessionInput).check(z.minLength(1, 'needs at least one session'), z.maxLength(100)),
  capacity: z
    .number()
    .check(z.int('must be a whole number'), z.minimum(1, 'must be at least 1'), z.maximum(1000)),
  /** Share of the (not cancelled) sessions a participant must attend to be certified, in percent. */
  passPercent: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 80),
  /** Last day offers go out; absent: the day before the first session. */
  registrationDeadline: z.optional(isoDate),
  /** The coordinator in charge (e-mail of a staff member); gets the course's notices. */
  coordinator: z.email('must be an e-mail address').check(z.maxLength(254)),
  /** How long an offer holds a seat. */
  holdHours: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(720)), 72),
  /** IANA time zone of the sessions' clock times. */
  timeZone: z._default(z.string().check(z.minLength(1), z.maxLength(64)), 'Europe/Berlin'),
});
export type CourseInput = z.infer<typeof courseInput>;

export const saveCourseRequest = z.extend(courseInput, {
  /** The revision the edit started from (absent when creating); an older one gets 409. */
  revision: z.optional(z.number().check(z.int(), z.minimum(0))),
});

export const courseStatus = z.enum(['open', 'cancelled', 'completed']);

export const sessionView = z.object({
  sessionId: z.string(),
  date: isoDate,
  start: clockTime,
  end: clockTime,
  hours: z.number(),
  cancelled: z.boolean(),
  cancelReason: z.optional(z.string()),
  /** When a coordinator finished recording this session's attendance. */
  attendanceCompletedAt: z.optional(z.string()),
});
export type SessionView = z.infer<typeof sessionView>;

export const seatCounts = z.object({
  capacity: z.number(),
  /** Held by an open offer or enrolled: `taken = held + enrolled`, never above capacity. */
  taken: z.number(),
  held: z.number(),
  enrolled: z.number(),
  free: z.number(),
  waiting: z.number(),
});

export const courseView = z.extend(courseInput, {
  courseId: z.string(),
  status: courseStatus,
  revision: z.number(),
  sessions: z.array(sessionView),
  seats: seatCounts,
  /** Teaching hours of the sessions not cancelled. */
  hours: z.number(),
  certification: z.enum(['not-started', 'running', 'done']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CourseView = z.infer<typeof courseView>;

export const enrolmentStatus = z.enum([
  'offered',
  'enrolled',
  'waiting',
  'declined',
  'expired',
  'cancelled',
  'certified',
  'not-certified',
]);
export type EnrolmentStatus = z.infer<typeof enrolmentStatus>;

export const enrolmentView = z.object({
  participantId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  locale: z.string(),
  source: z.enum(['form', 'manual']),
  status: enrolmentStatus,
  offerExpiresAt: z.optional(z.string()),
  /** 1-based place on the waiting list. */
  waitingPosition: z.optional(z.number()),
  /** sessionId → present. A session without an entry is not recorded yet. */
  attendance: z.record(z.string(), z.boolean()),
  attendedHours: z.number(),
  attendancePercent: z.number(),
  certificateNumber: z.optional(z.string()),
  updatedAt: z.string(),
});
export type EnrolmentView = z.infer<typeof enrolmentView>;

/** Someone who came without the form (a phone call): enrolled at once if a seat is free. */
export const manualEnrolmentRequest = z.object({
  firstName: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(100)),
  lastName: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(100)),
  email: z.email('must be an e-mail address').check(z.maxLength(254)),
  locale: localeCode,
  /** When the course is full: put them on the waiting list instead of refusing (409). */
  waitingListIfFull: z._default(z.boolean(), false),
});

/** Offers this course to approved volunteers: the named ones (offer by hand), else every candidate. */
export const invitationRequest = z.object({
  participantIds: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(500)),
  ),
});
export const invitationResult = z.object({
  offered: z.number(),
  waiting: z.number(),
  skipped: z.array(z.object({ participantId: z.string(), reason: z.string() })),
});

/** The waiting list's new order, first to last (exactly the people now waiting). */
export const waitingOrderRequest = z.object({
  participantIds: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(1000)),
});

export const cancelSessionRequest = z.object({
  reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  /** A replacement date: the session moves instead of being dropped. */
  moveTo: z.optional(sessionInput),
});
export const cancelCourseRequest = z.object({
  reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});

/** One tap on the attendance page; PUT is idempotent, so a queued tap may be sent again safely. */
export const attendanceRequest = z.object({ present: z.boolean() });

/** Approved volunteers of a programme who have no course yet (for bulk invitation). */
export const candidateView = z.object({
  participantId: z.string(),
  name: z.string(),
  locale: z.string(),
  approvedAt: z.optional(z.string()),
  status: z.enum(['awaiting-course', 'waiting', 'offered']),
});

export const certificateStatus = z.enum(['valid', 'revoked']);
export const certificateView = z.object({
  number: z.string(),
  participantId: z.string(),
  courseId: z.string(),
  name: z.string(),
  programme: z.string(),
  courseTitle: z.string(),
  firstSession: isoDate,
  lastSession: isoDate,
  hours: z.number(),
  issuedAt: z.string(),
  status: certificateStatus,
  revokedAt: z.optional(z.string()),
  revokedReason: z.optional(z.string()),
});
export type CertificateView = z.infer<typeof certificateView>;

export const revokeCertificateRequest = z.object({
  reason: z.string().check(z.trim(), z.minLength(3, 'is required'), z.maxLength(500)),
});

/** The public verification page: only what an employer needs, never more. */
export const verificationView = z.object({
  status: z.enum(['valid', 'revoked', 'unknown']),
  number: z.string(),
  name: z.optional(z.string()),
  programme: z.optional(z.string()),
  issuedAt: z.optional(z.string()),
  revokedAt: z.optional(z.string()),
  issuer: z.string(),
  /** Whether the stored credential's signature checks out with the organisation's public key. */
  signatureValid: z.optional(z.boolean()),
});

/** Public: an offer link's page. */
export const offerView = z.object({
  status: z.enum(['open', 'accepted', 'declined', 'expired', 'withdrawn']),
  firstName: z.optional(z.string()),
  locale: z.string(),
  holdUntil: z.string(),
  course: z.object({
    title: z.string(),
    description: z.optional(z.string()),
    teachingLanguage: z.string(),
    place: z.optional(z.string()),
    onlineUrl: z.optional(z.string()),
    sessions: z.array(sessionView),
    hours: z.number(),
  }),
  /** The volunteer's own page, to go on from here. */
  pageUrl: z.string(),
});
export const offerAnswerRequest = z.object({ answer: z.enum(['accept', 'decline']) });

export const pathStep = z.object({
  step: z.enum(['applied', 'approved', 'offered', 'enrolled', 'attended', 'certified']),
  done: z.boolean(),
  at: z.optional(z.string()),
});

/** Public: a volunteer's own page (a long random link, no account). */
export const volunteerPageView = z.object({
  firstName: z.optional(z.string()),
  locale: z.string(),
  programme: z.string(),
  path: z.array(pathStep),
  course: z.optional(
    z.object({
      courseId: z.string(),
      title: z.string(),
      status: enrolmentStatus,
      place: z.optional(z.string()),
      onlineUrl: z.optional(z.string()),
      holdUntil: z.optional(z.string()),
      waitingPosition: z.optional(z.number()),
      sessions: z.array(z.extend(sessionView, { present: z.optional(z.boolean()) })),
      /** Path of the course's calendar file (.ics) under the page's token. */
      calendarUrl: z.string(),
      canCancel: z.boolean(),
    }),
  ),
  certificates: z.array(
    z.object({
      number: z.string(),
      courseTitle: z.string(),
      issuedAt: z.string(),
      status: certificateStatus,
      pdfUrl: z.string(),
      credentialUrl: z.string(),
      verifyUrl: z.string(),
    }),
  ),
});

export const reportQuery = z.object({
  form: z.optional(z.string().check(z.maxLength(64))),
  from: isoDate,
  to: isoDate,
  format: z._default(z.enum(['json', 'csv']), 'json'),
});

export const programmeFigures = z.object({
  formSlug: z.string(),
  title: z.string(),
  registrations: z.number(),
  approvals: z.number(),
  offers: z.number(),
  enrolments: z.number(),
  /** Attended sessions ÷ sessions due of those enrolled, 0–1; null without any session yet. */
  attendanceRate: z.nullable(z.number()),
  certificates: z.number(),
  teachingHours: z.number(),
  volunteerHours: z.number(),
});

export const reportView = z.object({
  from: isoDate,
  to: isoDate,
  programmes: z.array(programmeFigures),
  totals: z.omit(programmeFigures, { formSlug: true, title: true }),
  /** Month by month for the chart: YYYY-MM. */
  months: z.array(
    z.object({
      month: z.string(),
      registrations: z.number(),
      approvals: z.number(),
      enrolments: z.number(),
      certificates: z.number(),
    }),
  ),
});
export type ReportView = z.infer<typeof reportView>;
