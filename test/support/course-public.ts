import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoCourseStore } from '../../functions/shared/adapters/course-store.ts';
import { hashToken } from '../../functions/shared/domain/approvals.ts';
import type { Course, CourseStore, Participant } from '../../functions/shared/domain/course-model.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { sampleCourse } from './course-table.ts';

/** The course store on a running local runtime's table, to set the scene of a public-page test. */
export function courseStoreOf(runtime: LocalRuntime): CourseStore {
  const raw = new DynamoDBClient({ endpoint: runtime.urls.dynamodb, region: 'eu-central-1' });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return dynamoCourseStore(client, runtime.env.TABLE_NAME as string);
}

const token = () => randomBytes(32).toString('base64url');

/** A course a little in the future (sessions in days from now), open, with `capacity` seats. */
export async function openCourse(store: CourseStore, overrides: Partial<Course> = {}): Promise<Course> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const course = sampleCourse({
    sessions: [
      { sessionId: 's1', date: day(10), start: '18:00', end: '21:00' },
      { sessionId: 's2', date: day(17), start: '18:00', end: '20:30' },
    ],
    place: 'Rathaus, Raum 3',
    description: { de: 'Grundlagen der Begleitung', en: 'The basics of guiding' },
    ...overrides,
  });
  await store.createCourse(course);
  return course;
}

/** Someone enrolled by hand (no form submission needed), with their own page's token. */
export async function newParticipant(
  store: CourseStore,
  input: { locale?: string; firstName?: string; formSlug?: string } = {},
): Promise<{ participant: Participant; pageToken: string }> {
  const pageToken = token();
  const at = new Date().toISOString();
  const participant: Participant = {
    participantId: `m-${randomUUID()}`,
    formSlug: input.formSlug ?? 'integration-guides',
    source: 'manual',
    locale: input.locale ?? 'de',
    firstName: input.firstName ?? 'Lina',
    lastName: 'Haddad',
    email: `lina-${randomUUID().slice(0, 8)}@example.org`,
    state: 'awaiting-course',
    pageToken,
    approvedAt: at,
    createdAt: at,
    updatedAt: at,
  };
  await store.putParticipant(participant);
  return { participant, pageToken };
}

/**
 * Holds a seat for the participant and stores the offer link as the offer mail would; returns the
 * link's token. `heldSinceHours` back-dates the hold (an offer whose time is over).
 */
export async function offerSeat(
  store: CourseStore,
  course: Course,
  participantId: string,
  options: { heldSinceHours?: number; linkValidHours?: number } = {},
): Promise<{ offerToken: string; kind: string }> {
  const now = new Date(Date.now() - (options.heldSinceHours ?? 0) * 3_600_000);
  const held = await store.hold({
    courseId: course.courseId,
    participantId,
    now,
    holdHours: course.holdHours,
    waitingListIfFull: true,
  });
  const offerToken = token();
  const expiresAt =
    held.kind === 'offered' && options.linkValidHours === undefined
      ? held.offerExpiresAt
      : new Date(now.getTime() + (options.linkValidHours ?? course.holdHours) * 3_600_000).toISOString();
  await store.putOfferLink({
    tokenHash: hashToken(offerToken),
    courseId: course.courseId,
    participantId,
    expiresAt,
  });
  return { offerToken, kind: held.kind };
}
