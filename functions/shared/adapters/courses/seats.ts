import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AcceptResult,
  Course,
  CourseStore,
  Enrolment,
  HoldResult,
  ReleaseResult,
} from '../../domain/course-model.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { queryAll } from '../dynamo.ts';
import {
  courseKey,
  enrolmentItem,
  enrolmentKey,
  namesIn,
  statusName,
  toCourse,
  toEnrolment,
} from './items.ts';
import { retryingConflicts, type TransactItems, transact } from './transact.ts';

/**
 * The seat transactions of docs/courses.md ("Seats are counted atomically"): every change of a
 * seat is one transaction over the course item (counters) and the enrolment item, guarded by
 * conditions only. When a condition fails because someone else moved first, the step reads the
 * new state and decides again; after a few such rounds it gives up with a ConflictError.
 */
const MAX_ROUNDS = 8;

/** Statuses from which a person may be offered a seat in the same course again. */
const REOPENABLE = { ':declined': 'declined', ':expired': 'expired', ':cancelled': 'cancelled' };
const REOPENABLE_CONDITION = 'attribute_not_exists(pk) OR #status IN (:declined, :expired, :cancelled)';
const FINISHED = ['enrolled', 'certified', 'not-certified'];

export type SeatStore = Pick<
  CourseStore,
  'hold' | 'enrolDirectly' | 'accept' | 'release' | 'reorderWaiting'
> & {
  fillFreeSeats(courseId: string, now: Date): Promise<NonNullable<ReleaseResult['promoted']>[]>;
};

export function dynamoSeats(client: DynamoDBDocumentClient, tableName: string): SeatStore {
  /** The course item as stored, with the store's own attributes (waitSeq, waitOrder). */
  const getCourseItem = async (courseId: string) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: courseKey(courseId), ConsistentRead: true }),
    );
    if (!Item) throw new NotFoundError(`There is no course ${courseId}.`);
    return Item;
  };
  const requireCourse = async (courseId: string): Promise<Course> => toCourse(await getCourseItem(courseId));
  const getEnrolment = async (courseId: string, participantId: string) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: enrolmentKey(courseId, participantId),
        ConsistentRead: true,
      }),
    );
    return Item ? toEnrolment(Item) : undefined;
  };
  /** Who waits, first first (a consistent read of the course's partition). */
  const waitingList = async (courseId: string) => {
    const items = await queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :enrolment)',
      FilterExpression: '#status = :waiting',
      ProjectionExpression: 'participantId, waitingRank',
      ExpressionAttributeNames: statusName,
      ExpressionAttributeValues: {
        ':pk': `COURSE#${courseId}`,
        ':enrolment': 'ENROLMENT#',
        ':waiting': 'waiting',
      },
      ConsistentRead: true,
    });
    return items
      .map((item) => ({ participantId: item.participantId as string, rank: item.waitingRank as number }))
      .sort((a, b) => a.rank - b.rank);
  };
  const position = async (courseId: string, rank: number) =>
    (await waitingList(courseId)).filter((entry) => entry.rank <= rank).length;

  const courseUpdate = (
    courseId: string,
    expression: string,
    condition: string,
    values: Record<string, unknown>,
  ): TransactItems[number] => ({
    Update: {
      TableName: tableName,
      Key: courseKey(courseId),
      UpdateExpression: expression,
      ConditionExpression: condition,
      ...withNames(namesIn(expression, condition)),
      ExpressionAttributeValues: values,
    },
  });
  const enrolmentUpdate = (
    courseId: string,
    participantId: string,
    expression: string,
    condition: string,
    values: Record<string, unknown>,
  ): TransactItems[number] => ({
    Update: {
      TableName: tableName,
      Key: enrolmentKey(courseId, participantId),
      UpdateExpression: expression,
      ConditionExpression: condition,
      ...withNames(namesIn(expression, condition)),
      ExpressionAttributeValues: values,
    },
  });
  const freshEnrolment = (
    courseId: string,
    participantId: string,
    now: Date,
    fields: Partial<Enrolment> & Pick<Enrolment, 'status'>,
  ): TransactItems[number] => ({
    Put: {
      TableName: tableName,
      Item: enrolmentItem({
        courseId,
        participantId,
        attendance: {},
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        ...fields,
      }),
      ConditionExpression: REOPENABLE_CONDITION,
      ExpressionAttributeNames: statusName,
      ExpressionAttributeValues: REOPENABLE,
    },
  });

  /** What a hold answers for someone already in this course. */
  const existingPlace = async (enrolment: Enrolment): Promise<HoldResult | undefined> => {
    if (enrolment.status === 'offered' && enrolment.offerExpiresAt)
      return { kind: 'offered', offerExpiresAt: enrolment.offerExpiresAt };
    if (enrolment.status === 'waiting')
      return { kind: 'waiting', position: await position(enrolment.courseId, enrolment.waitingRank ?? 0) };
    if (FINISHED.includes(enrolment.status)) return { kind: 'refused', reason: 'already-enrolled' };
    return undefined;
  };

  /** A ticket from the course's counter: ranks are unique and grow in the order people queue. */
  const nextRank = async (courseId: string): Promise<number> => {
    const { Attributes } = await retryingConflicts(() =>
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: courseKey(courseId),
          UpdateExpression: 'SET waitSeq = if_not_exists(waitSeq, :zero) + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Attributes?.waitSeq as number;
  };

  /** Joins the end of the list, but only while no seat is free for nobody waiting. */
  const joinWaiting = async (courseId: string, participantId: string, now: Date) => {
    const rank = await nextRank(courseId);
    const failed = await transact(client, [
      courseUpdate(
        courseId,
        'SET waiting = waiting + :one',
        '#status = :open AND (taken >= #capacity OR waiting > :zero)',
        { ':one': 1, ':zero': 0, ':open': 'open' },
      ),
      freshEnrolment(courseId, participantId, now, { status: 'waiting', waitingRank: rank }),
    ]);
    if (!failed) return { kind: 'waiting', position: await position(courseId, rank) } as const;
    return failed[1] ? 'exists' : 'retry';
  };

  const hold: SeatStore['hold'] = async ({ courseId, participantId, now, holdHours, waitingListIfFull }) => {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const offerExpiresAt = new Date(now.getTime() + holdHours * 3_600_000).toISOString();
      const failed = await transact(client, [
        courseUpdate(
          courseId,
          'SET taken = taken + :one',
          '#status = :open AND taken < #capacity AND waiting = :zero',
          { ':one': 1, ':zero': 0, ':open': 'open' },
        ),
        freshEnrolment(courseId, participantId, now, {
          status: 'offered',
          offerExpiresAt,
          offeredAt: now.toISOString(),
        }),
      ]);
      if (!failed) return { kind: 'offered', offerExpiresAt };
      if (!failed[1]) {
        const course = await requireCourse(courseId);
        if (course.status !== 'open') return { kind: 'refused', reason: 'closed' };
        if (course.taken < course.capacity && course.waiting === 0) continue;
        if (!waitingListIfFull) return { kind: 'refused', reason: 'full' };
        const joined = await joinWaiting(courseId, participantId, now);
        if (joined === 'retry') continue;
        if (joined !== 'exists') return joined;
      }
      const enrolment = await getEnrolment(courseId, participantId);
      const place = enrolment && (await existingPlace(enrolment));
      if (place) return place;
    }
    throw new ConflictError('The course changed too often while taking a seat; try again.');
  };

  const enrolDirectly: SeatStore['enrolDirectly'] = async ({ courseId, participantId, now }) => {
    const at = now.toISOString();
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const failed = await transact(client, [
        courseUpdate(
          courseId,
          'SET taken = taken + :one, enrolled = enrolled + :one',
          '#status = :open AND taken < #capacity AND waiting = :zero',
          { ':one': 1, ':zero': 0, ':open': 'open' },
        ),
        freshEnrolment(courseId, participantId, now, { status: 'enrolled', enrolledAt: at }),
      ]);
      if (!failed) return { kind: 'enrolled' };
      const enrolment = failed[1] ? await getEnrolment(courseId, participantId) : undefined;
      if (enrolment) {
        const moved = await enrolFromPlace(enrolment, at);
        if (moved) return moved;
        continue;
      }
      const course = await requireCourse(courseId);
      if (course.status !== 'open') return { kind: 'refused', reason: 'closed' };
      if (course.taken >= course.capacity || course.waiting > 0) return { kind: 'refused', reason: 'full' };
    }
    throw new ConflictError('The course changed too often while enrolling; try again.');
  };

  /** Staff enrol someone who already holds an offer or waits: the held seat, or a free one. */
  const enrolFromPlace = async (enrolment: Enrolment, at: string) => {
    const { courseId, participantId, status } = enrolment;
    if (FINISHED.includes(status)) return { kind: 'refused', reason: 'already-enrolled' } as const;
    if (status !== 'offered' && status !== 'waiting') return undefined;
    const seat =
      status === 'offered'
        ? courseUpdate(courseId, 'SET enrolled = enrolled + :one', 'attribute_exists(pk)', { ':one': 1 })
        : courseUpdate(
            courseId,
            'SET taken = taken + :one, enrolled = enrolled + :one, waiting = waiting - :one',
            '#status = :open AND taken < #capacity',
            { ':one': 1, ':open': 'open' },
          );
    const failed = await transact(client, [
      seat,
      enrolmentUpdate(
        courseId,
        participantId,
        'SET #status = :enrolled, enrolledAt = :at, updatedAt = :at REMOVE waitingRank',
        '#status = :current',
        { ':enrolled': 'enrolled', ':at': at, ':current': status },
      ),
    ]);
    if (!failed) return { kind: 'enrolled' } as const;
    if (failed[0] && !failed[1]) return { kind: 'refused', reason: 'full' } as const;
    return undefined;
  };

  const accept: SeatStore['accept'] = async ({ courseId, participantId, now }) => {
    const at = now.toISOString();
    const failed = await transact(client, [
      enrolmentUpdate(
        courseId,
        participantId,
        'SET #status = :enrolled, enrolledAt = :at, updatedAt = :at',
        '#status = :offered AND offerExpiresAt > :at',
        { ':enrolled': 'enrolled', ':offered': 'offered', ':at': at },
      ),
      courseUpdate(courseId, 'SET enrolled = enrolled + :one', 'attribute_exists(pk)', { ':one': 1 }),
    ]);
    if (!failed) return { kind: 'enrolled' };
    const enrolment = await getEnrolment(courseId, participantId);
    return acceptAnswer(enrolment);
  };

  const release: SeatStore['release'] = async (input) => {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const enrolment = await getEnrolment(input.courseId, input.participantId);
      if (!enrolment || !releasable(enrolment, input)) return { released: false };
      const outcome =
        enrolment.status === 'waiting'
          ? await leaveWaiting(enrolment, input.to, input.now)
          : await giveBackSeat(enrolment, input.to, input.now);
      if (outcome) return outcome;
    }
    throw new ConflictError('Others changed the course at the same time too often; try again.');
  };

  const leaveWaiting = async (enrolment: Enrolment, to: string, now: Date) => {
    const failed = await transact(client, [
      enrolmentUpdate(
        enrolment.courseId,
        enrolment.participantId,
        'SET #status = :to, updatedAt = :at REMOVE waitingRank',
        '#status = :waiting',
        { ':to': to, ':at': now.toISOString(), ':waiting': 'waiting' },
      ),
      courseUpdate(enrolment.courseId, 'SET waiting = waiting - :one', 'waiting > :zero', {
        ':one': 1,
        ':zero': 0,
      }),
    ]);
    return failed ? undefined : { released: true };
  };

  /**
   * The enrolment gives its seat back; the first waiting (if the course is open) takes it over in the
   * same transaction, so the seat is never free while someone waits. When that person was taken by
   * a concurrent release (their item's condition fails) the next in line is tried, which is safe
   * because ranks only change by a reorder and a reorder bumps `waitOrder`, checked on the course.
   */
  const giveBackSeat = async (
    enrolment: Enrolment,
    to: string,
    now: Date,
  ): Promise<ReleaseResult | undefined> => {
    const { courseId } = enrolment;
    const item = await getCourseItem(courseId);
    const course = toCourse(item);
    const candidates =
      course.status === 'open'
        ? (await waitingList(courseId)).filter((entry) => entry.participantId !== enrolment.participantId)
        : [];
    const own = enrolmentUpdate(
      courseId,
      enrolment.participantId,
      'SET #status = :to, updatedAt = :at',
      '#status = :current',
      { ':to': to, ':at': now.toISOString(), ':current': enrolment.status },
    );
    const unenrol = enrolment.status === 'enrolled' ? ', enrolled = enrolled - :one' : '';
    const offerExpiresAt = new Date(now.getTime() + course.holdHours * 3_600_000).toISOString();
    for (const first of candidates) {
      const failed = await transact(client, [
        own,
        handOverSeat(courseId, unenrol, item.waitOrder),
        promote(courseId, first, offerExpiresAt, now),
      ]);
      if (!failed)
        return { released: true, promoted: { participantId: first.participantId, offerExpiresAt } };
      if (failed[0] || failed[1]) return undefined;
    }
    const failed = await transact(client, [
      own,
      courseUpdate(
        courseId,
        `SET taken = taken - :one${unenrol}`,
        'taken > :zero AND (waiting = :zero OR #status <> :open)',
        { ':one': 1, ':zero': 0, ':open': 'open' },
      ),
    ]);
    return failed ? undefined : { released: true };
  };

  const handOverSeat = (courseId: string, unenrol: string, waitOrder: unknown) =>
    courseUpdate(
      courseId,
      `SET waiting = waiting - :one${unenrol}`,
      `#status = :open AND waiting > :zero AND ${waitOrderCondition(waitOrder)}`,
      { ':one': 1, ':zero': 0, ':open': 'open', ...waitOrderValue(waitOrder) },
    );

  const promote = (
    courseId: string,
    first: { participantId: string; rank: number },
    until: string,
    now: Date,
  ) =>
    enrolmentUpdate(
      courseId,
      first.participantId,
      'SET #status = :offered, offerExpiresAt = :until, offeredAt = :at, updatedAt = :at REMOVE waitingRank',
      '#status = :waiting AND waitingRank = :rank',
      {
        ':offered': 'offered',
        ':until': until,
        ':at': now.toISOString(),
        ':waiting': 'waiting',
        ':rank': first.rank,
      },
    );

  const reorderWaiting: SeatStore['reorderWaiting'] = async (courseId, participantIds) => {
    const current = await waitingList(courseId);
    const named = new Set(participantIds);
    if (
      named.size !== participantIds.length ||
      named.size !== current.length ||
      current.some((entry) => !named.has(entry.participantId))
    )
      throw new ConflictError('The waiting list has changed; reload it and try again.');
    // The same rank numbers in the new order: people who queue meanwhile still come after all of them.
    const ranks = current.map((entry) => entry.rank);
    const byId = new Map(current.map((entry) => [entry.participantId, entry.rank]));
    const changes = participantIds
      .map((participantId, index) => ({ participantId, from: byId.get(participantId), to: ranks[index] }))
      .filter((change) => change.from !== change.to);
    for (let start = 0; start < changes.length || start === 0; start += REORDER_CHUNK) {
      const chunk = changes.slice(start, start + REORDER_CHUNK);
      const failed = await transact(client, [
        {
          Update: {
            TableName: tableName,
            Key: courseKey(courseId),
            UpdateExpression: 'SET waitOrder = if_not_exists(waitOrder, :zero) + :one',
            ConditionExpression: 'waiting = :count',
            ExpressionAttributeValues: { ':count': current.length, ':zero': 0, ':one': 1 },
          },
        },
        ...chunk.map((change) =>
          enrolmentUpdate(
            courseId,
            change.participantId,
            'SET waitingRank = :to',
            '#status = :waiting AND waitingRank = :from',
            { ':to': change.to, ':from': change.from, ':waiting': 'waiting' },
          ),
        ),
      ]);
      if (failed) throw new ConflictError('The waiting list has changed; reload it and try again.');
      if (changes.length === 0) break;
    }
  };

  /**
   * Seats free while people wait (the capacity was raised) go to the first waiting, one transaction
   * each, as long as both last. Holds only open courses and gives up quietly after too many races.
   */
  const fillFreeSeats: SeatStore['fillFreeSeats'] = async (courseId, now) => {
    const promoted: NonNullable<ReleaseResult['promoted']>[] = [];
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const item = await getCourseItem(courseId);
      const course = toCourse(item);
      if (course.status !== 'open' || course.taken >= course.capacity || course.waiting === 0) break;
      const offerExpiresAt = new Date(now.getTime() + course.holdHours * 3_600_000).toISOString();
      for (const first of await waitingList(courseId)) {
        const failed = await transact(client, [
          courseUpdate(
            courseId,
            'SET taken = taken + :one, waiting = waiting - :one',
            `#status = :open AND taken < #capacity AND waiting > :zero AND ${waitOrderCondition(item.waitOrder)}`,
            { ':one': 1, ':zero': 0, ':open': 'open', ...waitOrderValue(item.waitOrder) },
          ),
          promote(courseId, first, offerExpiresAt, now),
        ]);
        if (failed?.[0]) break;
        if (!failed) promoted.push({ participantId: first.participantId, offerExpiresAt });
      }
    }
    return promoted;
  };

  return { hold, enrolDirectly, accept, release, reorderWaiting, fillFreeSeats };
}

/** No reorder since the list was read: ranks still mean what they meant then. */
const waitOrderCondition = (waitOrder: unknown) =>
  waitOrder === undefined ? 'attribute_not_exists(waitOrder)' : 'waitOrder = :order';
const waitOrderValue = (waitOrder: unknown) => (waitOrder === undefined ? {} : { ':order': waitOrder });

const withNames = (names: Record<string, string>) =>
  Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {};

/** DynamoDB takes up to 100 items in one transaction; one is the course's. */
const REORDER_CHUNK = 99;

function releasable(
  enrolment: Enrolment,
  input: { to: 'declined' | 'expired' | 'cancelled'; onlyIf?: string },
): boolean {
  if (input.onlyIf && enrolment.status !== input.onlyIf) return false;
  if (enrolment.status === 'offered' || enrolment.status === 'waiting') return true;
  // An accepted seat is only ever given up by its holder: an expiry or decline never undoes it.
  return enrolment.status === 'enrolled' && input.to === 'cancelled';
}

function acceptAnswer(enrolment: Enrolment | undefined): AcceptResult {
  if (!enrolment) return { kind: 'not-offered', status: 'none' };
  if (enrolment.status === 'enrolled') return { kind: 'already-enrolled' };
  if (enrolment.status === 'offered') return { kind: 'expired' };
  return { kind: 'not-offered', status: enrolment.status };
}
