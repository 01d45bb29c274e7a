import type { Certificate, Course, Enrolment, OfferLink, Participant } from '../../domain/course-model.ts';

/** The single-table keys of the courses feature (docs/courses.md, "Records"). */
export const courseKey = (courseId: string) => ({ pk: `COURSE#${courseId}`, sk: 'COURSE' });
export const enrolmentKey = (courseId: string, participantId: string) => ({
  pk: `COURSE#${courseId}`,
  sk: `ENROLMENT#${participantId}`,
});
export const participantKey = (participantId: string) => ({
  pk: `PARTICIPANT#${participantId}`,
  sk: 'PARTICIPANT',
});
export const pageKey = (tokenHash: string) => ({ pk: `PAGE#${tokenHash}`, sk: 'PAGE' });
export const offerLinkKey = (tokenHash: string) => ({ pk: `OFFERLINK#${tokenHash}`, sk: 'OFFERLINK' });
export const certificateKey = (number: string) => ({ pk: `CERTIFICATE#${number}`, sk: 'CERTIFICATE' });

export const COURSES_INDEX_KEY = 'COURSES';
export const awaitingIndexKey = (formSlug: string) => `AWAITING#${formSlug}`;
export const participantIndexKey = (participantId: string) => `PARTICIPANT#${participantId}`;
export const courseCertificatesKey = (courseId: string) => `CERTIFICATES#${courseId}`;

/** Attribute names that are DynamoDB reserved words; expressions alias them. */
export const statusName = { '#status': 'status' } as const;
const RESERVED = ['status', 'capacity'] as const;

/** The aliases an expression uses (DynamoDB refuses unused ones). */
export const namesIn = (...expressions: string[]): Record<string, string> =>
  Object.fromEntries(
    RESERVED.filter((name) => expressions.some((e) => e.includes(`#${name}`))).map((name) => [
      `#${name}`,
      name,
    ]),
  );

/** Drops undefined values, so the items marshal whatever the client's options are. */
export const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;

/** Ordered by the first session's date, so listing the index gives the soonest course first. */
export const firstSessionDate = (course: Pick<Course, 'sessions'>): string =>
  course.sessions.map((session) => session.date).sort()[0] ?? '9999-12-31';

export const courseIndexKeys = (course: Course) => ({
  gsi1pk: COURSES_INDEX_KEY,
  gsi1sk: `${firstSessionDate(course)}#${course.courseId}`,
});

export const courseItem = (course: Course) =>
  defined({ ...courseKey(course.courseId), type: 'Course', ...course, ...courseIndexKeys(course) });

export const enrolmentItem = (enrolment: Enrolment) =>
  defined({
    ...enrolmentKey(enrolment.courseId, enrolment.participantId),
    type: 'Enrolment',
    ...enrolment,
    gsi4pk: participantIndexKey(enrolment.participantId),
    gsi4sk: `ENROLMENT#${enrolment.createdAt}`,
  });

/** Listed under `AWAITING#<form>` only while the volunteer waits for a course (sparse index). */
export const awaitingIndexKeys = (
  participant: Pick<Participant, 'participantId' | 'formSlug' | 'approvedAt' | 'createdAt'>,
) => ({
  gsi1pk: awaitingIndexKey(participant.formSlug),
  gsi1sk: `${participant.approvedAt ?? participant.createdAt}#${participant.participantId}`,
});

export const participantItem = (participant: Participant) =>
  defined({
    ...participantKey(participant.participantId),
    type: 'Participant',
    ...participant,
    ...(participant.state === 'awaiting-course' ? awaitingIndexKeys(participant) : {}),
  });

export const certificateItem = (certificate: Certificate) =>
  defined({
    ...certificateKey(certificate.number),
    type: 'Certificate',
    ...certificate,
    gsi4pk: participantIndexKey(certificate.participantId),
    gsi4sk: `CERTIFICATE#${certificate.issuedAt}`,
    gsi1pk: courseCertificatesKey(certificate.courseId),
    gsi1sk: certificate.number,
  });

/**
 * The link's own expiry is kept as `linkExpiresAt`: the table's TTL attribute `expiresAt` must be
 * epoch seconds, and the item outlives the link by 30 days so a late click still finds it.
 */
export const offerLinkItem = (link: OfferLink) =>
  defined({
    ...offerLinkKey(link.tokenHash),
    type: 'OfferLink',
    ...link,
    expiresAt: Math.floor(Date.parse(link.expiresAt) / 1000) + 30 * 86_400,
    linkExpiresAt: link.expiresAt,
  });

const KEY_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi4pk', 'gsi4sk'];

const stripped = (item: Record<string, unknown>, extra: readonly string[] = []) =>
  Object.fromEntries(
    Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.includes(name) && !extra.includes(name)),
  );

/** `waitSeq` hands out waiting-list ranks, `waitOrder` counts reorders: the store's business, not the record's. */
export const toCourse = (item: Record<string, unknown>) =>
  stripped(item, ['waitSeq', 'waitOrder']) as unknown as Course;
export const toEnrolment = (item: Record<string, unknown>) =>
  ({ attendance: {}, ...stripped(item) }) as unknown as Enrolment;
export const toParticipant = (item: Record<string, unknown>) => stripped(item) as unknown as Participant;
export const toCertificate = (item: Record<string, unknown>) => stripped(item) as unknown as Certificate;
export const toOfferLink = (item: Record<string, unknown>): OfferLink => {
  const { linkExpiresAt, ...rest } = stripped(item, ['expiresAt']);
  return { ...rest, expiresAt: linkExpiresAt } as unknown as OfferLink;
};
