import { describe, expect, it } from 'vitest';
import { type CourseInput, courseView, enrolmentView } from '../../functions/shared/contracts/courses.ts';
import type { Course, Enrolment } from '../../functions/shared/domain/course-model.ts';
import {
  attendanceSummary,
  editCourse,
  firstSessionStart,
  newCourse,
  pickCourse,
  registrationOpen,
  toCourseView,
  toEnrolmentView,
  zonedInstant,
} from '../../functions/shared/domain/courses.ts';
import { ConflictError, ValidationError } from '../../functions/shared/domain/errors.ts';

const now = new Date('2030-02-01T12:00:00.000Z');

const input = (overrides: Partial<CourseInput> = {}): CourseInput => ({
  formSlug: 'guides',
  title: { de: 'Vorbereitung', en: 'Preparation' },
  teachingLanguage: 'de',
  sessions: [
    { date: '2030-03-09', start: '18:00', end: '21:00' },
    { date: '2030-03-02', start: '18:00', end: '20:30' },
  ],
  capacity: 10,
  passPercent: 80,
  coordinator: 'coordinator@example.org',
  holdHours: 72,
  timeZone: 'Europe/Berlin',
  ...overrides,
});

const course = (overrides: Partial<Course> = {}, inputOverrides: Partial<CourseInput> = {}): Course => ({
  ...newCourse(input(inputOverrides), now, 'coordinator@example.org'),
  ...overrides,
});

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.field);
    throw error;
  }
  return [];
};

describe('newCourse and editCourse', () => {
  it('creates an open course with fresh ids, sessions in order and empty counters', () => {
    const created = newCourse(input(), now, 'coordinator@example.org');
    expect(created).toMatchObject({ status: 'open', revision: 0, taken: 0, enrolled: 0, waiting: 0 });
    expect(created.courseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.sessions.map((s) => s.date)).toEqual(['2030-03-02', '2030-03-09']);
    expect(new Set(created.sessions.map((s) => s.sessionId)).size).toBe(2);
    expect(created).toMatchObject({ createdBy: 'coordinator@example.org', createdAt: now.toISOString() });
  });

  it('keeps the ids of sessions that stay, gives new ones theirs, and bumps the revision', () => {
    const before = course();
    const [first, second] = before.sessions;
    const edited = editCourse(
      before,
      input({
        place: 'Town hall',
        sessions: [
          { sessionId: second?.sessionId, date: '2030-03-16', start: '18:00', end: '21:00' },
          { date: '2030-03-23', start: '10:00', end: '12:00' },
        ],
      }),
      0,
      later(1),
    );
    expect(edited.revision).toBe(1);
    expect(edited.place).toBe('Town hall');
    expect(edited.sessions[0]).toMatchObject({ sessionId: second?.sessionId, date: '2030-03-16' });
    expect(edited.sessions[1]?.sessionId).not.toBe(first?.sessionId);
    expect(edited.sessions.map((s) => s.sessionId)).not.toContain(first?.sessionId);
    // Leaving an optional field out of the edit removes it.
    expect(editCourse(edited, input(), 1, later(2))).not.toHaveProperty('place');
  });

  it('refuses a stale revision, a capacity below the seats taken and removing a recorded session', () => {
    const before = course({ taken: 6, enrolled: 4 });
    const [first, second] = before.sessions;
    expect(() => editCourse(before, input(), 3, now)).toThrow(ConflictError);
    expect(issuesOf(() => editCourse(before, input({ capacity: 5 }), 0, now))).toEqual(['capacity']);
    const onlySecond = input({
      sessions: [{ sessionId: second?.sessionId, date: '2030-03-09', start: '18:00', end: '21:00' }],
    });
    expect(issuesOf(() => editCourse(before, onlySecond, 0, now, new Set([first?.sessionId ?? ''])))).toEqual(
      ['sessions.0'],
    );
    const completed = {
      ...before,
      sessions: before.sessions.map((s) => ({ ...s, attendanceCompletedAt: now.toISOString() })),
    };
    expect(issuesOf(() => editCourse(completed, onlySecond, 0, now))).toEqual(['sessions.0']);
    expect(editCourse(before, onlySecond, 0, now).sessions).toHaveLength(1);
    expect(
      issuesOf(() =>
        editCourse(
          before,
          input({ sessions: [{ sessionId: 'nope', date: '2030-03-09', start: '18:00', end: '21:00' }] }),
          0,
          now,
        ),
      ),
    ).toEqual(['sessions.0.sessionId']);
  });
});

describe('views', () => {
  it('counts seats held, free and waiting, and hours of the sessions that take place', () => {
    const view = toCourseView(course({ taken: 7, enrolled: 4, waiting: 2 }));
    expect(view.seats).toEqual({ capacity: 10, taken: 7, held: 3, enrolled: 4, free: 3, waiting: 2 });
    expect(view.hours).toBe(5.5);
    expect(courseView.safeParse(view).success).toBe(true);
    expect(toCourseView(cancelFirst(course())).hours).toBe(3);
  });

  it('shows the place on the waiting list by rank', () => {
    const c = course();
    const waiting = (participantId: string, waitingRank: number): Enrolment => ({
      courseId: c.courseId,
      participantId,
      status: 'waiting',
      waitingRank,
      attendance: {},
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    const all = [waiting('late', 9), waiting('early', 2), waiting('middle', 5)];
    const person = { name: 'Amal Haddad', locale: 'ar', source: 'form' as const };
    const view = toEnrolmentView(c, at(all, 2), person, all);
    expect(view.waitingPosition).toBe(2);
    expect(enrolmentView.safeParse(view).success).toBe(true);
    expect(
      toEnrolmentView(c, { ...at(all, 0), status: 'enrolled' }, person, all).waitingPosition,
    ).toBeUndefined();
  });
});

describe('attendance', () => {
  it('counts the sessions not cancelled and compares with the pass mark', () => {
    const c = newCourse(
      input({
        passPercent: 75,
        sessions: [1, 2, 3, 4, 5].map((day) => ({ date: `2030-03-0${day}`, start: '09:00', end: '11:15' })),
      }),
      now,
      'x',
    );
    const ids = c.sessions.map((s) => s.sessionId);
    const withCancelled = {
      ...c,
      sessions: c.sessions.map((s, i) => (i === 4 ? { ...s, cancelled: true } : s)),
    };
    const present = (n: number) => Object.fromEntries(ids.slice(0, n).map((id) => [id, true]));
    expect(attendanceSummary(withCancelled, { attendance: present(3) })).toEqual({
      attendedHours: 6.75,
      attendancePercent: 75,
      meets: true,
    });
    expect(
      attendanceSummary(withCancelled, { attendance: { ...present(2), [at(ids, 2)]: false } }),
    ).toMatchObject({
      attendancePercent: 50,
      meets: false,
    });
    expect(attendanceSummary(c, { attendance: present(2) }).attendancePercent).toBe(40);
  });
});

describe('time zones', () => {
  it('reads session times in the course zone, summer time included', () => {
    expect(zonedInstant('2030-03-30', '18:00', 'Europe/Berlin').toISOString()).toBe(
      '2030-03-30T17:00:00.000Z',
    );
    // Summer time begins on 31 March 2030 in Berlin.
    expect(zonedInstant('2030-03-31', '18:00', 'Europe/Berlin').toISOString()).toBe(
      '2030-03-31T16:00:00.000Z',
    );
    expect(zonedInstant('2030-07-01', '09:30', 'America/New_York').toISOString()).toBe(
      '2030-07-01T13:30:00.000Z',
    );
    expect(zonedInstant('2030-01-15', '10:00', 'Asia/Kolkata').toISOString()).toBe(
      '2030-01-15T04:30:00.000Z',
    );
    // 02:30 does not exist that night (clocks go to 03:00): an hour later; in October it happens twice: the first.
    expect(zonedInstant('2030-03-31', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2030-03-31T01:30:00.000Z',
    );
    expect(zonedInstant('2030-10-27', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2030-10-27T00:30:00.000Z',
    );
  });

  it('starts a course at its first session that takes place', () => {
    const c = course({}, { timeZone: 'Europe/Berlin' });
    expect(firstSessionStart(c).toISOString()).toBe('2030-03-02T17:00:00.000Z');
    expect(firstSessionStart(cancelFirst(c)).toISOString()).toBe('2030-03-09T17:00:00.000Z');
  });

  it('takes offers up to the deadline, by default the day before the first session', () => {
    const c = course();
    expect(registrationOpen(c, new Date('2030-03-01T22:59:00Z'))).toBe(true); // 23:59 on 1 March in Berlin
    expect(registrationOpen(c, new Date('2030-03-01T23:00:00Z'))).toBe(false);
    const withDeadline = course({ registrationDeadline: '2030-02-20' });
    expect(registrationOpen(withDeadline, new Date('2030-02-20T12:00:00Z'))).toBe(true);
    expect(registrationOpen(withDeadline, new Date('2030-02-21T12:00:00Z'))).toBe(false);
    expect(registrationOpen(course({ status: 'cancelled' }), now)).toBe(false);
  });
});

describe('pickCourse', () => {
  const participant = { formSlug: 'guides', locale: 'ar' };
  const on = (date: string, overrides: Partial<Course> = {}, teachingLanguage = 'de') =>
    course(overrides, { teachingLanguage, sessions: [{ date, start: '18:00', end: '21:00' }] });
  const left = (c: Course, status: Enrolment['status']): Enrolment => ({
    courseId: c.courseId,
    participantId: 'p',
    status,
    attendance: {},
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  const pick = (courses: Course[], history: Enrolment[] = [], who = participant) =>
    pickCourse({ courses, history, participant: who, now });

  it('offers the soonest course in the volunteer’s language, else the soonest in any', () => {
    const german = on('2030-03-01');
    const arabicLater = on('2030-04-01', {}, 'ar');
    const arabicSoon = on('2030-03-15', {}, 'ar');
    expect(pick([german, arabicLater, arabicSoon])).toEqual({ courseId: arabicSoon.courseId, mode: 'offer' });
    expect(pick([german, arabicLater], [], { formSlug: 'guides', locale: 'uk' })).toEqual({
      courseId: german.courseId,
      mode: 'offer',
    });
    expect(pick([german], [], { formSlug: 'guides', locale: 'de-AT' })?.courseId).toBe(german.courseId);
  });

  it('passes over full courses to a free one, and queues for the soonest when all are full', () => {
    const full = on('2030-03-01', { taken: 10 });
    const queueing = on('2030-03-08', { taken: 9, waiting: 1 });
    const free = on('2030-03-20');
    expect(pick([full, queueing, free])).toEqual({ courseId: free.courseId, mode: 'offer' });
    expect(pick([queueing, full])).toEqual({ courseId: full.courseId, mode: 'waiting' });
  });

  it('skips courses they declined, let expire, gave back or failed, and other programmes', () => {
    const a = on('2030-03-01');
    const b = on('2030-03-02');
    const c = on('2030-03-03');
    const d = on('2030-03-04');
    const other = on('2030-02-20', { formSlug: 'mentors' });
    const history = [left(a, 'declined'), left(b, 'expired'), left(c, 'not-certified')];
    expect(pick([a, b, c, d, other], history)?.courseId).toBe(d.courseId);
    expect(pick([a, b, c, other], [...history])).toBeUndefined();
    expect(pick([d], [left(d, 'cancelled')])).toBeUndefined();
  });

  it('skips courses past their deadline, already begun, or not open', () => {
    const past = on('2030-01-15');
    const today = on('2030-02-01');
    const deadlinePassed = on('2030-03-01', { registrationDeadline: '2030-01-31' });
    const cancelled = on('2030-03-01', { status: 'cancelled' });
    expect(pick([past, today, deadlinePassed, cancelled])).toBeUndefined();
    const tomorrow = on('2030-02-02');
    // Today is its default deadline (the day before): still offered today, no longer tomorrow.
    expect(pick([tomorrow])?.mode).toBe('offer');
    expect(pickCourse({ courses: [tomorrow], history: [], participant, now: later(24) })).toBeUndefined();
  });
});

function cancelFirst(c: Course): Course {
  return { ...c, sessions: c.sessions.map((s, i) => (i === 0 ? { ...s, cancelled: true } : s)) };
}

function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`nothing at ${index}`);
  return value;
}

function later(hours: number) {
  return new Date(now.getTime() + hours * 3_600_000);
}
