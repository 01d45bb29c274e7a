import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoCourseStore } from '../../functions/shared/adapters/course-store.ts';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { startTestRuntime } from '../support/runtime.ts';
import { assignStaff } from '../support/staff.ts';

/**
 * The console's courses screens on the local runtime, phone-sized, signed in as a coordinator:
 * create a course, enrol someone by hand, record attendance through a lost connection and a reload,
 * and read the funders' figures. Axe checks each screen.
 */
const FORM = 'integrationslotsen-registrierung';
const password = 'a long staff password';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let courseId: string;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime({ timeScale: 0.0001 }), launchChromium()]);
  env.runtime.auth.createUser('cora', password, ['coordinator']);
  await assignStaff(env.runtime, env.runtime.auth.getUser('cora').sub, [FORM], { role: 'coordinator' });
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const noAxeViolations = async () => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${env.runtime.urls.api}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${env.runtime.auth.issueFor('alice', ['admin']).AccessToken}`,
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the answers loosely
  return (await response.json()) as any;
}

const courseStore = () =>
  dynamoCourseStore(
    DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: env.runtime.urls.dynamodb })),
    env.runtime.env.TABLE_NAME as string,
  );

const olenasEnrolment = async () =>
  (await api('GET', `/admin/courses/${courseId}/enrolments`)).enrolments.find(
    (e: { name: string }) => e.name === 'Olena Koval',
  );

const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

describe('courses in the console, phone-sized', { timeout: 240_000 }, () => {
  it('a coordinator creates a course with two sessions; a refused field is shown at the field', async () => {
    await page.goto(`${env.runtime.urls.web}/console/courses`);
    await signInOnProviderPage(page, 'cora', password);
    await expect.poll(() => page.getByText('Noch keine Kurse').count()).toBe(1);
    await noAxeViolations();

    await page.getByRole('link', { name: 'Neuer Kurs' }).click();
    await page.getByLabel('Programm').selectOption(FORM);
    await page.getByLabel('Titel (Deutsch)').fill('Grundkurs Integrationslotsen');
    await page.getByRole('tab', { name: /Englisch/ }).click();
    await page.getByLabel('Titel (Englisch)').fill('Basic course for integration guides');
    await page.getByLabel('Datum').first().fill('2027-03-06');
    await page.getByRole('button', { name: 'Termin hinzufügen' }).click();
    const second = page.getByRole('group', { name: 'Termin 2' });
    await second.getByLabel('Datum').fill('2027-03-13');
    await second.getByLabel('Ende').fill('21:30');
    // Hours as typed: 2 + 3.5.
    await expect.poll(() => page.getByText('Zusammen 5,5 Stunden').count()).toBe(1);
    await page.getByLabel('Plätze').fill('0');
    await page.getByLabel('Verantwortlich (E-Mail-Adresse)').fill('cora@example.org');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('course-capacity');
    expect(await page.getByLabel('Plätze').getAttribute('aria-invalid')).toBe('true');
    await noAxeViolations();

    await page.getByLabel('Plätze').fill('2');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Grundkurs Integrationslotsen' }).count())
      .toBe(1);
    courseId = new URL(page.url()).pathname.split('/').at(-1) as string;
    expect(await page.getByText('0 belegt, 2 frei, 0 auf der Warteliste').count()).toBeGreaterThan(0);
    await noAxeViolations();
  });

  it('a stale save gets the conflict and a reload brings the newer course', async () => {
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByLabel('Ort', { exact: true }).fill('Rathaus');
    const current = await api('GET', `/admin/courses/${courseId}`);
    const {
      courseId: _id,
      status: _s,
      revision,
      seats: _seats,
      hours: _h,
      certification: _c,
      createdAt: _a,
      updatedAt: _u,
      ...input
    } = current;
    await api('PUT', `/admin/courses/${courseId}`, {
      ...input,
      sessions: current.sessions.map(({ sessionId, date, start, end }: Record<string, string>) => ({
        sessionId,
        date,
        start,
        end,
      })),
      place: 'Stadtteilzentrum',
      revision,
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'inzwischen geändert' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => page.getByLabel('Ort', { exact: true }).inputValue()).toBe('Stadtteilzentrum');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Grundkurs Integrationslotsen' }).count())
      .toBe(1);
  });

  it('enrols someone by hand; the seats follow', async () => {
    await page.getByRole('button', { name: 'Jemanden anmelden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Jemanden von Hand anmelden' });
    await dialog.getByLabel('Vorname').fill('Olena');
    await dialog.getByLabel('Nachname').fill('Koval');
    await dialog.getByLabel('E-Mail-Adresse').fill('olena@example.org');
    await dialog.getByLabel('Sprache der E-Mails').selectOption('uk');
    await noAxeViolations();
    await dialog.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => status('Olena Koval ist angemeldet.').count()).toBe(1);
    await expect
      .poll(() => page.getByText('1 belegt, 1 frei, 0 auf der Warteliste').count())
      .toBeGreaterThan(0);
    const row = page.getByRole('row', { name: /Olena Koval/ });
    await expect.poll(() => row.getByText('Angemeldet').count()).toBe(1);
    await noAxeViolations();
  });

  it('the waiting list is reordered with the keyboard and saved', async () => {
    const enrol = (firstName: string, waitingListIfFull: boolean) =>
      api('POST', `/admin/courses/${courseId}/enrolments`, {
        firstName,
        lastName: 'Beispiel',
        email: `${firstName.toLowerCase()}@example.org`,
        locale: 'de',
        waitingListIfFull,
      });
    await enrol('Piotr', false);
    await enrol('Rana', true);
    await enrol('Sami', true);
    await page.reload();
    await expect
      .poll(() => page.getByText('2 belegt, 0 frei, 2 auf der Warteliste').count())
      .toBeGreaterThan(0);
    const waiting = page.getByRole('region', { name: 'Warteliste' }).getByRole('listitem');
    await expect
      .poll(() => waiting.allTextContents())
      .toEqual([expect.stringContaining('Rana Beispiel'), expect.stringContaining('Sami Beispiel')]);
    await noAxeViolations();

    await page.getByRole('button', { name: 'Sami Beispiel nach oben' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => waiting.allTextContents())
      .toEqual([expect.stringContaining('Sami Beispiel'), expect.stringContaining('Rana Beispiel')]);
    // The moved person keeps the focus, on the button that is left to them.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Sami Beispiel nach unten');
    await expect.poll(() => status('Die Reihenfolge ist gespeichert.').count()).toBe(1);
    const { enrolments } = await api('GET', `/admin/courses/${courseId}/enrolments`);
    const position = (name: string) =>
      enrolments.find((e: { name: string }) => e.name === name)?.waitingPosition;
    expect([position('Sami Beispiel'), position('Rana Beispiel')]).toEqual([1, 2]);
  });

  it('a tap made without a connection survives a reload and is saved once the connection is back', async () => {
    await page.getByRole('link', { name: /Anwesenheit am 06\.03\.2027/ }).click();
    const olena = page.getByRole('button', { name: 'Olena Koval' });
    await expect.poll(() => olena.getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('attendance-counts').textContent()).toBe(
      '0 anwesend · 0 abwesend · 2 noch offen',
    );
    await noAxeViolations();

    await context.setOffline(true);
    await olena.click();
    await expect.poll(() => olena.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => status('1 Änderung wartet auf die Verbindung.').count()).toBe(1);
    await noAxeViolations();

    // A page cannot load with no network at all (there is no service worker), so the reload
    // happens on a connection that reaches the page but not the API: the mark must still wait.
    await page.route('**/attendance/**', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => status('1 Änderung wartet auf die Verbindung.').count()).toBe(1);
    await expect.poll(() => olena.getAttribute('aria-pressed')).toBe('true');
    expect(
      await (await api('GET', `/admin/courses/${courseId}/enrolments`)).enrolments[0].attendance,
    ).toEqual({});

    await page.unroute('**/attendance/**');
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => status(/wartet auf die Verbindung/).count()).toBe(0);
    const sessionId = new URL(page.url()).pathname.split('/').at(-1) as string;
    expect((await olenasEnrolment()).attendance).toEqual({ [sessionId]: true });
    await expect
      .poll(() => page.getByTestId('attendance-counts').textContent())
      .toBe('1 anwesend · 0 abwesend · 1 noch offen');

    await page.getByRole('button', { name: 'Anwesenheit abschließen' }).click();
    await expect
      .poll(() =>
        page.getByText('Die Anwesenheit dieses Termins ist abgeschlossen', { exact: false }).count(),
      )
      .toBe(1);
  });

  it("an admin downloads a course's certificate as PDF and revokes it with a reason", async () => {
    const number = 'LOTSE-2027-ABCDEFGHJK';
    await courseStore().putCertificate({
      number,
      participantId: 'm-certified',
      courseId,
      formSlug: FORM,
      name: 'Олена Коваленко',
      programme: 'Integrationslotsen',
      courseTitle: 'Grundkurs Integrationslotsen',
      locale: 'uk',
      firstSession: '2027-03-06',
      lastSession: '2027-03-13',
      hours: 5.5,
      issuedAt: '2027-03-13T18:00:00.000Z',
      credential: 'not-checked-here',
      status: 'valid',
    });
    env.runtime.auth.createUser('ada', password, ['admin']);
    const adminContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(15_000);
    await admin.goto(`${env.runtime.urls.web}/console/courses/${courseId}`);
    await signInOnProviderPage(admin, 'ada', password);
    const row = admin.getByRole('row', { name: /Олена Коваленко/ });
    await expect.poll(() => row.getByText('Gültig').count()).toBe(1);

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: `PDF ${number} herunterladen` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    await row.getByRole('button', { name: `Widerrufen ${number}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Zertifikat ${number} widerrufen` });
    // The safe choice has the focus first.
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.textContent))
      .toBe('Nicht widerrufen');
    await dialog.getByLabel('Grund', { exact: false }).fill('Ausgestellt im Irrtum');
    await dialog.getByRole('button', { name: 'Zertifikat widerrufen' }).click();
    await expect.poll(() => row.textContent()).toContain('Widerrufen (Ausgestellt im Irrtum)');
    expect((await courseStore().getCertificate(number))?.status).toBe('revoked');
    await adminContext.close();
  });

  it('the reports page shows the figures and a chart', async () => {
    const year = new Date().getUTCFullYear();
    await page.goto(`${env.runtime.urls.web}/console/reports?from=${year}-01-01&to=${year}-12-31`);
    await expect.poll(() => page.getByRole('row', { name: /Kursanmeldungen/ }).count()).toBe(1);
    // Olena (by hand in the console) and Piotr (by the API) were enrolled this year; Rana and Sami wait.
    expect(
      await page
        .getByRole('row', { name: /Kursanmeldungen/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['2']);
    expect(await page.getByRole('img', { name: 'Je Monat' }).count()).toBe(1);
    await noAxeViolations();
  });
});
