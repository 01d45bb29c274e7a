import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoCourseStore } from '../../functions/shared/adapters/course-store.ts';
import type { Certificate, CourseStore } from '../../functions/shared/domain/course-model.ts';
import { sampleCourse } from '../support/course-table.ts';
import { applyTo, linkIn, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import { type StoredMail, startTestRuntime, waitForMails } from '../support/runtime.ts';
import { assignStaff } from '../support/staff.ts';

/**
 * The funders' report on the local runtime: registrations and an approval go through the real
 * form, workflow and inbox projection; a finished course with enrolments, attendance and a
 * certificate is written through the real CourseStore (its sessions lie in the past, which the
 * console would refuse to create). Signed in as real staff, within their programmes only.
 */
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let slug: string;
let courses: CourseStore;

const day = 86_400_000;
const now = Date.now();
const isoDay = (offsetDays: number) => new Date(now + offsetDays * day).toISOString().slice(0, 10);
const at = (offsetDays: number) => new Date(now + offsetDays * day);
const from = isoDay(-60);
const to = isoDay(0);

beforeAll(async () => {
  env = await startTestRuntime({ timeScale: 0.0001 });
  api = env.runtime.urls.api;
  courses = dynamoCourseStore(
    DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: env.runtime.urls.dynamodb }), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    env.runtime.env.TABLE_NAME as string,
  );
  const form = await publishOnboardingForm(env.runtime);
  slug = form.slug;
  await assignStaff(env.runtime, 'test-vera', [slug]);
  await assignStaff(env.runtime, 'test-otto', ['another-programme']);

  // Three registrations; the first coordinator approves one by the link in their mail.
  for (let i = 0; i < 3; i += 1) await applyTo(env.runtime, slug);
  const mails = await waitForMails(env.runtime, form.coordinators[0] as string, 1);
  const [, token] = linkIn(mails[0] as StoredMail, 'decide');
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

  await seedFinishedCourse();
}, 180_000);

afterAll(async () => env?.stop());

/** Two sessions of 3 h and 2.5 h, 20 and 10 days ago; three offered, two enrolled, one certified. */
async function seedFinishedCourse() {
  const course = sampleCourse({
    formSlug: slug,
    status: 'completed',
    capacity: 5,
    sessions: [
      { sessionId: 's1', date: isoDay(-20), start: '18:00', end: '21:00' },
      { sessionId: 's2', date: isoDay(-10), start: '18:00', end: '20:30' },
    ],
    createdAt: at(-40).toISOString(),
  });
  await courses.createCourse({ ...course, status: 'open' });
  for (const participantId of ['p1', 'p2', 'p3']) {
    const held = await courses.hold({
      courseId: course.courseId,
      participantId,
      now: at(-30),
      holdHours: 72,
      waitingListIfFull: false,
    });
    expect(held.kind).toBe('offered');
  }
  for (const participantId of ['p1', 'p2'])
    expect((await courses.accept({ courseId: course.courseId, participantId, now: at(-29) })).kind).toBe(
      'enrolled',
    );
  const marks: [string, string, boolean][] = [
    ['p1', 's1', true],
    ['p1', 's2', true],
    ['p2', 's1', true],
    ['p2', 's2', false],
  ];
  for (const [participantId, sessionId, present] of marks)
    await courses.markAttendance({
      courseId: course.courseId,
      participantId,
      sessionId,
      present,
      now: at(-9),
    });
  const certificate: Certificate = {
    number: 'LOTSE-2026-REPORTTEST',
    participantId: 'p1',
    courseId: course.courseId,
    formSlug: slug,
    name: 'Amal Beispiel',
    programme: 'Testformular',
    courseTitle: 'Vorbereitungskurs',
    locale: 'de',
    firstSession: isoDay(-20),
    lastSession: isoDay(-10),
    hours: 5.5,
    issuedAt: at(-5).toISOString(),
    credential: 'header.payload.signature',
    status: 'valid',
  };
  await courses.putCertificate(certificate);
}

const tokens = {
  alice: () => env.runtime.auth.issueFor('alice', ['admin']).AccessToken,
  vera: () => env.runtime.auth.issueFor('vera', ['viewer']).AccessToken,
  otto: () => env.runtime.auth.issueFor('otto', ['coordinator']).AccessToken,
};

const report = (who: keyof typeof tokens, query: string, headers: Record<string, string> = {}) =>
  fetch(`${api}/admin/reports?${query}`, {
    headers: { authorization: `Bearer ${tokens[who]()}`, ...headers },
  });

describe('the funders report', () => {
  it('counts a programme’s registrations, approval, offers, enrolments, attendance, certificate and hours', async () => {
    // The inbox projection and the approval follow the stream; wait until they are counted.
    const body = await eventually(
      async () => {
        const response = await report('vera', `form=${slug}&from=${from}&to=${to}`);
        expect(response.status).toBe(200);
        // biome-ignore lint/suspicious/noExplicitAny: the answer is checked field by field below
        const view = (await response.json()) as any;
        return view.totals.registrations === 3 && view.totals.approvals === 1 ? view : undefined;
      },
      { what: 'three registrations and one approval in the report', timeoutMs: 60_000 },
    );
    expect(body.programmes).toHaveLength(1);
    expect(body.programmes[0]).toMatchObject({
      formSlug: slug,
      registrations: 3,
      approvals: 1,
      offers: 3,
      enrolments: 2,
      attendanceRate: 0.75,
      certificates: 1,
      teachingHours: 5.5,
      volunteerHours: 8.5,
    });
    expect(body.programmes[0].title).toBeTruthy();
    expect(body.months.at(-1).month).toBe(to.slice(0, 7));
    expect(body.months.reduce((sum: number, m: { registrations: number }) => sum + m.registrations, 0)).toBe(
      3,
    );
  });

  it('answers a CSV file in German with the same figures', async () => {
    const response = await report('vera', `form=${slug}&from=${from}&to=${to}&format=csv&locale=de`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="lotse-report-${from}-${to}.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toContain('"Programm";"Von";"Bis";"Anmeldungen"');
    expect(lines[1]).toContain(`"${from}";"${to}";"3";"1";"3";"2";"75";"1";"5,5";"8,5"`);
    expect(lines[2]).toMatch(/^"Gesamt";/);
  });

  it('keeps staff to their programmes: 403 for another form, and it is left out of the overview', async () => {
    expect((await report('otto', `form=${slug}&from=${from}&to=${to}`)).status).toBe(403);
    const overview = await report('otto', `from=${from}&to=${to}`);
    expect(overview.status).toBe(200);
    const view = (await overview.json()) as { programmes: { formSlug: string }[] };
    expect(view.programmes.map((p) => p.formSlug)).not.toContain(slug);
    const all = (await (await report('alice', `from=${from}&to=${to}`)).json()) as typeof view;
    expect(all.programmes.map((p) => p.formSlug)).toContain(slug);
  });

  it('refuses a bad period with a 400 naming the field, and an unknown form with 404', async () => {
    const missing = await report('alice', `from=${from}`);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('to');
    const reversed = await report('alice', `from=${to}&to=${from}`);
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(await reversed.json())).toContain('from');
    const impossible = await report('alice', 'from=2027-02-30&to=2027-03-31');
    expect(impossible.status).toBe(400);
    expect(JSON.stringify(await impossible.json())).toContain('from');
    expect((await report('alice', `form=no-such-form&from=${from}&to=${to}`)).status).toBe(404);
  });
});
