import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { compactVerify, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoApprovalStore } from '#shared/adapters/approval-store.ts';
import { dynamoCourseStore } from '#shared/adapters/course-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { answerParticipant } from '#shared/course-events.ts';
import type { Course, CourseStore, Enrolment } from '#shared/domain/course-model.ts';
import { applyTo, linkIn, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import { mailsTo, type StoredMail, startTestRuntime, waitForMails } from '../support/runtime.ts';

/**
 * The volunteer's course path and certification as workflows on the local engine (real DynamoDB
 * Local, local Step Functions and SES). Time runs 10 000 times faster in the engine: a hold of one
 * hour ends after 0.36 s, one of 72 hours after 26 s, long enough to answer an offer.
 */
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let web: string;
let store: CourseStore;
const sfn = new SFNClient({});

beforeAll(async () => {
  env = await startTestRuntime({ timeScale: 0.0001 });
  api = env.runtime.urls.api;
  web = env.runtime.urls.web;
  store = dynamoCourseStore(documentClient(), process.env.TABLE_NAME as string);
});

afterAll(async () => {
  await env?.stop();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function createCourse(
  formSlug: string,
  options: { capacity?: number; holdHours?: number; inDays?: number; language?: string; title?: string } = {},
) {
  const inDays = options.inDays ?? 20;
  const now = new Date().toISOString();
  const course: Course = {
    courseId: randomUUID(),
    formSlug,
    title: { en: options.title ?? 'Guide course', de: options.title ?? 'Lotsenkurs' },
    teachingLanguage: options.language ?? 'de',
    place: 'Town hall',
    sessions: [
      { sessionId: 's1', date: day(inDays), start: '10:00', end: '13:00' },
      { sessionId: 's2', date: day(inDays + 7), start: '10:00', end: '14:30' },
    ],
    capacity: options.capacity ?? 10,
    passPercent: 80,
    coordinator: 'coordinator@example.org',
    holdHours: options.holdHours ?? 72,
    timeZone: 'Europe/Berlin',
    status: 'open',
    revision: 0,
    taken: 0,
    enrolled: 0,
    waiting: 0,
    certification: 'not-started',
    createdAt: now,
    updatedAt: now,
    createdBy: 'test',
  };
  await store.createCourse(course);
  return course;
}

/** Applies and approves through the coordinator's e-mail link, as a coordinator would. */
async function approvedVolunteer(slug: string, coordinator: string, locale = 'en') {
  const before = (await mailsTo(env.runtime, coordinator)).length;
  const { submissionId, email } = await applyTo(env.runtime, slug, locale);
  const requests = await waitForMails(env.runtime, coordinator, before + 1);
  const [, token] = linkIn(requests[before] as StoredMail, 'decide');
  const decided = await fetch(`${api}/decisions/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: web, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ decision: 'approve' }),
  });
  expect(decided.status).toBe(200);
  return { participantId: submissionId, email };
}

const offerToken = (mail: StoredMail): string =>
  /\/offer\/([A-Za-z0-9_-]{43})/.exec(mail.body.text ?? '')?.[1] ?? '';

/** The n-th mail to an address whose text has an offer link. */
async function offerMail(email: string, count = 1): Promise<StoredMail> {
  return eventually(
    async () => {
      const offers = (await mailsTo(env.runtime, email)).filter((m) => offerToken(m));
      return offers.length >= count ? offers[count - 1] : undefined;
    },
    { what: `offer mail ${count} to ${email}`, timeoutMs: 30_000 },
  );
}

const fromOurPage = () => ({
  'content-type': 'application/json',
  origin: web,
  'sec-fetch-site': 'same-origin',
});

/** Answers an offer from the offer page (c-public's POST), as the volunteer does. */
async function answerOffer(token: string, answer: 'accept' | 'decline') {
  const response = await fetch(`${api}/offers/${token}`, {
    method: 'POST',
    headers: fromOurPage(),
    body: JSON.stringify({ answer }),
  });
  expect(response.status).toBe(200);
}

/** Gives the seat back from the volunteer's own page. */
async function cancelSeat(participantId: string) {
  const participant = await store.getParticipant(participantId);
  const response = await fetch(`${api}/me/${participant?.pageToken}/cancel`, {
    method: 'POST',
    headers: fromOurPage(),
  });
  expect(response.status).toBe(200);
}

const enrolmentIs = (courseId: string, participantId: string, status: Enrolment['status']) =>
  eventually(
    async () => {
      const enrolment = await store.getEnrolment(courseId, participantId);
      return enrolment?.status === status ? enrolment : undefined;
    },
    { what: `enrolment ${status}`, timeoutMs: 30_000 },
  );

/** Waits until the participant's execution is parked (a task token on the participant). */
const parked = (participantId: string) =>
  eventually(async () => ((await store.getParticipant(participantId))?.taskToken ? true : undefined), {
    what: 'the execution to park',
    timeoutMs: 30_000,
  });

const mailWith = (email: string, text: string) =>
  eventually(
    async () =>
      (await mailsTo(env.runtime, email)).find((m) => `${m.subject}\n${m.body.text}`.includes(text)),
    { what: `a mail to ${email} with "${text}"`, timeoutMs: 30_000 },
  );

async function timeline(participantId: string) {
  const events = await dynamoApprovalStore(documentClient(), process.env.TABLE_NAME as string).listEvents(
    participantId,
  );
  return events.map((event) => event.action);
}

async function executionOf(arnVariable: string, name: string) {
  const arn = (process.env[arnVariable] as string).replace(':stateMachine:', ':execution:');
  return sfn.send(new DescribeExecutionCommand({ executionArn: `${arn}:${name}` }));
}

describe('the volunteer course path', () => {
  it('offers the next course after approval with calendar and links; accept enrols and confirms', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const course = await createCourse(slug, { capacity: 3 });
    const { participantId, email } = await approvedVolunteer(slug, coordinators[0] as string);

    const offer = await offerMail(email);
    expect(offer.body.text).toContain(`${web}/offer/`);
    expect(offer.body.text).toContain('/me/');
    expect(offer.body.text).not.toContain(participantId);
    // The offer tells the approval too: receipt and this one, no separate "approved" mail.
    expect(offer.body.text).toContain('has been approved. We have reserved a place');
    expect(await mailsTo(env.runtime, email)).toHaveLength(2);
    expect(await mailsTo(env.runtime, coordinators[0] as string)).toHaveLength(1);
    const [calendar] = offer.attachments ?? [];
    expect(calendar?.filename).toBe('course.ics');
    const ics = Buffer.from(calendar?.content ?? '', 'base64').toString('utf8');
    expect(ics).toContain(`UID:${course.courseId}-s1@lotse`);
    expect(ics).toContain(`UID:${course.courseId}-s2@lotse`);
    expect((await store.getEnrolment(course.courseId, participantId))?.status).toBe('offered');
    expect((await store.getCourse(course.courseId))?.taken).toBe(1);

    await parked(participantId);
    await answerOffer(offerToken(offer), 'accept');
    await enrolmentIs(course.courseId, participantId, 'enrolled');
    await mailWith(email, 'Guide course');
    await eventually(async () =>
      (await store.getParticipant(participantId))?.state === 'enrolled' ? true : undefined,
    );
    expect(await timeline(participantId)).toEqual(
      expect.arrayContaining(['course-offered', 'course-enrolled']),
    );
    const execution = await executionOf('VOLUNTEER_COURSE_STATE_MACHINE_ARN', participantId);
    expect(execution.status).toBe('RUNNING');
    expect(execution.input).not.toContain(email);
  });

  it('reminds a few days before the first session, once', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const course = await createCourse(slug, { inDays: 2, title: 'Soon course' });
    const { participantId, email } = await approvedVolunteer(slug, coordinators[0] as string);
    await answerOffer(offerToken(await offerMail(email)), 'accept');
    await enrolmentIs(course.courseId, participantId, 'enrolled');
    const reminder = await mailWith(email, 'Starting soon: Soon course');
    expect(reminder.body.text).toContain('Town hall');
    // Plan runs again after each (scaled) wait; the round name keeps it to one mail.
    await parked(participantId);
    const reminders = (await mailsTo(env.runtime, email)).filter((m) => m.subject.includes('Starting soon'));
    expect(reminders).toHaveLength(1);
  });

  it('declined: the seat returns and the next course is offered', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const first = await createCourse(slug, { inDays: 10, title: 'First course' });
    const second = await createCourse(slug, { inDays: 30, title: 'Second course' });
    const { participantId, email } = await approvedVolunteer(slug, coordinators[0] as string);

    const offer = await offerMail(email);
    expect(offer.body.text).toContain('First course');
    await parked(participantId);
    await answerOffer(offerToken(offer), 'decline');
    await enrolmentIs(first.courseId, participantId, 'declined');
    expect((await store.getCourse(first.courseId))?.taken).toBe(0);
    const next = await offerMail(email, 2);
    expect(next.body.text).toContain('Second course');
    await enrolmentIs(second.courseId, participantId, 'offered');
    expect(await timeline(participantId)).toEqual(expect.arrayContaining(['course-declined']));
  });

  it('no answer until the hold ends: the seat returns, the next course or the waiting list follows', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const short = await createCourse(slug, { inDays: 10, holdHours: 1, title: 'Short hold' });
    const { participantId, email } = await approvedVolunteer(slug, coordinators[0] as string);
    await offerMail(email);
    await enrolmentIs(short.courseId, participantId, 'expired');
    expect((await store.getCourse(short.courseId))?.taken).toBe(0);
    // Nothing else suits: they wait for a new course, and an invitation offers it.
    await eventually(async () =>
      (await store.getParticipant(participantId))?.state === 'awaiting-course' ? true : undefined,
    );
    expect(await timeline(participantId)).toEqual(expect.arrayContaining(['course-expired']));
    const later = await createCourse(slug, { inDays: 40, title: 'Later course' });
    await parked(participantId);
    await answerParticipant({ sfn, courses: store }, participantId, {
      event: 'invited',
      courseId: later.courseId,
    });
    await enrolmentIs(later.courseId, participantId, 'offered');
    expect((await offerMail(email, 2)).body.text).toContain('Later course');
  });

  it('no answer until the hold ends, and the next course is full: the waiting list of that course', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const short = await createCourse(slug, { inDays: 10, holdHours: 1, title: 'Short hold' });
    const full = await createCourse(slug, { inDays: 30, capacity: 1, title: 'Full course' });
    // Someone else already holds the only seat of the later course.
    const other = await store.hold({
      courseId: full.courseId,
      participantId: `m-${randomUUID()}`,
      now: new Date(),
      holdHours: 720,
      waitingListIfFull: false,
    });
    expect(other.kind).toBe('offered');
    const { participantId, email } = await approvedVolunteer(slug, coordinators[0] as string);
    await offerMail(email);
    await enrolmentIs(short.courseId, participantId, 'expired');
    const waiting = await enrolmentIs(full.courseId, participantId, 'waiting');
    expect(waiting.waitingRank).toBeDefined();
    await mailWith(email, 'Full course');
    expect(await timeline(participantId)).toEqual(
      expect.arrayContaining(['course-expired', 'course-waiting']),
    );
  });

  it('a full course puts the next volunteer on its waiting list; a cancelled seat goes to the first waiting', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const course = await createCourse(slug, { capacity: 1 });
    const first = await approvedVolunteer(slug, coordinators[0] as string);
    await answerOffer(offerToken(await offerMail(first.email)), 'accept');
    await enrolmentIs(course.courseId, first.participantId, 'enrolled');

    const second = await approvedVolunteer(slug, coordinators[0] as string, 'de');
    const third = await approvedVolunteer(slug, coordinators[0] as string, 'en');
    await enrolmentIs(course.courseId, second.participantId, 'waiting');
    await enrolmentIs(course.courseId, third.participantId, 'waiting');
    expect(await timeline(second.participantId)).toEqual(expect.arrayContaining(['course-waiting']));
    expect((await store.getCourse(course.courseId))?.waiting).toBe(2);

    // The first gives the seat back on their own page: the first waiting is offered it.
    await parked(second.participantId);
    await cancelSeat(first.participantId);
    await enrolmentIs(course.courseId, second.participantId, 'offered');
    const promotedOffer = await offerMail(second.email);
    await answerOffer(offerToken(promotedOffer), 'accept');
    await enrolmentIs(course.courseId, second.participantId, 'enrolled');
    expect((await store.getEnrolment(course.courseId, third.participantId))?.status).toBe('waiting');
    await eventually(async () =>
      (await executionOf('VOLUNTEER_COURSE_STATE_MACHINE_ARN', first.participantId)).status === 'SUCCEEDED'
        ? true
        : undefined,
    );
    await mailWith(first.email, 'Your cancellation is confirmed: Guide course');
    // The course's coordinator learns it (course in German: the notice is in German).
    await mailWith('coordinator@example.org', 'Platz freigegeben: Lotsenkurs');
  });

  it('a cancelled session is told to everyone enrolled, in their language', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const course = await createCourse(slug);
    const english = await approvedVolunteer(slug, coordinators[0] as string, 'en');
    const german = await approvedVolunteer(slug, coordinators[0] as string, 'de');
    for (const volunteer of [english, german]) {
      await answerOffer(offerToken(await offerMail(volunteer.email)), 'accept');
      await enrolmentIs(course.courseId, volunteer.participantId, 'enrolled');
    }
    const current = (await store.getCourse(course.courseId)) as NonNullable<
      Awaited<ReturnType<CourseStore['getCourse']>>
    >;
    const [cancelled, kept] = current.sessions;
    await store.updateCourse(
      {
        ...current,
        sessions: [
          { ...(cancelled as (typeof current.sessions)[0]), cancelled: true },
          kept as (typeof current.sessions)[0],
        ],
      },
      current.revision,
    );
    const before = {
      en: (await mailsTo(env.runtime, english.email)).length,
      de: (await mailsTo(env.runtime, german.email)).length,
    };
    for (const volunteer of [english, german]) {
      await parked(volunteer.participantId);
      await answerParticipant({ sfn, courses: store }, volunteer.participantId, {
        event: 'session-changed',
        courseId: course.courseId,
        sessionId: (cancelled as { sessionId: string }).sessionId,
      });
    }
    const [toEnglish] = (await waitForMails(env.runtime, english.email, before.en + 1)).slice(before.en);
    const [toGerman] = (await waitForMails(env.runtime, german.email, before.de + 1)).slice(before.de);
    expect(toEnglish?.subject).not.toBe(toGerman?.subject);
    expect(toEnglish?.body.text).toContain('Guide course');
    expect(toGerman?.body.text).toContain('Lotsenkurs');
  });

  it('certifies who attended enough (PDF attached) and tells the others kindly', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const course = await createCourse(slug);
    const present = await approvedVolunteer(slug, coordinators[0] as string, 'en');
    const absent = await approvedVolunteer(slug, coordinators[0] as string, 'de');
    for (const volunteer of [present, absent]) {
      await answerOffer(offerToken(await offerMail(volunteer.email)), 'accept');
      await enrolmentIs(course.courseId, volunteer.participantId, 'enrolled');
    }
    const [one, two] = course.sessions.map((s) => s.sessionId) as [string, string];
    for (const [who, session, here] of [
      [present, one, true],
      [present, two, true],
      [absent, one, true],
      [absent, two, false],
    ] as const)
      await store.markAttendance({
        courseId: course.courseId,
        participantId: who.participantId,
        sessionId: session,
        present: here,
        now: new Date(),
      });
    for (const volunteer of [present, absent]) await parked(volunteer.participantId);
    const before = (await mailsTo(env.runtime, present.email)).length;
    const beforeAbsent = (await mailsTo(env.runtime, absent.email)).length;

    const name = `${course.courseId}-1`;
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: process.env.COURSE_CERTIFICATION_STATE_MACHINE_ARN,
        name,
        input: JSON.stringify({
          courseId: course.courseId,
          participantIds: [present.participantId, absent.participantId],
        }),
      }),
    );
    const run = await eventually(
      async () => {
        const execution = await executionOf('COURSE_CERTIFICATION_STATE_MACHINE_ARN', name);
        return execution.status === 'RUNNING' ? undefined : execution;
      },
      { what: 'the certification to finish', timeoutMs: 60_000 },
    );
    expect(run.status).toBe('SUCCEEDED');

    const [certificate] = await store.certificatesOf(present.participantId);
    expect(certificate).toMatchObject({ courseId: course.courseId, status: 'valid', hours: 7.5 });
    expect(certificate?.number).toMatch(/^LOTSE-\d{4}-/);
    // The Open Badges credential is signed with the organisation's key (ES256) and names the number.
    const key = JSON.parse(readFileSync(process.env.LOTSE_SIGNING_KEY_FILE as string, 'utf8')) as JWK;
    const { d: _private, ...publicKey } = key;
    const { payload, protectedHeader } = await compactVerify(
      certificate?.credential ?? '',
      await importJWK(publicKey, 'ES256'),
    );
    expect(protectedHeader.alg).toBe('ES256');
    expect(new TextDecoder().decode(payload)).toContain(certificate?.number);
    expect((await store.getEnrolment(course.courseId, present.participantId))?.status).toBe('certified');
    expect((await store.getEnrolment(course.courseId, absent.participantId))?.status).toBe('not-certified');
    expect(await store.certificatesOf(absent.participantId)).toEqual([]);
    expect((await store.getCourse(course.courseId))?.certification).toBe('done');

    const [congratulation] = (await waitForMails(env.runtime, present.email, before + 1)).slice(before);
    expect(congratulation?.body.text).toContain(certificate?.number);
    const pdf = congratulation?.attachments?.find((a) => a.filename === `${certificate?.number}.pdf`);
    expect(pdf?.contentType).toBe('application/pdf');
    expect(
      Buffer.from(pdf?.content ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const [kind] = (await waitForMails(env.runtime, absent.email, beforeAbsent + 1)).slice(beforeAbsent);
    expect(kind?.body.text).toContain('Lotsenkurs');
    expect(kind?.attachments ?? []).toEqual([]);

    await eventually(async () =>
      (await executionOf('VOLUNTEER_COURSE_STATE_MACHINE_ARN', present.participantId)).status === 'SUCCEEDED'
        ? true
        : undefined,
    );
    expect(await timeline(present.participantId)).toEqual(expect.arrayContaining(['course-certified']));

    // A second run issues no second certificate.
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: process.env.COURSE_CERTIFICATION_STATE_MACHINE_ARN,
        name: `${course.courseId}-2`,
        input: JSON.stringify({ courseId: course.courseId, participantIds: [present.participantId] }),
      }),
    );
    await eventually(async () =>
      (await executionOf('COURSE_CERTIFICATION_STATE_MACHINE_ARN', `${course.courseId}-2`)).status ===
      'SUCCEEDED'
        ? true
        : undefined,
    );
    expect(await store.certificatesOf(present.participantId)).toHaveLength(1);
  });
});
