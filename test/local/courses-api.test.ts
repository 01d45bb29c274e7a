import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoCourseStore } from '../../functions/shared/adapters/course-store.ts';
import { documentClient } from '../../functions/shared/adapters/dynamo.ts';
import { stateMachineArnVariable } from '../../functions/shared/definitions/state-machines.ts';
import { applyTo, linkIn, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import { mailsTo, type StoredMail, startTestRuntime, waitForMails } from '../support/runtime.ts';
import { assignStaff } from '../support/staff.ts';

/**
 * The console's courses API on the local runtime, signed in as real staff: courses, manual
 * enrolment up to the last seat and the waiting list, attendance with its audited changes, the
 * start of certification, revocation, and who may do what.
 */
const FORM = 'integrationslotsen-registrierung';
const OTHER_FORM = 'beratung-anfrage';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;

beforeAll(async () => {
  env = await startTestRuntime({ timeScale: 0.0001 });
  api = env.runtime.urls.api;
  await assignStaff(env.runtime, 'test-cora', [FORM]);
  await assignStaff(env.runtime, 'test-vera', [FORM]);
  await assignStaff(env.runtime, 'test-otto', [OTHER_FORM]);
}, 120_000);
afterAll(async () => env?.stop());

const tokens = {
  alice: () => env.runtime.auth.issueFor('alice', ['admin']).AccessToken,
  cora: () => env.runtime.auth.issueFor('cora', ['coordinator']).AccessToken,
  vera: () => env.runtime.auth.issueFor('vera', ['viewer']).AccessToken,
  otto: () => env.runtime.auth.issueFor('otto', ['coordinator']).AccessToken,
};
type Who = keyof typeof tokens;

async function call(who: Who, method: string, path: string, body?: unknown) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]()}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json');
  // biome-ignore lint/suspicious/noExplicitAny: the tests read the answers' JSON loosely
  return { status: response.status, body: (isJson && text ? JSON.parse(text) : text) as any, response };
}

const courseInput = (overrides: Record<string, unknown> = {}) => ({
  formSlug: FORM,
  title: { de: 'Grundkurs Integrationslotsen', en: 'Basic course for integration guides' },
  teachingLanguage: 'de',
  place: 'Stadtteilzentrum, Raum 2',
  sessions: [
    { date: '2027-03-06', start: '10:00', end: '16:00' },
    { date: '2027-03-13', start: '10:00', end: '13:30' },
  ],
  capacity: 2,
  coordinator: 'cora@example.org',
  // Registration closed: the volunteer-course executions these tests start never offer one test's
  // course to another test's participants, so seat counts stay the tests' own; staff enrol by hand.
  registrationDeadline: '2026-01-15',
  ...overrides,
});

async function createCourse(overrides: Record<string, unknown> = {}) {
  const created = await call('cora', 'POST', '/admin/courses', courseInput(overrides));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { courseId: string; revision: number; sessions: { sessionId: string }[] };
}

const person = (firstName: string, extra: Record<string, unknown> = {}) => ({
  firstName,
  lastName: 'Beispiel',
  email: `${firstName.toLowerCase()}@example.org`,
  locale: 'de',
  ...extra,
});

const auditEntries = async (action: string, targetId: string) => {
  const { body } = await call('alice', 'GET', `/admin/audit?action=${action}`);
  // biome-ignore lint/suspicious/noExplicitAny: audit entries are read loosely
  return (body.entries as any[]).filter((entry) => entry.target.id === targetId);
};

const executionExists = (machine: 'volunteer-course' | 'course-certification', name: string) =>
  eventually(
    () =>
      new SFNClient({})
        .send(
          new DescribeExecutionCommand({
            executionArn: `${process.env[stateMachineArnVariable(machine as never)]?.replace(':stateMachine:', ':execution:')}:${name}`,
          }),
        )
        .catch(() => undefined),
    { what: `the ${machine} execution ${name}` },
  );

describe('courses', () => {
  it('creates, lists, reads and edits a course; hours and seats are counted', async () => {
    const course = await createCourse();
    expect(course).toMatchObject({ revision: 0, status: 'open', hours: 9.5, certification: 'not-started' });
    expect((course as never as { seats: unknown }).seats).toMatchObject({
      capacity: 2,
      taken: 0,
      free: 2,
      waiting: 0,
    });
    const listed = await call('vera', 'GET', `/admin/courses?form=${FORM}`);
    expect(listed.status).toBe(200);
    expect(listed.body.courses.map((c: { courseId: string }) => c.courseId)).toContain(course.courseId);
    const edited = await call('cora', 'PUT', `/admin/courses/${course.courseId}`, {
      ...courseInput({ capacity: 12, sessions: course.sessions }),
      revision: 0,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ revision: 1, capacity: 12 });
    expect(edited.body.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual(
      course.sessions.map((s) => s.sessionId),
    );
    const got = await call('vera', 'GET', `/admin/courses/${course.courseId}`);
    expect(got.body).toMatchObject({ revision: 1, capacity: 12 });
    expect(await auditEntries('course.update', course.courseId)).toHaveLength(1);
  });

  it('refuses a stale save with 409 naming the fields that differ from the course now', async () => {
    const course = await createCourse();
    const first = await call('cora', 'PUT', `/admin/courses/${course.courseId}`, {
      ...courseInput({ capacity: 8, sessions: course.sessions }),
      revision: 0,
    });
    expect(first.status).toBe(200);
    const stale = await call('alice', 'PUT', `/admin/courses/${course.courseId}`, {
      ...courseInput({ place: 'Rathaus', sessions: course.sessions }),
      revision: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.changedFields.sort()).toEqual(['capacity', 'place']);
    expect(stale.body.error.message).toContain('capacity');
    expect(stale.body.course).toMatchObject({ revision: 1, capacity: 8 });
  });

  it('answers bad input with 400 naming each field, never 500', async () => {
    const bad = await call('cora', 'POST', '/admin/courses', {
      ...courseInput(),
      capacity: 0,
      sessions: [{ date: '2027-03-01', start: '10:00', end: '09:00' }],
      coordinator: 'not-an-address',
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.issues.map((issue: { field: string }) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(['capacity', 'sessions.0.end', 'coordinator']));
    const noSuchDay = await call(
      'cora',
      'POST',
      '/admin/courses',
      courseInput({ sessions: [{ date: '2027-02-30', start: '10:00', end: '12:00' }] }),
    );
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body.error.issues).toEqual([
      { field: 'sessions.0.date', message: 'is not a day of the calendar' },
    ]);
    const unknownForm = await call(
      'alice',
      'POST',
      '/admin/courses',
      courseInput({ formSlug: 'no-such-form' }),
    );
    expect(unknownForm.status).toBe(400);
    expect(unknownForm.body.error.issues[0].field).toBe('formSlug');
    const course = await createCourse();
    const noRevision = await call('cora', 'PUT', `/admin/courses/${course.courseId}`, courseInput());
    expect(noRevision.status).toBe(400);
    expect(noRevision.body.error.issues[0].field).toBe('revision');
    const session = course.sessions[0]?.sessionId;
    const tap = await call(
      'cora',
      'PUT',
      `/admin/courses/${course.courseId}/sessions/${session}/attendance/m-x`,
      {
        present: 'yes',
      },
    );
    expect(tap.status).toBe(400);
    expect(tap.body.error.issues[0].field).toBe('present');
    const enrol = await call('cora', 'POST', `/admin/courses/${course.courseId}/enrolments`, {
      firstName: 'Ana',
    });
    expect(enrol.status).toBe(400);
    expect(enrol.body.error.issues.map((issue: { field: string }) => issue.field)).toEqual(
      expect.arrayContaining(['lastName', 'email', 'locale']),
    );
    const notJson = await fetch(`${api}/admin/courses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.cora()}`, 'content-type': 'application/json' },
      body: '{"formSlug":',
    });
    expect(notJson.status).toBe(400);
    const revoke = await call('alice', 'POST', '/admin/certificates/LOTSE-2027-0000000000/revoke', {
      reason: '',
    });
    expect(revoke.status).toBe(400);
    expect(revoke.body.error.issues[0].field).toBe('reason');
  });
});

describe('enrolment, waiting list and attendance', () => {
  it('enrols by hand until full, then refuses (409) or puts on the waiting list, which can be reordered', async () => {
    // Registration open: the workflows keep people on the waiting list only while it is (earlier
    // tests start no workflows, so none of theirs can take these seats).
    const course = await createCourse({ registrationDeadline: '2027-03-01' });
    const path = `/admin/courses/${course.courseId}/enrolments`;
    const ana = await call('cora', 'POST', path, person('Ana'));
    expect(ana.status, JSON.stringify(ana.body)).toBe(201);
    expect(ana.body).toMatchObject({ status: 'enrolled', source: 'manual', name: 'Ana Beispiel' });
    expect(ana.body.participantId).toMatch(/^m-[0-9a-f-]{36}$/);
    const execution = await executionExists('volunteer-course', ana.body.participantId);
    expect(JSON.parse(execution.input ?? '{}')).toEqual({
      participantId: ana.body.participantId,
      courseId: course.courseId,
    });
    expect((await call('cora', 'POST', path, person('Ben'))).status).toBe(201);
    const full = await call('cora', 'POST', path, person('Cem'));
    expect(full.status).toBe(409);
    expect(full.body.error.message).toMatch(/full/);
    const cem = await call('cora', 'POST', path, person('Cem', { waitingListIfFull: true }));
    expect(cem.status).toBe(201);
    expect(cem.body).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    const dana = await call('cora', 'POST', path, person('Dana', { waitingListIfFull: true }));
    expect(dana.body).toMatchObject({ status: 'waiting', waitingPosition: 2 });
    const seats = (await call('vera', 'GET', `/admin/courses/${course.courseId}`)).body.seats;
    expect(seats).toMatchObject({ capacity: 2, taken: 2, enrolled: 2, free: 0, waiting: 2 });

    const reordered = await call('cora', 'PUT', `/admin/courses/${course.courseId}/waiting-list`, {
      participantIds: [dana.body.participantId, cem.body.participantId],
    });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200);
    const positions = Object.fromEntries(
      reordered.body.enrolments.map((e: { participantId: string; waitingPosition?: number }) => [
        e.participantId,
        e.waitingPosition,
      ]),
    );
    expect(positions[dana.body.participantId]).toBe(1);
    expect(positions[cem.body.participantId]).toBe(2);
    const wrong = await call('cora', 'PUT', `/admin/courses/${course.courseId}/waiting-list`, {
      participantIds: [cem.body.participantId],
    });
    expect(wrong.status).toBe(409);
    expect(await auditEntries('course.waiting-list.reorder', course.courseId)).toHaveLength(1);

    const invited = await call('cora', 'POST', `/admin/courses/${course.courseId}/invitations`, {
      participantIds: [ana.body.participantId, 'm-nobody'],
    });
    expect(invited.status).toBe(200);
    expect(invited.body).toMatchObject({ offered: 0, waiting: 0 });
    expect(invited.body.skipped.map((s: { participantId: string }) => s.participantId).sort()).toEqual(
      [ana.body.participantId, 'm-nobody'].sort(),
    );
  });

  it('gives the seats of a raised capacity to the first waiting at once, each with an offer', async () => {
    const course = await createCourse({ registrationDeadline: '2027-03-01', capacity: 1 });
    const path = `/admin/courses/${course.courseId}/enrolments`;
    await call('cora', 'POST', path, person('Eda'));
    const fay = await call('cora', 'POST', path, person('Fay', { waitingListIfFull: true }));
    const gus = await call('cora', 'POST', path, person('Gus', { waitingListIfFull: true }));
    expect([fay.body.status, gus.body.status]).toEqual(['waiting', 'waiting']);
    const raised = await call('cora', 'PUT', `/admin/courses/${course.courseId}`, {
      ...courseInput({ registrationDeadline: '2027-03-01', capacity: 2, sessions: course.sessions }),
      revision: course.revision,
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body.seats).toMatchObject({ capacity: 2, taken: 2, free: 0, waiting: 1 });
    const { body } = await call('cora', 'GET', path);
    const status = Object.fromEntries(
      body.enrolments.map((e: { participantId: string; status: string }) => [e.participantId, e.status]),
    );
    expect(status[fay.body.participantId]).toBe('offered');
    expect(status[gus.body.participantId]).toBe('waiting');
  });

  it('records attendance idempotently, audits a changed mark, and starts certification after the last session', async () => {
    const course = await createCourse({ capacity: 5 });
    const [first, second] = course.sessions.map((session) => session.sessionId);
    const ana = (await call('cora', 'POST', `/admin/courses/${course.courseId}/enrolments`, person('Ana')))
      .body;
    const mark = (session: string | undefined, present: boolean) =>
      call(
        'cora',
        'PUT',
        `/admin/courses/${course.courseId}/sessions/${session}/attendance/${ana.participantId}`,
        {
          present,
        },
      );
    expect((await mark(first, true)).body).toMatchObject({ present: true, changed: false });
    expect((await mark(first, true)).body).toMatchObject({ present: true, changed: false });
    expect(await auditEntries('course.attendance.change', course.courseId)).toHaveLength(0);
    expect((await mark(first, false)).body).toMatchObject({ present: false, changed: true });
    const [change] = await auditEntries('course.attendance.change', course.courseId);
    expect(change).toMatchObject({
      actor: { sub: 'test-cora', username: 'cora' },
      before: { present: true },
      after: { present: false },
      details: { sessionId: first, participantId: ana.participantId },
    });
    expect((await mark(second, true)).status).toBe(200);
    const listed = await call('cora', 'GET', `/admin/courses/${course.courseId}/enrolments`);
    expect(listed.body.enrolments[0]).toMatchObject({
      attendance: { [first as string]: false, [second as string]: true },
    });

    const once = await call('cora', 'POST', `/admin/courses/${course.courseId}/sessions/${first}/complete`);
    expect(once.status).toBe(200);
    expect(once.body.certification).toBeUndefined();
    expect(once.body.course.certification).toBe('not-started');
    const last = await call('cora', 'POST', `/admin/courses/${course.courseId}/sessions/${second}/complete`);
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(last.body.certification).toMatch(new RegExp(`^${course.courseId}-\\d+$`));
    expect(last.body.course.certification).not.toBe('not-started');
    const execution = await executionExists('course-certification', last.body.certification);
    expect(JSON.parse(execution.input ?? '{}')).toEqual({
      courseId: course.courseId,
      participantIds: [ana.participantId],
    });
    const again = await call('cora', 'POST', `/admin/courses/${course.courseId}/sessions/${second}/complete`);
    expect(again.status).toBe(200);
  });

  it('cancels a session (everyone told) and a course, whose seats are given back', async () => {
    const course = await createCourse({ capacity: 1 });
    const path = `/admin/courses/${course.courseId}/enrolments`;
    await call('cora', 'POST', path, person('Ana'));
    await call('cora', 'POST', path, person('Ben', { waitingListIfFull: true }));
    const moved = await call(
      'cora',
      'POST',
      `/admin/courses/${course.courseId}/sessions/${course.sessions[1]?.sessionId}/cancel`,
      {
        reason: 'Raum belegt',
        moveTo: { date: '2027-03-20', start: '10:00', end: '13:30' },
      },
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.course.sessions[1]).toMatchObject({ date: '2027-03-20', cancelled: false });
    const dropped = await call(
      'cora',
      'POST',
      `/admin/courses/${course.courseId}/sessions/${course.sessions[0]?.sessionId}/cancel`,
      {
        reason: 'Krankheit',
      },
    );
    expect(dropped.body.course.sessions.find((s: { cancelled: boolean }) => s.cancelled)).toMatchObject({
      cancelReason: 'Krankheit',
    });
    expect(dropped.body.course.hours).toBe(3.5);
    const cancelled = await call('cora', 'POST', `/admin/courses/${course.courseId}/cancel`, {
      reason: 'Zu wenige',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.course).toMatchObject({
      status: 'cancelled',
      seats: { taken: 0, enrolled: 0, waiting: 0 },
    });
    const enrolments = (await call('cora', 'GET', path)).body.enrolments;
    expect(
      enrolments.map((e: { status: string }) => e.status),
      JSON.stringify(enrolments),
    ).toEqual(['cancelled', 'cancelled']);
    expect((await call('cora', 'POST', path, person('Cem'))).status).toBe(409);
    expect(await auditEntries('course.cancel', course.courseId)).toHaveLength(1);
  });
});

describe('certificates', () => {
  it('lists, renders and revokes a certificate (admins only, audited)', async () => {
    const course = await createCourse();
    const number = `LOTSE-2027-${Array.from({ length: 10 }, () => CROCKFORD[Math.floor(Math.random() * 32)]).join('')}`;
    await dynamoCourseStore(documentClient(), process.env.TABLE_NAME as string).putCertificate({
      number,
      participantId: 'm-certified',
      courseId: course.courseId,
      formSlug: FORM,
      name: 'Олена Коваленко',
      programme: 'Integrationslotsen',
      courseTitle: 'Grundkurs Integrationslotsen',
      locale: 'de',
      firstSession: '2027-03-06',
      lastSession: '2027-03-13',
      hours: 9.5,
      issuedAt: '2027-03-13T18:00:00.000Z',
      credential: 'not-checked-here',
      status: 'valid',
    });
    const listed = await call('vera', 'GET', `/admin/certificates?course=${course.courseId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.certificates).toEqual([
      expect.objectContaining({ number, status: 'valid', hours: 9.5 }),
    ]);
    expect(listed.body.certificates[0].credential).toBeUndefined();
    const pdf = await call('vera', 'GET', `/admin/certificates/${number}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
    expect((await call('otto', 'GET', `/admin/certificates/${number}/pdf`)).status).toBe(404);
    expect(
      (await call('cora', 'POST', `/admin/certificates/${number}/revoke`, { reason: 'Irrtum' })).status,
    ).toBe(403);
    const revoked = await call('alice', 'POST', `/admin/certificates/${number}/revoke`, {
      reason: 'Ausgestellt im Irrtum',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'Ausgestellt im Irrtum' });
    expect(
      (await call('alice', 'POST', `/admin/certificates/${number}/revoke`, { reason: 'noch einmal' })).status,
    ).toBe(409);
    const [entry] = await auditEntries('certificate.revoke', number);
    expect(entry).toMatchObject({ before: { status: 'valid' }, after: { status: 'revoked' } });
    expect(
      (await call('vera', 'GET', `/admin/certificates?course=${course.courseId}`)).body.certificates[0],
    ).toMatchObject({
      status: 'revoked',
    });
  });
});

describe('who may do what', () => {
  it('lets viewers read without e-mail addresses, coordinators of the programme change, others see nothing', async () => {
    const course = await createCourse();
    await call('cora', 'POST', `/admin/courses/${course.courseId}/enrolments`, person('Ana'));
    const asViewer = await call('vera', 'GET', `/admin/courses/${course.courseId}/enrolments`);
    expect(asViewer.status).toBe(200);
    expect(asViewer.body.enrolments[0].name).toBe('Ana Beispiel');
    expect(asViewer.body.enrolments[0].email).toBeUndefined();
    const asCoordinator = await call('cora', 'GET', `/admin/courses/${course.courseId}/enrolments`);
    expect(asCoordinator.body.enrolments[0].email).toBe('ana@example.org');
    expect(
      (await call('vera', 'POST', `/admin/courses/${course.courseId}/enrolments`, person('Ben'))).status,
    ).toBe(403);
    expect((await call('vera', 'POST', '/admin/courses', courseInput())).status).toBe(403);
    expect((await call('otto', 'GET', `/admin/courses/${course.courseId}`)).status).toBe(404);
    expect((await call('otto', 'GET', `/admin/courses/${course.courseId}/enrolments`)).status).toBe(404);
    expect((await call('otto', 'POST', '/admin/courses', courseInput())).status).toBe(403);
    expect((await call('otto', 'GET', `/admin/courses?form=${FORM}`)).status).toBe(403);
    const ottoList = await call('otto', 'GET', '/admin/courses');
    expect(ottoList.body.courses.map((c: { courseId: string }) => c.courseId)).not.toContain(course.courseId);
    expect((await call('vera', 'GET', `/admin/course-candidates?form=${FORM}`)).status).toBe(200);
    expect((await call('vera', 'GET', '/admin/course-candidates')).status).toBe(400);
  });
});

describe('invitations', () => {
  it('invites the approved volunteers of a programme who have no course yet; their workflows offer the seats', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    await assignStaff(env.runtime, 'test-cora', [FORM, slug]);
    await assignStaff(env.runtime, 'test-vera', [FORM, slug]);
    const coordinator = coordinators[0] as string;
    const { submissionId, email } = await applyTo(env.runtime, slug, 'en');
    const [request] = await waitForMails(env.runtime, coordinator, 1);
    const [, token] = linkIn(request as StoredMail, 'decide');
    const decided = await fetch(`${api}/decisions/${token}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: env.runtime.urls.web,
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(decided.status).toBe(200);
    const store = dynamoCourseStore(documentClient(), process.env.TABLE_NAME as string);
    // Approved, no course exists: the volunteer's execution parks and waits for one.
    await eventually(async () => ((await store.getParticipant(submissionId))?.taskToken ? true : undefined), {
      what: 'the volunteer waiting for a course',
      timeoutMs: 30_000,
    });
    const candidates = await call('vera', 'GET', `/admin/course-candidates?form=${slug}`);
    expect(candidates.body.candidates).toEqual([
      expect.objectContaining({ participantId: submissionId, status: 'awaiting-course', locale: 'en' }),
    ]);
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const course = await createCourse({
      formSlug: slug,
      sessions: [{ date: soon(30), start: '10:00', end: '12:00' }],
      registrationDeadline: soon(20),
    });
    const invited = await call('cora', 'POST', `/admin/courses/${course.courseId}/invitations`, {});
    expect(invited.status, JSON.stringify(invited.body)).toBe(200);
    expect(invited.body).toEqual({ offered: 1, waiting: 0, skipped: [] });
    await eventually(
      async () =>
        (await store.getEnrolment(course.courseId, submissionId))?.status === 'offered' ? true : undefined,
      { what: 'the seat offered', timeoutMs: 30_000 },
    );
    await eventually(
      async () =>
        (await mailsTo(env.runtime, email)).some((mail) => /\/offer\//.test(mail.body.text ?? ''))
          ? true
          : undefined,
      { what: 'the offer mail', timeoutMs: 30_000 },
    );
    const again = await call('cora', 'POST', `/admin/courses/${course.courseId}/invitations`, {
      participantIds: [submissionId],
    });
    expect(again.body.skipped).toEqual([
      { participantId: submissionId, reason: expect.stringMatching(/not waiting/) },
    ]);
  });
});
