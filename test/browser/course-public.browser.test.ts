import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCertificateNumber } from '../../functions/shared/certificates/number.ts';
import type { CourseStore } from '../../functions/shared/domain/course-model.ts';
import { launchChromium } from '../support/browser.ts';
import { courseStoreOf, newParticipant, offerSeat, openCourse } from '../support/course-public.ts';
import { startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let store: CourseStore;
let context: BrowserContext;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
  store = courseStoreOf(env.runtime);
  context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await env?.stop();
});

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function enrolled(locale: string) {
  const course = await openCourse(store);
  const person = await newParticipant(store, { locale, firstName: 'Samira' });
  const { offerToken } = await offerSeat(store, course, person.participant.participantId);
  await store.accept({
    courseId: course.courseId,
    participantId: person.participant.participantId,
    now: new Date(),
  });
  await store.updateParticipant(person.participant.participantId, {
    state: 'enrolled',
    currentCourseId: course.courseId,
  });
  return { course, offerToken, ...person };
}

// Three journeys with axe checks; a loaded two-core machine can take a minute for one.
describe('a volunteer on a phone', { timeout: 150_000 }, () => {
  it('opens the offer and accepts it: the page says the seat is theirs only once it is', async () => {
    const course = await openCourse(store);
    const { participant } = await newParticipant(store, { locale: 'en', firstName: 'Lina' });
    const { offerToken } = await offerSeat(store, course, participant.participantId);
    const page = await context.newPage();
    await page.goto(`${env.runtime.urls.web}/offer/${offerToken}`);
    await expect.poll(() => heading(page)).toBe('A course seat for you');
    expect(await page.getByText('Hello Lina,').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Preparation course' }).count()).toBe(1);
    expect(await page.getByText(/The seat is held for you until/).count()).toBe(1);
    await noAxeViolations(page);
    expect((await store.getEnrolment(course.courseId, participant.participantId))?.status).toBe('offered');

    await page.getByRole('button', { name: 'Accept the seat' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('The seat is yours');
    expect(await page.getByRole('button', { name: 'Accept the seat' }).count()).toBe(0);
    expect((await store.getEnrolment(course.courseId, participant.participantId))?.status).toBe('enrolled');
    await noAxeViolations(page);
    await page.close();
  });

  it('shows the own page in German, and gives the seat back after asking', async () => {
    const { course, participant, pageToken } = await enrolled('de');
    const page = await context.newPage();
    await page.goto(`${env.runtime.urls.web}/me/${pageToken}`);
    await expect.poll(() => heading(page)).toBe('Ihr Weg zum Zertifikat');
    expect(await page.locator('.vp-path li').allTextContents()).toEqual([
      expect.stringContaining('Beworben'),
      expect.stringContaining('Zugelassen'),
      expect.stringContaining('Kursplatz angeboten'),
      expect.stringContaining('Im Kurs angemeldet'),
      expect.stringContaining('Kurs besucht · noch offen'),
      expect.stringContaining('Zertifiziert · noch offen'),
    ]);
    const calendar = page.getByRole('link', { name: 'Termine in den Kalender übernehmen' });
    expect(await calendar.getAttribute('href')).toBe(`/api/me/${pageToken}/calendar.ics`);
    await noAxeViolations(page);

    await page.getByRole('button', { name: 'Meinen Platz freigeben' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Nein, Platz behalten' }).click();
    expect((await store.getEnrolment(course.courseId, participant.participantId))?.status).toBe('enrolled');

    await page.getByRole('button', { name: 'Meinen Platz freigeben' }).click();
    await noAxeViolations(page);
    await dialog.getByRole('button', { name: 'Ja, Platz freigeben' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Ihr Platz ist freigegeben');
    expect((await store.getEnrolment(course.courseId, participant.participantId))?.status).toBe('cancelled');
    expect(await page.getByRole('button', { name: 'Meinen Platz freigeben' }).count()).toBe(0);
    await page.close();
  });

  it('shows an Arabic own page right to left, with the certificate, and the verification page', async () => {
    const { course, participant, pageToken } = await enrolled('ar');
    const number = newCertificateNumber(new Date());
    await store.putCertificate({
      number,
      participantId: participant.participantId,
      courseId: course.courseId,
      formSlug: course.formSlug,
      name: 'سميرة حداد',
      programme: 'Integrationslotsen',
      courseTitle: 'Vorbereitungskurs',
      locale: 'ar',
      firstSession: course.sessions[0]?.date ?? '2030-01-01',
      lastSession: course.sessions[1]?.date ?? '2030-01-01',
      hours: 5.5,
      issuedAt: new Date().toISOString(),
      credential: 'not.checked.here',
      status: 'valid',
    });
    const page = await context.newPage();
    await page.goto(`${env.runtime.urls.web}/me/${pageToken}`);
    await expect.poll(() => heading(page)).toBe('طريقك إلى الشهادة');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await page.getByRole('link', { name: 'تنزيل PDF' }).getAttribute('href')).toBe(
      `/api/me/${pageToken}/certificates/${number}/pdf`,
    );
    await noAxeViolations(page);

    await page.getByRole('link', { name: 'التحقق من صحتها' }).click();
    await expect.poll(() => page.locator('.vp-verdict').textContent()).toBe('صالحة');
    expect(await page.getByText('سميرة حداد').count()).toBe(1);
    await noAxeViolations(page);

    await page.getByLabel(/اللغة/).selectOption('en');
    await expect.poll(() => heading(page)).toBe('Check a certificate');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByLabel('Certificate number').fill('LOTSE-2026-0000000000');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.locator('.vp-verdict').textContent()).toContain('Unknown');
    expect(new URL(page.url()).pathname).toBe('/verify/LOTSE-2026-0000000000');

    await store.revokeCertificate(number, {
      reason: 'Irrtum',
      by: 'admin@example.org',
      at: new Date().toISOString(),
    });
    await page.goto(`${env.runtime.urls.web}/verify/${number}?lang=de`);
    await expect.poll(() => page.locator('.vp-verdict').textContent()).toContain('Widerrufen am');
    await noAxeViolations(page);
    await page.close();
  });
});
