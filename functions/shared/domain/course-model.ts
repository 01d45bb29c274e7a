import type { CourseInput, EnrolmentStatus } from '../contracts/courses.ts';

/**
 * The records of courses, enrolments, participants and certificates, and the store port every part
 * of the courses feature codes against (docs/courses.md). The DynamoDB adapter is
 * adapters/course-store.ts; domain code here has no AWS import.
 */

export interface Session {
  readonly sessionId: string;
  readonly date: string; // YYYY-MM-DD
  readonly start: string; // HH:MM
  readonly end: string; // HH:MM
  readonly cancelled?: boolean;
  readonly cancelReason?: string;
  readonly attendanceCompletedAt?: string;
}

/** `COURSE#<courseId>` / `COURSE`. Seat counters live on this item so one condition guards them. */
export interface Course extends Omit<CourseInput, 'sessions'> {
  readonly courseId: string;
  readonly sessions: readonly Session[];
  readonly status: 'open' | 'cancelled' | 'completed';
  readonly revision: number;
  /** Held by an open offer or enrolled; a hold or enrolment is taken only while `taken < capacity`. */
  readonly taken: number;
  readonly enrolled: number;
  readonly waiting: number;
  readonly certification: 'not-started' | 'running' | 'done';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
}

/** `COURSE#<courseId>` / `ENROLMENT#<participantId>`: one person's place in one course. */
export interface Enrolment {
  readonly courseId: string;
  readonly participantId: string;
  readonly status: EnrolmentStatus;
  /** ISO time an open offer stops holding the seat. */
  readonly offerExpiresAt?: string;
  /** Order on the waiting list (smaller first); reordering rewrites these numbers. */
  readonly waitingRank?: number;
  /** sessionId → present. */
  readonly attendance: Readonly<Record<string, boolean>>;
  readonly certificateNumber?: string;
  /** When each step happened (for the volunteer's path and the funders' report). */
  readonly offeredAt?: string;
  readonly enrolledAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * `PARTICIPANT#<participantId>` / `PARTICIPANT`: a volunteer on the course path. For someone who
 * registered with the form, participantId is the submission id and name/e-mail come from the
 * answers; someone enrolled by hand has them here.
 */
export interface Participant {
  readonly participantId: string;
  readonly formSlug: string;
  readonly source: 'form' | 'manual';
  readonly locale: string;
  /** Only for manual participants (form participants' answers hold them). */
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  /** The course they are offered, waiting for or enrolled in. */
  readonly currentCourseId?: string;
  /** 'awaiting-course' when no suitable course exists yet. */
  readonly state: 'awaiting-course' | 'offered' | 'waiting' | 'enrolled' | 'certified' | 'left';
  /**
   * The task token the participant's volunteer-course execution is parked on, if any. Whoever changes
   * their enrolment from outside (accept, decline, cancellation, promotion, certification) answers it.
   */
  readonly taskToken?: string;
  /** The own-page link's secret (never logged); its SHA-256 is the lookup key `PAGE#<hash>`. */
  readonly pageToken: string;
  readonly approvedAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** `CERTIFICATE#<number>` / `CERTIFICATE`. */
export interface Certificate {
  readonly number: string;
  readonly participantId: string;
  readonly courseId: string;
  readonly formSlug: string;
  /** Name as printed, kept so the certificate can be re-rendered and verified unchanged. */
  readonly name: string;
  readonly programme: string;
  readonly courseTitle: string;
  readonly locale: string;
  readonly firstSession: string;
  readonly lastSession: string;
  readonly hours: number;
  readonly issuedAt: string;
  /** The Open Badges 3.0 credential as a compact JWS (VC-JWT). */
  readonly credential: string;
  readonly status: 'valid' | 'revoked';
  readonly revokedAt?: string;
  readonly revokedReason?: string;
  readonly revokedBy?: string;
}

/** An offer link: `OFFERLINK#<sha-256 of token>`; the token is only in the volunteer's e-mail. */
export interface OfferLink {
  readonly tokenHash: string;
  readonly courseId: string;
  readonly participantId: string;
  readonly expiresAt: string;
  readonly usedAt?: string;
  readonly answer?: 'accept' | 'decline';
}

/** What taking or answering a seat did. */
export type HoldResult =
  | { readonly kind: 'offered'; readonly offerExpiresAt: string }
  | { readonly kind: 'waiting'; readonly position: number }
  | { readonly kind: 'refused'; readonly reason: 'closed' | 'already-enrolled' | 'full' };

export type AcceptResult =
  | { readonly kind: 'enrolled' }
  | { readonly kind: 'already-enrolled' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'not-offered'; readonly status: EnrolmentStatus | 'none' };

/** A seat given back; the first person waiting (if any) now holds it with a fresh offer. */
export interface ReleaseResult {
  readonly released: boolean;
  readonly promoted?: { readonly participantId: string; readonly offerExpiresAt: string };
}

export interface CourseStore {
  createCourse(course: Course): Promise<void>;
  getCourse(courseId: string): Promise<Course | undefined>;
  /** Saves an edit if `expectedRevision` is current (else ConflictError); seat counters untouched. */
  updateCourse(course: Course, expectedRevision: number): Promise<void>;
  /** Courses, soonest first session first; by programme if given. */
  listCourses(formSlug?: string): Promise<Course[]>;

  getParticipant(participantId: string): Promise<Participant | undefined>;
  putParticipant(participant: Participant): Promise<void>;
  /** Sets the given fields (an `undefined` value removes the attribute). */
  updateParticipant(
    participantId: string,
    changes: Partial<Omit<Participant, 'participantId' | 'pageToken' | 'taskToken'>>,
  ): Promise<void>;
  /** Parks a task token on the participant (the previous one, if any, is simply replaced). */
  parkTaskToken(participantId: string, taskToken: string): Promise<void>;
  /** Removes the parked token only if it is still this one (a newer park is left alone). */
  clearTaskToken(participantId: string, taskToken: string): Promise<void>;
  participantByPageToken(tokenHash: string): Promise<Participant | undefined>;
  /** Approved volunteers of a programme still without a course (state awaiting-course). */
  listAwaitingCourse(formSlug: string): Promise<Participant[]>;

  getEnrolment(courseId: string, participantId: string): Promise<Enrolment | undefined>;
  listEnrolments(courseId: string): Promise<Enrolment[]>;
  /** Every enrolment of one participant, any course (their history). */
  enrolmentsOf(participantId: string): Promise<Enrolment[]>;

  /**
   * Atomically holds a free seat for `holdHours` (offer), or puts the person at the end of the
   * waiting list when no seat is free or others are already waiting (first come, first served), or
   * refuses (course not open, already enrolled there). `waitingListIfFull: false` refuses instead of
   * queueing. One transaction: two people can never take the last seat both.
   */
  hold(input: {
    courseId: string;
    participantId: string;
    now: Date;
    holdHours: number;
    waitingListIfFull: boolean;
  }): Promise<HoldResult>;
  /** Enrols at once (manual enrolment, by staff): takes a free seat or refuses with 'full'. */
  enrolDirectly(input: {
    courseId: string;
    participantId: string;
    now: Date;
  }): Promise<HoldResult | { kind: 'enrolled' }>;
  /** offered → enrolled, only while the hold lasts; atomic against expiry and cancellation. */
  accept(input: { courseId: string; participantId: string; now: Date }): Promise<AcceptResult>;
  /**
   * Gives a seat back: offered → declined|expired, enrolled → cancelled, waiting → cancelled
   * (no seat). If a seat was freed and someone waits, the first waiting now holds it (one transaction,
   * retried against races), with a hold of the course's holdHours.
   */
  release(input: {
    courseId: string;
    participantId: string;
    to: 'declined' | 'expired' | 'cancelled';
    now: Date;
    /** Only if the enrolment is still in this status (e.g. expire only an open offer). */
    onlyIf?: EnrolmentStatus;
  }): Promise<ReleaseResult>;
  /** Rewrites the waiting list's order; refuses (ConflictError) unless it names exactly who waits. */
  reorderWaiting(courseId: string, participantIds: readonly string[]): Promise<void>;
  /** Sets one session's attendance mark; returns the value before (undefined: not recorded). */
  markAttendance(input: {
    courseId: string;
    participantId: string;
    sessionId: string;
    present: boolean;
    now: Date;
  }): Promise<{ before: boolean | undefined }>;
  /** Sets the final status of an enrolment after certification. */
  finishEnrolment(input: {
    courseId: string;
    participantId: string;
    status: 'certified' | 'not-certified';
    certificateNumber?: string;
    now: Date;
  }): Promise<void>;

  putCertificate(certificate: Certificate): Promise<void>;
  getCertificate(number: string): Promise<Certificate | undefined>;
  certificatesOf(participantId: string): Promise<Certificate[]>;
  certificatesOfCourse(courseId: string): Promise<Certificate[]>;
  revokeCertificate(number: string, input: { reason: string; by: string; at: string }): Promise<void>;

  putOfferLink(link: OfferLink): Promise<void>;
  getOfferLink(tokenHash: string): Promise<OfferLink | undefined>;
  /** Marks the link used with its answer; false if it was used already (first answer wins). */
  useOfferLink(tokenHash: string, answer: 'accept' | 'decline', at: string): Promise<boolean>;
}

/** Hours between two HH:MM clock times of one day, to the quarter hour. */
export function sessionHours(session: Pick<Session, 'start' | 'end'>): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return Math.round(((minutes(session.end) - minutes(session.start)) / 60) * 4) / 4;
}

/** Teaching hours of the sessions that take place. */
export const courseHours = (course: Pick<Course, 'sessions'>): number =>
  course.sessions.filter((s) => !s.cancelled).reduce((sum, s) => sum + sessionHours(s), 0);
