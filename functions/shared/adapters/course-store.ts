import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { hashToken } from '../domain/approvals.ts';
import type { Course, CourseStore, Participant } from '../domain/course-model.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  awaitingIndexKeys,
  COURSES_INDEX_KEY,
  courseIndexKeys,
  courseItem,
  courseKey,
  defined,
  enrolmentKey,
  pageKey,
  participantItem,
  participantKey,
  statusName,
  toCourse,
  toEnrolment,
  toParticipant,
} from './courses/items.ts';
import { dynamoCourseRecordReader, dynamoCourseRecords, getItemOf } from './courses/records.ts';
import { dynamoSeats, type SeatStore } from './courses/seats.ts';
import { transact } from './courses/transact.ts';
import { conditionally, queryAll } from './dynamo.ts';

/** Fields of a course an edit may change; the seat counters belong to the seat transactions. */
const COUNTERS = ['taken', 'enrolled', 'waiting', 'courseId', 'createdAt', 'createdBy'];
const OPTIONAL_COURSE_FIELDS = ['description', 'place', 'onlineUrl', 'registrationDeadline'] as const;

/**
 * The port plus `fillFreeSeats`: after a capacity raise, the seats now free go to the first waiting
 * (the caller answers their parked tokens, as after a promotion by release).
 */
export type DynamoCourseStore = CourseStore & Pick<SeatStore, 'fillFreeSeats'>;

export type CourseReader = Pick<
  CourseStore,
  | 'getCourse'
  | 'listCourses'
  | 'getParticipant'
  | 'participantByPageToken'
  | 'listAwaitingCourse'
  | 'getEnrolment'
  | 'listEnrolments'
  | 'enrolmentsOf'
  | 'getCertificate'
  | 'certificatesOf'
  | 'certificatesOfCourse'
  | 'getOfferLink'
>;

/**
 * Reading courses, participants, enrolments and certificates: what the console's showing routes
 * and the reports need. Its own factory so that their bundles cannot write.
 */
export function dynamoCourseReader(client: DynamoDBDocumentClient, tableName: string): CourseReader {
  const getItem = getItemOf(client, tableName);

  const reader: CourseReader = {
    async getCourse(courseId) {
      const item = await getItem(courseKey(courseId));
      return item ? toCourse(item) : undefined;
    },
    async listCourses(formSlug) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :courses',
        ExpressionAttributeValues: {
          ':courses': COURSES_INDEX_KEY,
          ...(formSlug ? { ':form': formSlug } : {}),
        },
        ...(formSlug ? { FilterExpression: 'formSlug = :form' } : {}),
      });
      return items.map(toCourse);
    },
    async getParticipant(participantId) {
      const item = await getItem(participantKey(participantId));
      return item ? toParticipant(item) : undefined;
    },
    async participantByPageToken(tokenHash) {
      const page = await getItem(pageKey(tokenHash));
      return typeof page?.participantId === 'string' ? reader.getParticipant(page.participantId) : undefined;
    },
    async listAwaitingCourse(formSlug) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :awaiting',
        // The index is updated shortly after the item; the filter drops anyone who moved on meanwhile.
        FilterExpression: '#state = :state',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':awaiting': `AWAITING#${formSlug}`, ':state': 'awaiting-course' },
      });
      return items.map(toParticipant);
    },
    async getEnrolment(courseId, participantId) {
      const item = await getItem(enrolmentKey(courseId, participantId));
      return item ? toEnrolment(item) : undefined;
    },
    async listEnrolments(courseId) {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :enrolment)',
        ExpressionAttributeValues: { ':pk': `COURSE#${courseId}`, ':enrolment': 'ENROLMENT#' },
        ConsistentRead: true,
      });
      return items.map(toEnrolment);
    },
    async enrolmentsOf(participantId) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi4',
        KeyConditionExpression: 'gsi4pk = :pk AND begins_with(gsi4sk, :enrolment)',
        ExpressionAttributeValues: { ':pk': `PARTICIPANT#${participantId}`, ':enrolment': 'ENROLMENT#' },
      });
      return items.map(toEnrolment);
    },
    ...dynamoCourseRecordReader(client, tableName),
  };
  return reader;
}

/** The CourseStore port on the single table (docs/courses.md, "Records"). */
export function dynamoCourseStore(client: DynamoDBDocumentClient, tableName: string): DynamoCourseStore {
  const reader = dynamoCourseReader(client, tableName);

  const courses: Pick<CourseStore, 'createCourse' | 'updateCourse'> = {
    async createCourse(course) {
      const created = await conditionally(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: courseItem(course),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (!created) throw new ConflictError(`The course ${course.courseId} exists already.`);
    },
    async updateCourse(course, expectedRevision) {
      const saved = await conditionally(
        client.send(new UpdateCommand(courseEdit(tableName, course, expectedRevision))),
      );
      if (saved) return;
      const current = await reader.getCourse(course.courseId);
      if (!current) throw new NotFoundError(`There is no course ${course.courseId}.`);
      if (current.revision !== expectedRevision)
        throw new ConflictError('The course was changed by someone else meanwhile; reload it.');
      throw new ValidationError([
        { field: 'capacity', message: `must be at least ${current.taken}, the seats already taken` },
      ]);
    },
  };

  const participants: Pick<
    CourseStore,
    'putParticipant' | 'updateParticipant' | 'parkTaskToken' | 'clearTaskToken'
  > = {
    /** The participant and their own-page link are written together: a page never points nowhere. */
    async putParticipant(participant) {
      const failed = await transact(client, [
        { Put: { TableName: tableName, Item: participantItem(participant) } },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...pageKey(hashToken(participant.pageToken)),
              type: 'ParticipantPage',
              participantId: participant.participantId,
            },
          },
        },
      ]);
      if (failed) throw new ConflictError(`The participant ${participant.participantId} could not be saved.`);
    },
    async updateParticipant(participantId, changes) {
      const awaitingKeys = await awaitingKeysFor(participantId, changes);
      const set = { ...changes, ...awaitingKeys };
      const assigned = Object.entries(set).filter(([, value]) => value !== undefined);
      const removed = Object.entries(set)
        .filter(([, value]) => value === undefined)
        .map(([name]) => name);
      if ('state' in changes && changes.state !== 'awaiting-course') removed.push('gsi1pk', 'gsi1sk');
      if (assigned.length === 0 && removed.length === 0) return;
      const names = Object.fromEntries([...assigned.map(([n]) => n), ...removed].map((n) => [`#${n}`, n]));
      const expression = [
        assigned.length ? `SET ${assigned.map(([n]) => `#${n} = :${n}`).join(', ')}` : '',
        removed.length ? `REMOVE ${removed.map((n) => `#${n}`).join(', ')}` : '',
      ].join(' ');
      const updated = await conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: participantKey(participantId),
            UpdateExpression: expression,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: names,
            ...(assigned.length
              ? { ExpressionAttributeValues: Object.fromEntries(assigned.map(([n, v]) => [`:${n}`, v])) }
              : {}),
          }),
        ),
      );
      if (!updated) throw new NotFoundError(`There is no participant ${participantId}.`);
    },
    async parkTaskToken(participantId, taskToken) {
      const parked = await conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: participantKey(participantId),
            UpdateExpression: 'SET taskToken = :token',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':token': taskToken },
          }),
        ),
      );
      if (!parked) throw new NotFoundError(`There is no participant ${participantId}.`);
    },
    async clearTaskToken(participantId, taskToken) {
      await conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: participantKey(participantId),
            UpdateExpression: 'REMOVE taskToken',
            ConditionExpression: 'taskToken = :token',
            ExpressionAttributeValues: { ':token': taskToken },
          }),
        ),
      );
    },
  };

  /** The sparse index keys follow the state: listed while awaiting a course, gone otherwise. */
  async function awaitingKeysFor(
    participantId: string,
    changes: Partial<Participant>,
  ): Promise<Record<string, string>> {
    if (changes.state !== 'awaiting-course') return {};
    const current = await reader.getParticipant(participantId);
    if (!current) throw new NotFoundError(`There is no participant ${participantId}.`);
    return awaitingIndexKeys({ ...current, ...defined(changes) });
  }

  const enrolments: Pick<CourseStore, 'markAttendance' | 'finishEnrolment'> = {
    async markAttendance({ courseId, participantId, sessionId, present, now }) {
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: enrolmentKey(courseId, participantId),
            UpdateExpression: 'SET attendance.#session = :present, updatedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND #status IN (:enrolled, :certified, :failed)',
            ExpressionAttributeNames: { ...statusName, '#session': sessionId },
            ExpressionAttributeValues: {
              ':present': present,
              ':at': now.toISOString(),
              ':enrolled': 'enrolled',
              ':certified': 'certified',
              ':failed': 'not-certified',
            },
            ReturnValues: 'UPDATED_OLD',
          }),
        );
        const before = (Attributes?.attendance as Record<string, boolean> | undefined)?.[sessionId];
        return { before };
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        const enrolment = await reader.getEnrolment(courseId, participantId);
        if (!enrolment) throw new NotFoundError(`${participantId} is not in course ${courseId}.`);
        throw new ConflictError(`${participantId} is ${enrolment.status}, not enrolled, in this course.`);
      }
    },
    async finishEnrolment({ courseId, participantId, status, certificateNumber, now }) {
      const finished = await conditionally(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: enrolmentKey(courseId, participantId),
            UpdateExpression: `SET #status = :status, updatedAt = :at${certificateNumber ? ', certificateNumber = :number' : ''}`,
            ConditionExpression: '#status IN (:enrolled, :status)',
            ExpressionAttributeNames: statusName,
            ExpressionAttributeValues: {
              ':status': status,
              ':at': now.toISOString(),
              ':enrolled': 'enrolled',
              ...(certificateNumber ? { ':number': certificateNumber } : {}),
            },
          }),
        ),
      );
      if (!finished) throw new ConflictError(`${participantId} is not enrolled in course ${courseId}.`);
    },
  };

  return {
    ...reader,
    ...courses,
    ...participants,
    ...enrolments,
    ...dynamoSeats(client, tableName),
    ...dynamoCourseRecords(client, tableName),
  };
}

/** An edit: every field but the counters, only from the revision it started from, never below `taken`. */
function courseEdit(tableName: string, course: Course, expectedRevision: number) {
  const fields = Object.entries({ ...course, ...courseIndexKeys(course) }).filter(
    ([name, value]) => !COUNTERS.includes(name) && value !== undefined,
  );
  const removed = OPTIONAL_COURSE_FIELDS.filter((name) => course[name] === undefined);
  const names = Object.fromEntries([...fields.map(([n]) => n), ...removed].map((n) => [`#${n}`, n]));
  return {
    TableName: tableName,
    Key: courseKey(course.courseId),
    UpdateExpression: [
      `SET ${fields.map(([n]) => `#${n} = :${n}`).join(', ')}`,
      removed.length ? `REMOVE ${removed.map((n) => `#${n}`).join(', ')}` : '',
    ].join(' '),
    ConditionExpression: 'attribute_exists(pk) AND #revision = :expected AND taken <= :capacity',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: {
      ...Object.fromEntries(fields.map(([n, v]) => [`:${n}`, v])),
      ':expected': expectedRevision,
    },
  };
}
