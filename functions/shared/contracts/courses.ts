import * as z from 'zod';
import { localeCode } from './form-definition.ts';

/**
 * The courses API: console (courses, enrolments, attendance, certificates, reports) and the public
 * side (offers, a volunteer's own page, certificate verification). docs/courses.md explains the
 * design; every route in functions/shared/definitions/routes.ts refers to these shapes.
 */

const localized = z
  .record(localeCode, z.string().trim().min(1, 'is required').max(4000))
  .refine((value) => Object.keys(value).length > 0, 'needs at least one language');

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time (HH:MM)');

export const sessionInput = z
  .object({
    /** Absent for a new session; the server gives it an id. */
    sessionId: z.string().min(1).max(40).optional(),
    date: isoDate,
    start: clockTime,
    end: clockTime,
  })
  .refine((s) => s.end > s.start, { message: 'must end after it starts', path: ['end'] });

export const courseInput = z.object({
  /** The programme: the form whose approved volunteers this course is for. */
  formSlug: z.string().min(1, 'is required').max(64),
  title: localized,
  description: localized.optional(),
  /** The language the course is taught in (a locale code). */
  teachingLanguage: localeCode,
  place: z.string().trim().max(500).optional(),
  onlineUrl: z.url('must be a web address').max(2000).optional(),
  sessions: z.array(sessionInput).min(1, 'needs at least one session').max(100),
  capacity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000),
  /** Share of the (not cancelled) sessions a participant must attend to be certified, in percent. */
  passPercent: z.number().int().min(1).max(100).default(80),
  /** Last day offers go out; absent: the day before the first session. */
  registrationDeadline: isoDate.optional(),
  /** The coordinator in charge (e-mail of a staff member); gets the course's notices. */
  coordinator: z.email('must be an e-mail address').max(254),
  /** How long an offer holds a seat. */
  holdHours: z.number().int().min(1).max(720).default(72),
  /** IANA time zone of the sessions' clock times. */
  timeZone: z.string().min(1).max(64).default('Europe/Berlin'),
});
export type CourseInput = z.infer<typeof courseInput>;

export const saveCourseRequest = courseInput.extend({
  /** The revision the edit started from (absent when creating); an older one gets 409. */
  revision: z.number().int().min(0).optional(),
});

export const courseStatus = z.enum(['open', 'cancelled', 'completed']);

export const sessionView = z.object({
  sessionId: z.string(),
  date: isoDate,
  start: clockTime,
  end: clockTime,
  hours: z.number(),
  cancelled: z.boolean(),
  cancelReason: z.string().optional(),
  /** When a coordinator finished recording this session's attendance. */
  attendanceCompletedAt: z.string().optional(),
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

export const courseView = courseInput.extend({
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
  email: z.string().optional(),
  locale: z.string(),
  source: z.enum(['form', 'manual']),
  status: enrolmentStatus,
  offerExpiresAt: z.string().optional(),
  /** 1-based place on the waiting list. */
  waitingPosition: z.number().optional(),
  /** sessionId → present. A session without an entry is not recorded yet. */
  attendance: z.record(z.string(), z.boolean()),
  attendedHours: z.number(),
  attendancePercent: z.number(),
  certificateNumber: z.string().optional(),
  updatedAt: z.string(),
});
export type EnrolmentView = z.infer<typeof enrolmentView>;

/** Someone who came without the form (a phone call): enrolled at once if a seat is free. */
export const manualEnrolmentRequest = z.object({
  firstName: z.string().trim().min(1, 'is required').max(100),
  lastName: z.string().trim().min(1, 'is required').max(100),
  email: z.email('must be an e-mail address').max(254),
  locale: localeCode,
  /** When the course is full: put them on the waiting list instead of refusing (409). */
  waitingListIfFull: z.boolean().default(false),
});

/** Offers this course to approved volunteers: the named ones (offer by hand), else every candidate. */
export const invitationRequest = z.object({
  participantIds: z.array(z.string().min(1).max(64)).max(500).optional(),
});
export const invitationResult = z.object({
  offered: z.number(),
  waiting: z.number(),
  skipped: z.array(z.object({ participantId: z.string(), reason: z.string() })),
});

/** The waiting list's new order, first to last (exactly the people now waiting). */
export const waitingOrderRequest = z.object({
  participantIds: z.array(z.string().min(1).max(64)).max(1000),
});

export const cancelSessionRequest = z.object({
  reason: z.string().trim().max(500).optional(),
  /** A replacement date: the session moves instead of being dropped. */
  moveTo: sessionInput.optional(),
});
export const cancelCourseRequest = z.object({ reason: z.string().trim().max(500).optional() });

/** One tap on the attendance page; PUT is idempotent, so a queued tap may be sent again safely. */
export const attendanceRequest = z.object({ present: z.boolean() });

/** Approved volunteers of a programme who have no course yet (for bulk invitation). */
export const candidateView = z.object({
  participantId: z.string(),
  name: z.string(),
  locale: z.string(),
  approvedAt: z.string().optional(),
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
  revokedAt: z.string().optional(),
  revokedReason: z.string().optional(),
});
export type CertificateView = z.infer<typeof certificateView>;

export const revokeCertificateRequest = z.object({
  reason: z.string().trim().min(3, 'is required').max(500),
});

/** The public verification page: only what an employer needs, never more. */
export const verificationView = z.object({
  status: z.enum(['valid', 'revoked', 'unknown']),
  number: z.string(),
  name: z.string().optional(),
  programme: z.string().optional(),
  issuedAt: z.string().optional(),
  revokedAt: z.string().optional(),
  issuer: z.string(),
  /** Whether the stored credential's signature checks out with the organisation's public key. */
  signatureValid: z.boolean().optional(),
});

/** Public: an offer link's page. */
export const offerView = z.object({
  status: z.enum(['open', 'accepted', 'declined', 'expired', 'withdrawn']),
  firstName: z.string().optional(),
  locale: z.string(),
  holdUntil: z.string(),
  course: z.object({
    title: z.string(),
    description: z.string().optional(),
    teachingLanguage: z.string(),
    place: z.string().optional(),
    onlineUrl: z.string().optional(),
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
  at: z.string().optional(),
});

/** Public: a volunteer's own page (a long random link, no account). */
export const volunteerPageView = z.object({
  firstName: z.string().optional(),
  locale: z.string(),
  programme: z.string(),
  path: z.array(pathStep),
  course: z
    .object({
      courseId: z.string(),
      title: z.string(),
      status: enrolmentStatus,
      place: z.string().optional(),
      onlineUrl: z.string().optional(),
      holdUntil: z.string().optional(),
      waitingPosition: z.number().optional(),
      sessions: z.array(sessionView.extend({ present: z.boolean().optional() })),
      /** Path of the course's calendar file (.ics) under the page's token. */
      calendarUrl: z.string(),
      canCancel: z.boolean(),
    })
    .optional(),
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
  form: z.string().max(64).optional(),
  from: isoDate,
  to: isoDate,
  format: z.enum(['json', 'csv']).default('json'),
});

export const programmeFigures = z.object({
  formSlug: z.string(),
  title: z.string(),
  registrations: z.number(),
  approvals: z.number(),
  offers: z.number(),
  enrolments: z.number(),
  /** Attended sessions ÷ sessions due of those enrolled, 0–1; null without any session yet. */
  attendanceRate: z.number().nullable(),
  certificates: z.number(),
  teachingHours: z.number(),
  volunteerHours: z.number(),
});

export const reportView = z.object({
  from: isoDate,
  to: isoDate,
  programmes: z.array(programmeFigures),
  totals: programmeFigures.omit({ formSlug: true, title: true }),
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
