import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoCourseStore } from '../../functions/shared/adapters/course-store.ts';
import { hashToken } from '../../functions/shared/domain/approvals.ts';
import type { CourseStore, Participant } from '../../functions/shared/domain/course-model.ts';
import { ConflictError, ValidationError } from '../../functions/shared/domain/errors.ts';
import { sampleCourse, startCourseTable } from '../support/course-table.ts';

let table: Awaited<ReturnType<typeof startCourseTable>>;
let store: CourseStore;
const now = new Date('2030-02-01T12:00:00.000Z');
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

beforeAll(async () => {
  table = await startCourseTable();
  store = dynamoCourseStore(table.client, table.tableName);
});
afterAll(async () => {
  await table?.stop();
});

const hold = (courseId: string, participantId: string, waitingListIfFull = true) =>
  store.hold({ courseId, participantId, now, holdHours: 72, waitingListIfFull });

describe('courses', () => {
  it('creates, reads, lists soonest first and edits only from the current revision', async () => {
    const late = sampleCourse({
      sessions: [{ sessionId: 'a', date: '2031-05-01', start: '10:00', end: '12:00' }],
    });
    const soon = sampleCourse({ formSlug: 'other-programme', place: 'Town hall' });
    await store.createCourse(late);
    await store.createCourse(soon);
    await expect(store.createCourse(soon)).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getCourse(soon.courseId)).toEqual(soon);
    const ids = (await store.listCourses()).map((c) => c.courseId);
    expect(ids.indexOf(soon.courseId)).toBeLessThan(ids.indexOf(late.courseId));
    expect((await store.listCourses('other-programme')).map((c) => c.courseId)).toEqual([soon.courseId]);

    const edited = { ...soon, capacity: 5, place: undefined, revision: 1, taken: 99 };
    await store.updateCourse(edited, 0);
    const saved = await store.getCourse(soon.courseId);
    expect(saved).toMatchObject({ capacity: 5, revision: 1, taken: 0 });
    expect(saved).not.toHaveProperty('place');
    await expect(store.updateCourse({ ...edited, revision: 2 }, 0)).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses an edit that leaves fewer seats than are taken', async () => {
    const course = sampleCourse({ capacity: 2 });
    await store.createCourse(course);
    await hold(course.courseId, 'p1');
    await hold(course.courseId, 'p2');
    const error = await store.updateCourse({ ...course, capacity: 1, revision: 1 }, 0).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.field).toBe('capacity');
  });
});

describe('seats', () => {
  it('offers free seats, then queues, and never lets a newcomer jump the list', async () => {
    const course = sampleCourse({ capacity: 2 });
    await store.createCourse(course);
    expect(await hold(course.courseId, 'a')).toEqual({
      kind: 'offered',
      offerExpiresAt: later(72).toISOString(),
    });
    expect((await hold(course.courseId, 'b')).kind).toBe('offered');
    expect(await hold(course.courseId, 'c')).toEqual({ kind: 'waiting', position: 1 });
    expect(await hold(course.courseId, 'd', false)).toEqual({ kind: 'refused', reason: 'full' });
    expect(await hold(course.courseId, 'd')).toEqual({ kind: 'waiting', position: 2 });
    // A repeated hold answers what the person already has.
    expect(await hold(course.courseId, 'a')).toEqual({
      kind: 'offered',
      offerExpiresAt: later(72).toISOString(),
    });
    expect(await hold(course.courseId, 'd')).toEqual({ kind: 'waiting', position: 2 });

    const released = await store.release({
      courseId: course.courseId,
      participantId: 'a',
      to: 'declined',
      now,
    });
    expect(released).toEqual({
      released: true,
      promoted: { participantId: 'c', offerExpiresAt: later(72).toISOString() },
    });
    // A seat freed while d waits goes to d, not to a newcomer.
    expect(await hold(course.courseId, 'e')).toEqual({ kind: 'waiting', position: 2 });
    expect(await store.getCourse(course.courseId)).toMatchObject({ taken: 2, enrolled: 0, waiting: 2 });
  });

  it('accepts only an open offer before it ends', async () => {
    const course = sampleCourse({ capacity: 2 });
    await store.createCourse(course);
    await hold(course.courseId, 'a');
    await hold(course.courseId, 'b');
    const accept = (participantId: string, at = now) =>
      store.accept({ courseId: course.courseId, participantId, now: at });
    expect(await accept('a')).toEqual({ kind: 'enrolled' });
    expect(await accept('a')).toEqual({ kind: 'already-enrolled' });
    expect(await accept('b', later(73))).toEqual({ kind: 'expired' });
    expect(await accept('nobody')).toEqual({ kind: 'not-offered', status: 'none' });
    // An expiry never undoes an accepted seat.
    expect(
      await store.release({
        courseId: course.courseId,
        participantId: 'a',
        to: 'expired',
        now,
        onlyIf: 'offered',
      }),
    ).toEqual({ released: false });
    expect(
      await store.release({
        courseId: course.courseId,
        participantId: 'b',
        to: 'expired',
        now,
        onlyIf: 'offered',
      }),
    ).toEqual({ released: true });
    expect(await accept('b')).toEqual({ kind: 'not-offered', status: 'expired' });
    expect(await store.getCourse(course.courseId)).toMatchObject({ taken: 1, enrolled: 1, waiting: 0 });
    expect(await store.getEnrolment(course.courseId, 'a')).toMatchObject({
      status: 'enrolled',
      enrolledAt: now.toISOString(),
    });
  });
});

describe('participants', () => {
  it('stores a participant, finds them by page token, and lists those awaiting a course', async () => {
    const participant: Participant = {
      participantId: 'sub-1',
      formSlug: 'guides',
      source: 'form',
      locale: 'de',
      state: 'awaiting-course',
      pageToken: 'page-token-1',
      approvedAt: '2030-01-02T00:00:00.000Z',
      createdAt: '2030-01-02T00:00:00.000Z',
      updatedAt: '2030-01-02T00:00:00.000Z',
    };
    await store.putParticipant(participant);
    expect(await store.participantByPageToken(hashToken('page-token-1'))).toEqual(participant);
    expect((await store.listAwaitingCourse('guides')).map((p) => p.participantId)).toEqual(['sub-1']);
    await store.updateParticipant('sub-1', {
      state: 'offered',
      currentCourseId: 'c-1',
      approvedAt: undefined,
    });
    const updated = await store.getParticipant('sub-1');
    expect(updated).toMatchObject({ state: 'offered', currentCourseId: 'c-1' });
    expect(updated).not.toHaveProperty('approvedAt');
    expect(await store.listAwaitingCourse('guides')).toEqual([]);
  });
});
