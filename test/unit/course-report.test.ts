import { describe, expect, it } from 'vitest';
import type { Certificate, Course, Enrolment } from '../../functions/shared/domain/course-model.ts';
import { buildReport, monthsBetween } from '../../functions/shared/domain/course-report.ts';

const course = (overrides: Partial<Course>): Course => ({
  courseId: 'c1',
  formSlug: 'guides',
  title: { de: 'Kurs' },
  teachingLanguage: 'de',
  sessions: [],
  capacity: 10,
  passPercent: 80,
  coordinator: 'k@example.org',
  holdHours: 72,
  timeZone: 'Europe/Berlin',
  status: 'open',
  revision: 0,
  taken: 0,
  enrolled: 0,
  waiting: 0,
  certification: 'not-started',
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
  createdBy: 'k@example.org',
  ...overrides,
});

const enrolment = (participantId: string, overrides: Partial<Enrolment>): Enrolment => ({
  courseId: 'c1',
  participantId,
  status: 'enrolled',
  attendance: {},
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
  ...overrides,
});

const certificate = (number: string, overrides: Partial<Certificate>): Certificate => ({
  number,
  participantId: 'p1',
  courseId: 'c1',
  formSlug: 'guides',
  name: 'Anna',
  programme: 'Guides',
  courseTitle: 'Kurs',
  locale: 'de',
  firstSession: '2027-03-01',
  lastSession: '2027-03-08',
  hours: 6,
  issuedAt: '2027-03-09T10:00:00Z',
  credential: 'x.y.z',
  status: 'valid',
  ...overrides,
});

// March: two sessions (3 h and 2.5 h) and one cancelled; April: one session after the period.
const guidesCourse = course({
  sessions: [
    { sessionId: 's1', date: '2027-03-01', start: '18:00', end: '21:00' },
    { sessionId: 's2', date: '2027-03-08', start: '18:00', end: '20:30' },
    { sessionId: 's3', date: '2027-03-15', start: '18:00', end: '21:00', cancelled: true },
    { sessionId: 's4', date: '2027-04-05', start: '18:00', end: '21:00' },
  ],
});
const otherCourse = course({
  courseId: 'c2',
  formSlug: 'mentors',
  sessions: [{ sessionId: 'm1', date: '2027-02-10', start: '10:00', end: '12:00' }],
});
const cancelledCourse = course({
  courseId: 'c3',
  status: 'cancelled',
  sessions: [{ sessionId: 'x1', date: '2027-03-20', start: '10:00', end: '16:00' }],
});

const input = {
  from: '2027-02-01',
  to: '2027-03-31',
  programmes: [
    { formSlug: 'guides', title: 'Integrationslotsen' },
    { formSlug: 'mentors', title: 'Mentoring' },
  ],
  registrations: [
    { formSlug: 'guides', receivedAt: '2027-01-31T23:59:59Z' }, // before
    { formSlug: 'guides', receivedAt: '2027-02-01T00:00:00Z' },
    { formSlug: 'guides', receivedAt: '2027-03-31T22:00:00Z' },
    { formSlug: 'mentors', receivedAt: '2027-02-15T08:00:00Z' },
    { formSlug: 'unknown-form', receivedAt: '2027-02-15T08:00:00Z' }, // not asked for
  ],
  approvals: [
    { formSlug: 'guides', approvedAt: '2027-02-03T10:00:00Z' },
    { formSlug: 'guides', approvedAt: '2027-04-01T00:00:00Z' }, // after
  ],
  courses: [guidesCourse, otherCourse, cancelledCourse],
  enrolments: [
    enrolment('p1', {
      offeredAt: '2027-02-05T10:00:00Z',
      enrolledAt: '2027-02-06T10:00:00Z',
      attendance: { s1: true, s2: true, s3: false, s4: true },
    }),
    enrolment('p2', {
      offeredAt: '2027-02-05T10:00:00Z',
      enrolledAt: '2027-03-02T10:00:00Z',
      attendance: { s1: false, s2: true },
    }),
    enrolment('p3', { status: 'offered', offeredAt: '2027-03-30T10:00:00Z' }),
    enrolment('p4', { status: 'expired', offeredAt: '2027-01-20T10:00:00Z' }), // offer before
    enrolment('m1', {
      courseId: 'c2',
      offeredAt: '2027-02-01T09:00:00Z',
      enrolledAt: '2027-02-01T10:00:00Z',
    }),
  ],
  certificates: [
    certificate('A', {}),
    certificate('B', { issuedAt: '2027-04-02T10:00:00Z' }), // after
    certificate('C', { status: 'revoked', revokedAt: '2027-03-20T00:00:00Z' }),
  ],
};

describe('buildReport', () => {
  const report = buildReport(input);
  const guides = report.programmes.find((p) => p.formSlug === 'guides');
  const mentors = report.programmes.find((p) => p.formSlug === 'mentors');

  it('counts registrations, approvals, offers, enrolments and certificates inside the period only', () => {
    expect(guides).toMatchObject({
      title: 'Integrationslotsen',
      registrations: 2,
      approvals: 1,
      offers: 3,
      enrolments: 2,
      certificates: 1,
    });
    expect(mentors).toMatchObject({
      registrations: 1,
      approvals: 0,
      offers: 1,
      enrolments: 1,
      certificates: 0,
    });
  });

  it('counts teaching hours of sessions held (not cancelled, not of a cancelled course) in the period', () => {
    expect(guides?.teachingHours).toBe(5.5);
    expect(mentors?.teachingHours).toBe(2);
  });

  it('rates attendance over recorded marks of sessions in the period and sums hours attended', () => {
    // p1: s1 ✓ s2 ✓ (s3 cancelled, s4 after) · p2: s1 ✗ s2 ✓ → 3 of 4.
    expect(guides?.attendanceRate).toBe(0.75);
    expect(guides?.volunteerHours).toBe(3 + 2.5 + 2.5);
    expect(mentors?.attendanceRate).toBeNull();
    expect(mentors?.volunteerHours).toBe(0);
  });

  it('adds the programmes up in the totals, with one attendance rate over all marks', () => {
    expect(report.totals).toEqual({
      registrations: 3,
      approvals: 1,
      offers: 4,
      enrolments: 3,
      certificates: 1,
      teachingHours: 7.5,
      volunteerHours: 8,
      attendanceRate: 0.75,
    });
  });

  it('gives every month of the period for the chart, empty ones included', () => {
    expect(report.months).toEqual([
      { month: '2027-02', registrations: 2, approvals: 1, enrolments: 2, certificates: 0 },
      { month: '2027-03', registrations: 1, approvals: 0, enrolments: 1, certificates: 1 },
    ]);
    expect(
      buildReport({ ...input, from: '2026-12-15', to: '2027-01-10' }).months.map((m) => m.month),
    ).toEqual(['2026-12', '2027-01']);
  });

  it('leaves sessions after today out of teaching hours', () => {
    const early = buildReport({ ...input, today: '2027-03-05' });
    expect(early.programmes.find((p) => p.formSlug === 'guides')?.teachingHours).toBe(3);
  });

  it('answers an empty period with zeros and no rate', () => {
    const empty = buildReport({ ...input, from: '2020-01-01', to: '2020-01-31' });
    expect(empty.totals).toMatchObject({ registrations: 0, teachingHours: 0, attendanceRate: null });
    expect(empty.months).toHaveLength(1);
  });
});

describe('monthsBetween', () => {
  it('crosses the year', () => {
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
