import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoCourseStore } from '../../functions/shared/adapters/course-store.ts';
import { hashToken } from '../../functions/shared/domain/approvals.ts';
import type { Certificate, CourseStore, Participant } from '../../functions/shared/domain/course-model.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../functions/shared/domain/errors.ts';
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

describe('more seat changes', () => {
  it('enrols directly while seats are free, converts an open offer, and refuses when full or closed', async () => {
    const course = sampleCourse({ capacity: 2 });
    await store.createCourse(course);
    const { courseId } = course;
    const enrol = (participantId: string) => store.enrolDirectly({ courseId, participantId, now });
    expect(await enrol('phone-1')).toEqual({ kind: 'enrolled' });
    expect(await enrol('phone-1')).toEqual({ kind: 'refused', reason: 'already-enrolled' });
    await hold(courseId, 'offered-1');
    expect(await enrol('phone-2')).toEqual({ kind: 'refused', reason: 'full' });
    expect(await enrol('offered-1')).toEqual({ kind: 'enrolled' });
    expect(await store.getCourse(courseId)).toMatchObject({ taken: 2, enrolled: 2, waiting: 0 });
    await store.updateCourse({ ...course, status: 'cancelled', revision: 1 }, 0);
    expect(await enrol('phone-3')).toEqual({ kind: 'refused', reason: 'closed' });
    expect(await hold(courseId, 'phone-3')).toEqual({ kind: 'refused', reason: 'closed' });
  });

  it('lets someone leave the waiting list and a cancelled seat go to the new first after a reorder', async () => {
    const course = sampleCourse({ capacity: 1 });
    await store.createCourse(course);
    const { courseId } = course;
    for (const participantId of ['seat', 'w1', 'w2', 'w3', 'w4']) await hold(courseId, participantId);
    expect(await store.release({ courseId, participantId: 'w2', to: 'cancelled', now })).toEqual({
      released: true,
    });
    await expect(store.reorderWaiting(courseId, ['w3', 'w1'])).rejects.toBeInstanceOf(ConflictError);
    await expect(store.reorderWaiting(courseId, ['w4', 'w3', 'w1', 'w2'])).rejects.toBeInstanceOf(
      ConflictError,
    );
    await store.reorderWaiting(courseId, ['w4', 'w1', 'w3']);
    expect(await hold(courseId, 'w5')).toEqual({ kind: 'waiting', position: 4 });
    await store.accept({ courseId, participantId: 'seat', now });
    const released = await store.release({ courseId, participantId: 'seat', to: 'cancelled', now });
    expect(released.promoted?.participantId).toBe('w4');
    const positions = (await store.listEnrolments(courseId))
      .filter((e) => e.status === 'waiting')
      .sort((a, b) => (a.waitingRank ?? 0) - (b.waitingRank ?? 0))
      .map((e) => e.participantId);
    expect(positions).toEqual(['w1', 'w3', 'w5']);
    expect(await store.getCourse(courseId)).toMatchObject({ taken: 1, enrolled: 0, waiting: 3 });
  });

  it('gives a seat of a cancelled course back without offering it to anyone', async () => {
    const course = sampleCourse({ capacity: 1 });
    await store.createCourse(course);
    const { courseId } = course;
    await hold(courseId, 'seat');
    await hold(courseId, 'queued');
    await store.updateCourse({ ...course, status: 'cancelled', revision: 1 }, 0);
    expect(await store.release({ courseId, participantId: 'seat', to: 'cancelled', now })).toEqual({
      released: true,
    });
    expect(await store.getCourse(courseId)).toMatchObject({ taken: 0, waiting: 1 });
  });

  it('records attendance, reports the mark before, and finishes an enrolment', async () => {
    const course = sampleCourse();
    await store.createCourse(course);
    const { courseId } = course;
    await store.enrolDirectly({ courseId, participantId: 'p', now });
    await hold(courseId, 'offered');
    const mark = (participantId: string, present: boolean) =>
      store.markAttendance({ courseId, participantId, sessionId: 's1', present, now });
    expect(await mark('p', true)).toEqual({ before: undefined });
    expect(await mark('p', false)).toEqual({ before: true });
    await expect(mark('offered', true)).rejects.toBeInstanceOf(ConflictError);
    await expect(mark('stranger', true)).rejects.toBeInstanceOf(NotFoundError);
    expect((await store.getEnrolment(courseId, 'p'))?.attendance).toEqual({ s1: false });

    await store.finishEnrolment({
      courseId,
      participantId: 'p',
      status: 'certified',
      certificateNumber: 'LOTSE-2030-X',
      now,
    });
    await store.finishEnrolment({
      courseId,
      participantId: 'p',
      status: 'certified',
      certificateNumber: 'LOTSE-2030-X',
      now,
    });
    expect(await store.getEnrolment(courseId, 'p')).toMatchObject({
      status: 'certified',
      certificateNumber: 'LOTSE-2030-X',
    });
    await expect(
      store.finishEnrolment({ courseId, participantId: 'offered', status: 'not-certified', now }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await mark('p', true)).toEqual({ before: false });
    const history = await store.enrolmentsOf('p');
    expect(history.map((e) => e.courseId)).toContain(courseId);
  });
});

describe('certificates and offer links', () => {
  const certificate = (number: string, courseId: string): Certificate => ({
    number,
    participantId: 'cert-p',
    courseId,
    formSlug: 'guides',
    name: 'Олена Шевченко',
    programme: 'Integration guides',
    courseTitle: 'Preparation',
    locale: 'uk',
    firstSession: '2030-03-02',
    lastSession: '2030-03-09',
    hours: 6,
    issuedAt: '2030-03-10T10:00:00.000Z',
    credential: 'eyJhbGciOiJFUzI1NiJ9.e30.sig',
    status: 'valid',
  });

  it('stores certificates once, finds them by person and course, and revokes once', async () => {
    await store.putCertificate(certificate('LOTSE-2030-AAAA', 'c-cert'));
    await store.putCertificate(certificate('LOTSE-2030-BBBB', 'c-other'));
    await expect(store.putCertificate(certificate('LOTSE-2030-AAAA', 'c-cert'))).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await store.getCertificate('LOTSE-2030-AAAA')).toEqual(certificate('LOTSE-2030-AAAA', 'c-cert'));
    expect((await store.certificatesOf('cert-p')).map((c) => c.number).sort()).toEqual([
      'LOTSE-2030-AAAA',
      'LOTSE-2030-BBBB',
    ]);
    expect((await store.certificatesOfCourse('c-cert')).map((c) => c.number)).toEqual(['LOTSE-2030-AAAA']);
    const revocation = { reason: 'issued in error', by: 'admin@example.org', at: '2030-04-01T00:00:00.000Z' };
    await store.revokeCertificate('LOTSE-2030-AAAA', revocation);
    expect(await store.getCertificate('LOTSE-2030-AAAA')).toMatchObject({
      status: 'revoked',
      revokedReason: 'issued in error',
      revokedBy: 'admin@example.org',
    });
    await expect(store.revokeCertificate('LOTSE-2030-AAAA', revocation)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(store.revokeCertificate('LOTSE-2030-NONE', revocation)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('keeps an offer link and lets only the first answer use it', async () => {
    const link = {
      tokenHash: hashToken('offer-token'),
      courseId: 'c',
      participantId: 'p',
      expiresAt: later(72).toISOString(),
    };
    await store.putOfferLink(link);
    expect(await store.getOfferLink(link.tokenHash)).toEqual(link);
    expect(await store.useOfferLink(link.tokenHash, 'accept', now.toISOString())).toBe(true);
    expect(await store.useOfferLink(link.tokenHash, 'decline', now.toISOString())).toBe(false);
    expect(await store.getOfferLink(link.tokenHash)).toEqual({
      ...link,
      usedAt: now.toISOString(),
      answer: 'accept',
    });
    expect(await store.useOfferLink(hashToken('unknown'), 'accept', now.toISOString())).toBe(false);
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

    await store.parkTaskToken('sub-1', 'token-1');
    await store.parkTaskToken('sub-1', 'token-2');
    await store.clearTaskToken('sub-1', 'token-1');
    expect((await store.getParticipant('sub-1'))?.taskToken).toBe('token-2');
    await store.clearTaskToken('sub-1', 'token-2');
    expect(await store.getParticipant('sub-1')).not.toHaveProperty('taskToken');
    await store.updateParticipant('sub-1', { state: 'awaiting-course' });
    expect((await store.listAwaitingCourse('guides')).map((p) => p.participantId)).toEqual(['sub-1']);
    await expect(store.parkTaskToken('nobody', 't')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('seats under concurrency', () => {
  const CAPACITY = 20;
  const PEOPLE = 200;

  /** Reads the course over and over while `work` runs; every reading must keep taken ≤ capacity. */
  async function watchTaken<T>(
    courseId: string,
    work: Promise<T>,
  ): Promise<{ result: T; readings: number[] }> {
    let done = false;
    const readings: number[] = [];
    const watcher = (async () => {
      while (!done) readings.push((await store.getCourse(courseId))?.taken ?? -1);
    })();
    const result = await work.finally(() => {
      done = true;
    });
    await watcher;
    return { result, readings };
  }

  async function countsFromItems(courseId: string) {
    const enrolments = await store.listEnrolments(courseId);
    const count = (status: string) => enrolments.filter((e) => e.status === status).length;
    return { enrolments, offered: count('offered'), enrolled: count('enrolled'), waiting: count('waiting') };
  }

  it('200 people taking 20 seats at once, then accepting against expiries and cancellations', async () => {
    for (let round = 1; round <= 3; round++) {
      const course = sampleCourse({ capacity: CAPACITY });
      await store.createCourse(course);
      const { courseId } = course;
      const people = Array.from({ length: PEOPLE }, (_, i) => `r${round}-p${i}`);

      const started = performance.now();
      const { result: holds, readings } = await watchTaken(
        courseId,
        Promise.all(people.map((participantId) => hold(courseId, participantId))),
      );
      console.log(
        `round ${round}: ${PEOPLE} holds at once took ${Math.round(performance.now() - started)} ms`,
      );
      expect(Math.max(...readings)).toBeLessThanOrEqual(CAPACITY);
      const holders = people.filter((_, i) => holds[i]?.kind === 'offered');
      expect(holders).toHaveLength(CAPACITY);
      expect(holds.filter((h) => h.kind === 'waiting')).toHaveLength(PEOPLE - CAPACITY);
      expect(await store.getCourse(courseId)).toMatchObject({
        taken: CAPACITY,
        enrolled: 0,
        waiting: PEOPLE - CAPACITY,
      });

      const before = await countsFromItems(courseId);
      const queue = before.enrolments
        .filter((e) => e.status === 'waiting')
        .sort((a, b) => (a.waitingRank ?? 0) - (b.waitingRank ?? 0));
      expect(new Set(queue.map((e) => e.waitingRank)).size).toBe(PEOPLE - CAPACITY);
      const positions = holds.flatMap((h) => (h.kind === 'waiting' ? [h.position] : []));
      expect(Math.max(...positions)).toBeLessThanOrEqual(PEOPLE - CAPACITY);

      // Every holder accepts while their offer's expiry fires; every fifth of the first 40 waiting cancel.
      const cancelling = queue
        .slice(0, 40)
        .filter((_, i) => i % 5 === 0)
        .map((e) => e.participantId);
      // Each operation starts after its own random jitter, so accepts and expiries interleave differently every round.
      // An expiry reads three times before it writes, so accepts get a wider window to let either side win.
      const jittered = <T>(operation: () => Promise<T>, spreadMs = 40) =>
        new Promise<void>((resolve) => setTimeout(resolve, Math.random() * spreadMs)).then(operation);
      const race = Promise.all([
        Promise.all(
          holders.map((participantId) =>
            jittered(() => store.accept({ courseId, participantId, now }), 1_000),
          ),
        ),
        Promise.all(
          holders.map((participantId) =>
            jittered(() => store.release({ courseId, participantId, to: 'expired', now, onlyIf: 'offered' })),
          ),
        ),
        Promise.all(
          cancelling.map((participantId) =>
            jittered(() => store.release({ courseId, participantId, to: 'cancelled', now })),
          ),
        ),
      ]);
      const { result, readings: during } = await watchTaken(courseId, race);
      const [accepts, expiries, cancels] = result;
      expect(Math.max(...during)).toBeLessThanOrEqual(CAPACITY);
      // A cancelling person may have been promoted first; then their cancel hands the seat on again.
      expect(cancels.every((c) => c.released)).toBe(true);

      const after = await countsFromItems(courseId);
      const status = new Map(after.enrolments.map((e) => [e.participantId, e.status]));
      holders.forEach((participantId, i) => {
        const accepted = accepts[i]?.kind === 'enrolled';
        // Told they have a seat → they have it; an expiry only won where the accept did not.
        if (accepted) expect(status.get(participantId)).toBe('enrolled');
        expect(accepted).toBe(!expiries[i]?.released);
      });
      const promoted = [...expiries, ...cancels].flatMap((e) =>
        e.promoted ? [e.promoted.participantId] : [],
      );
      expect(new Set(promoted).size).toBe(promoted.length);
      const seatsFreed = expiries.filter((e) => e.released).length + cancels.filter((c) => c.promoted).length;
      expect(promoted).toHaveLength(seatsFreed);
      for (const participantId of promoted)
        expect(status.get(participantId)).toBe(cancelling.includes(participantId) ? 'cancelled' : 'offered');
      // The freed seats went to the first waiting: nobody still waiting was ahead of anyone promoted.
      const rankOf = new Map(queue.map((e) => [e.participantId, e.waitingRank ?? 0]));
      const stillWaiting = after.enrolments
        .filter((e) => e.status === 'waiting')
        .map((e) => e.waitingRank ?? 0);
      const promotedRanks = promoted.map((id) => rankOf.get(id) ?? Number.POSITIVE_INFINITY);
      if (promoted.length > 0) expect(Math.max(...promotedRanks)).toBeLessThan(Math.min(...stillWaiting));

      const stored = await store.getCourse(courseId);
      // The list is long enough that every freed seat was handed on: the course stays full.
      expect(stored?.taken).toBe(CAPACITY);
      expect(after.enrolled + after.offered).toBe(stored?.taken);
      expect(after.enrolled).toBe(stored?.enrolled);
      expect(after.waiting).toBe(stored?.waiting);
      expect(after.waiting).toBe(queue.length - new Set([...promoted, ...cancelling]).size);
      console.log(
        `round ${round}: ${after.enrolled} enrolled, ${promoted.length} freed seats handed to the next waiting, ${after.waiting} still waiting`,
      );
    }
  }, 300_000);

  it('twenty offers expiring at once hand their seats to the first twenty waiting', async () => {
    const course = sampleCourse({ capacity: 20 });
    await store.createCourse(course);
    const { courseId } = course;
    const people = Array.from({ length: 50 }, (_, i) => `x${String(i).padStart(2, '0')}`);
    for (const participantId of people) await hold(courseId, participantId);
    const holders = people.slice(0, 20);
    const results = await Promise.all(
      holders.map((participantId) =>
        store.release({ courseId, participantId, to: 'expired', now, onlyIf: 'offered' }),
      ),
    );
    const promoted = results.map((r) => r.promoted?.participantId).sort();
    expect(promoted).toEqual(people.slice(20, 40));
    expect(await store.getCourse(courseId)).toMatchObject({ taken: 20, waiting: 10 });
  });

  it('two releases at once promote two different people, in list order', async () => {
    for (let round = 1; round <= 10; round++) {
      const course = sampleCourse({ capacity: 2 });
      await store.createCourse(course);
      const { courseId } = course;
      for (const participantId of ['a', 'b', 'c', 'd', 'e']) await hold(courseId, participantId);
      const [first, second] = await Promise.all([
        store.release({ courseId, participantId: 'a', to: 'declined', now }),
        store.release({ courseId, participantId: 'b', to: 'declined', now }),
      ]);
      expect([first?.promoted?.participantId, second?.promoted?.participantId].sort()).toEqual(['c', 'd']);
      expect(await store.getCourse(courseId)).toMatchObject({ taken: 2, waiting: 1 });
      expect((await store.getEnrolment(courseId, 'e'))?.status).toBe('waiting');
    }
  });

  it('two people taking the last seat at once: one holds it, the other waits', async () => {
    for (let round = 1; round <= 10; round++) {
      const course = sampleCourse({ capacity: 1 });
      await store.createCourse(course);
      const results = await Promise.all(
        ['x', 'y'].map((participantId) => hold(course.courseId, participantId)),
      );
      expect(results.map((r) => r.kind).sort()).toEqual(['offered', 'waiting']);
    }
  });
});
