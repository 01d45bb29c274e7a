import { createLocalJWKSet, jwtVerify } from 'jose';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential } from '../../functions/shared/certificates/credential.ts';
import { newCertificateNumber } from '../../functions/shared/certificates/number.ts';
import { fileSigner } from '../../functions/shared/certificates/signer.ts';
import type { Certificate, CourseStore } from '../../functions/shared/domain/course-model.ts';
import { courseStoreOf, newParticipant, offerSeat, openCourse } from '../support/course-public.ts';
import { startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let store: CourseStore;
let api: string;
let sameSite: Record<string, string>;

beforeAll(async () => {
  env = await startTestRuntime();
  store = courseStoreOf(env.runtime);
  api = env.runtime.urls.api;
  sameSite = { origin: env.runtime.urls.web, 'sec-fetch-site': 'same-origin' };
});
afterAll(async () => {
  await env?.stop();
});

const get = (path: string) => fetch(`${api}${path}`);
const post = (path: string, body: unknown, headers: Record<string, string> = sameSite) =>
  fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const answer = (token: string, choice: string, headers?: Record<string, string>) =>
  post(`/offers/${token}`, { answer: choice }, headers);
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string } }).error.message;

describe('an offer link', () => {
  it('shows the offer however often it is opened, and changes nothing', async () => {
    const course = await openCourse(store);
    const { participant, pageToken } = await newParticipant(store, { locale: 'en', firstName: 'Lina' });
    const { offerToken } = await offerSeat(store, course, participant.participantId);
    const before = await store.getEnrolment(course.courseId, participant.participantId);

    for (let i = 0; i < 3; i += 1) {
      const response = await get(`/offers/${offerToken}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await response.json()).toMatchObject({
        status: 'open',
        firstName: 'Lina',
        locale: 'en',
        holdUntil: before?.offerExpiresAt,
        course: {
          title: 'Preparation course',
          description: 'The basics of guiding',
          place: 'Rathaus, Raum 3',
          hours: 5.5,
          sessions: [
            { sessionId: 's1', hours: 3 },
            { sessionId: 's2', hours: 2.5 },
          ],
        },
        pageUrl: `${env.runtime.urls.web}/me/${pageToken}`,
      });
    }
    expect(await store.getEnrolment(course.courseId, participant.participantId)).toEqual(before);
    expect((await store.getCourse(course.courseId))?.taken).toBe(1);
  });

  it('refuses unknown, altered and malformed links with 404', async () => {
    const course = await openCourse(store);
    const { participant } = await newParticipant(store);
    const { offerToken } = await offerSeat(store, course, participant.participantId);
    const altered = `${offerToken.slice(0, -1)}${offerToken.endsWith('A') ? 'B' : 'A'}`;
    expect((await get(`/offers/${altered}`)).status).toBe(404);
    expect((await get('/offers/not-a-token')).status).toBe(404);
    expect((await answer(altered, 'accept')).status).toBe(404);
  });

  it('accepts once, from our page only: the seat is theirs, a second answer is 409 saying what and when', async () => {
    const course = await openCourse(store);
    const { participant } = await newParticipant(store);
    const { offerToken } = await offerSeat(store, course, participant.participantId);

    const crossSite = await answer(offerToken, 'accept', {
      origin: 'https://elsewhere.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect((await answer(offerToken, 'accept', {})).status).toBe(403);
    const bad = await answer(offerToken, 'maybe');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('"field":"answer"');
    expect((await store.getEnrolment(course.courseId, participant.participantId))?.status).toBe('offered');

    const accepted = await answer(offerToken, 'accept');
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'accepted' });
    expect((await store.getEnrolment(course.courseId, participant.participantId))?.status).toBe('enrolled');
    expect(await store.getCourse(course.courseId)).toMatchObject({ taken: 1, enrolled: 1 });

    const again = await answer(offerToken, 'decline');
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatch(/already answered this offer: accepted at \d{4}-/);
    expect((await get(`/offers/${offerToken}`)).status).toBe(200);
    expect(await (await get(`/offers/${offerToken}`)).json()).toMatchObject({ status: 'accepted' });
  });

  it('declines once: the link is used up, the enrolment is left to the workflow', async () => {
    const course = await openCourse(store);
    const { participant } = await newParticipant(store);
    const { offerToken } = await offerSeat(store, course, participant.participantId);
    const declined = await answer(offerToken, 'decline');
    expect(declined.status).toBe(200);
    expect(await declined.json()).toMatchObject({ status: 'declined' });
    const link = await store.getOfferLink(
      (await import('../../functions/shared/domain/approvals.ts')).hashToken(offerToken),
    );
    expect(link).toMatchObject({ answer: 'decline' });
    expect((await answer(offerToken, 'accept')).status).toBe(409);
  });

  it('says the seat went to the next person when the hold is over (410), and never enrols', async () => {
    const course = await openCourse(store);
    const { participant } = await newParticipant(store);
    // The hold ended an hour ago but the link was still valid: the store's clock decides.
    const late = await offerSeat(store, course, participant.participantId, {
      heldSinceHours: course.holdHours + 1,
      linkValidHours: course.holdHours + 48,
    });
    expect(await (await get(`/offers/${late.offerToken}`)).json()).toMatchObject({ status: 'expired' });
    const refused = await answer(late.offerToken, 'accept');
    expect(refused.status).toBe(410);
    expect(await errorOf(refused)).toContain('the seat was given to the next person');
    expect((await store.getEnrolment(course.courseId, participant.participantId))?.status).toBe('offered');

    const other = await newParticipant(store);
    const expiredLink = await offerSeat(store, course, other.participant.participantId, {
      heldSinceHours: course.holdHours + 1,
    });
    const gone = await answer(expiredLink.offerToken, 'accept');
    expect(gone.status).toBe(410);
    expect(await errorOf(gone)).toContain('We will offer you the next course');
  });
});

describe('the own page', () => {
  it('shows the path, the course with sessions and own attendance, and the waiting position', async () => {
    const course = await openCourse(store, { capacity: 1 });
    const first = await newParticipant(store, { locale: 'uk', firstName: 'Olena' });
    const second = await newParticipant(store, { locale: 'ar', firstName: 'Samir' });
    const { offerToken } = await offerSeat(store, course, first.participant.participantId);
    await answer(offerToken, 'accept');
    await store.updateParticipant(first.participant.participantId, {
      state: 'enrolled',
      currentCourseId: course.courseId,
    });
    await store.markAttendance({
      courseId: course.courseId,
      participantId: first.participant.participantId,
      sessionId: 's1',
      present: true,
      now: new Date(),
    });
    const waiting = await offerSeat(store, course, second.participant.participantId);
    expect(waiting.kind).toBe('waiting');
    await store.updateParticipant(second.participant.participantId, {
      state: 'waiting',
      currentCourseId: course.courseId,
    });

    const page = await get(`/me/${first.pageToken}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const view = await page.json();
    expect(view).toMatchObject({
      firstName: 'Olena',
      locale: 'uk',
      course: {
        courseId: course.courseId,
        // No Ukrainian title: the course's teaching language (German) is the fallback.
        title: 'Vorbereitungskurs',
        status: 'enrolled',
        canCancel: true,
        calendarUrl: `/api/me/${first.pageToken}/calendar.ics`,
        sessions: [{ sessionId: 's1', present: true }, { sessionId: 's2' }],
      },
      certificates: [],
    });
    expect(view.course.sessions[1]).not.toHaveProperty('present');
    expect(view.path.map((s: { step: string; done: boolean }) => `${s.step}:${s.done}`)).toEqual([
      'applied:true',
      'approved:true',
      'offered:true',
      'enrolled:true',
      'attended:false',
      'certified:false',
    ]);

    expect(await (await get(`/me/${second.pageToken}`)).json()).toMatchObject({
      course: { status: 'waiting', waitingPosition: 1, canCancel: true },
    });
    expect((await get(`/me/${first.pageToken.replace(/^./, (c) => (c === 'x' ? 'y' : 'x'))}`)).status).toBe(
      404,
    );
  });

  it('gives the seat back from the page only; it goes to the first waiting at once', async () => {
    const course = await openCourse(store, { capacity: 1 });
    const holder = await newParticipant(store);
    const waiter = await newParticipant(store);
    const { offerToken } = await offerSeat(store, course, holder.participant.participantId);
    await answer(offerToken, 'accept');
    await store.updateParticipant(holder.participant.participantId, { currentCourseId: course.courseId });
    expect((await offerSeat(store, course, waiter.participant.participantId)).kind).toBe('waiting');

    const crossSite = await post(`/me/${holder.pageToken}/cancel`, {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await store.getEnrolment(course.courseId, holder.participant.participantId))?.status).toBe(
      'enrolled',
    );

    const cancelled = await post(`/me/${holder.pageToken}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ course: { status: 'cancelled', canCancel: false } });
    expect((await store.getEnrolment(course.courseId, holder.participant.participantId))?.status).toBe(
      'cancelled',
    );
    expect((await store.getEnrolment(course.courseId, waiter.participant.participantId))?.status).toBe(
      'offered',
    );
    expect(await store.getCourse(course.courseId)).toMatchObject({ taken: 1, enrolled: 0, waiting: 0 });

    const twice = await post(`/me/${holder.pageToken}/cancel`, {});
    expect(twice.status).toBe(409);
  });

  it('serves the course as a calendar file', async () => {
    const course = await openCourse(store);
    const { participant, pageToken } = await newParticipant(store, { locale: 'en' });
    const { offerToken } = await offerSeat(store, course, participant.participantId);
    await answer(offerToken, 'accept');
    await store.updateParticipant(participant.participantId, { currentCourseId: course.courseId });
    const response = await get(`/me/${pageToken}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const ics = await response.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('SUMMARY:Preparation course');
    expect(ics.replace(/\r?\n[ \t]/g, '')).toContain(`/me/${pageToken}`);

    const nobody = await newParticipant(store);
    expect((await get(`/me/${nobody.pageToken}/calendar.ics`)).status).toBe(404);
  });
});

describe('certificates', () => {
  async function certify(locale = 'de') {
    const course = await openCourse(store);
    const holder = await newParticipant(store, { locale });
    const number = newCertificateNumber(new Date());
    const certificate: Certificate = {
      number,
      participantId: holder.participant.participantId,
      courseId: course.courseId,
      formSlug: course.formSlug,
      name: 'Lina Haddad',
      programme: 'Integrationslotsen',
      courseTitle: 'Vorbereitungskurs',
      locale,
      firstSession: '2030-03-02',
      lastSession: '2030-03-09',
      hours: 6,
      issuedAt: new Date().toISOString(),
      credential: '',
      status: 'valid',
    };
    const credential = await issueCredential({
      certificate,
      passPercent: 80,
      organisation: { name: 'Lotse' },
      baseUrl: env.runtime.urls.web,
      // The key the runtime made on its first start, which its functions sign and publish with.
      signer: fileSigner(env.runtime.env.LOTSE_SIGNING_KEY_FILE as string),
    });
    await store.putCertificate({ ...certificate, credential });
    return { ...holder, course, certificate, number };
  }

  it('gives the holder their own PDF, and nobody else', async () => {
    const { pageToken, number } = await certify();
    const view = await (await get(`/me/${pageToken}`)).json();
    expect(view.certificates).toEqual([
      expect.objectContaining({
        number,
        status: 'valid',
        pdfUrl: `/api/me/${pageToken}/certificates/${number}/pdf`,
        verifyUrl: `/verify/${number}`,
      }),
    ]);
    expect(view.path.at(-1)).toMatchObject({ step: 'certified', done: true });

    const pdf = await get(`/me/${pageToken}/certificates/${number}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const document = await getDocument({ data: new Uint8Array(await pdf.arrayBuffer()) }).promise;
    const text = (await (await document.getPage(1)).getTextContent()).items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ');
    await document.destroy();
    expect(text).toContain('Lina Haddad');
    expect(text).toContain(number);

    const stranger = await newParticipant(store);
    expect((await get(`/me/${stranger.pageToken}/certificates/${number}/pdf`)).status).toBe(404);
    expect((await get(`/me/${stranger.pageToken}/certificates/${number}/credential`)).status).toBe(404);
  });

  it('verifies: valid, revoked with its date, unknown; name, programme and date only', async () => {
    const { number } = await certify();
    const valid = await (await get(`/verify/${number}`)).json();
    expect(valid).toMatchObject({
      status: 'valid',
      number,
      name: 'Lina Haddad',
      programme: 'Integrationslotsen',
    });
    expect(Object.keys(valid).sort()).toEqual(
      expect.arrayContaining(['issuedAt', 'issuer', 'name', 'number', 'programme', 'status']),
    );
    expect(JSON.stringify(valid)).not.toMatch(/participantId|example\.org|credential/);

    await store.revokeCertificate(number, {
      reason: 'Irrtum',
      by: 'admin@example.org',
      at: new Date().toISOString(),
    });
    const revoked = await (await get(`/verify/${number}`)).json();
    expect(revoked).toMatchObject({ status: 'revoked', number });
    expect(revoked.revokedAt).toMatch(/^\d{4}-/);
    expect(JSON.stringify(revoked)).not.toContain('Irrtum');

    expect(await (await get('/verify/LOTSE-2026-0000000000')).json()).toMatchObject({ status: 'unknown' });
    expect(await (await get('/verify/%3Cscript%3E')).json()).toMatchObject({ status: 'unknown' });
  });

  it('hands out the signed credential, which verifies with jose against the published keys', async () => {
    const { pageToken, number } = await certify('en');
    const download = await get(`/me/${pageToken}/certificates/${number}/credential`);
    expect(download.status).toBe(200);
    const { credential } = (await download.json()) as { credential: string };
    const jwks = (await (await get('/credentials/jwks')).json()) as Parameters<typeof createLocalJWKSet>[0];
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    const { payload } = await jwtVerify(credential, createLocalJWKSet(jwks), { algorithms: ['ES256'] });
    expect(payload.iss).toBe(`${env.runtime.urls.web}/api/credentials/issuer`);
    expect(JSON.stringify(payload)).toContain(number);
    expect(await (await get(`/verify/${number}`)).json()).toMatchObject({
      status: 'valid',
      signatureValid: true,
    });

    const issuer = await (await get('/credentials/issuer')).json();
    expect(issuer).toMatchObject({ id: payload.iss, type: ['Profile'], name: 'Lotse' });
  });
});
