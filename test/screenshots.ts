import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { repositoryRoot } from '../infra/local/runtime.ts';
import { buildWebIfStale } from '../infra/local/web-build.ts';
import { messagesFor } from '../web/src/features/public-form/messages-all.ts';
import { launchChromium } from './support/browser.ts';
import { signInOnProviderPage } from './support/console-sign-in.ts';
import { eventually } from './support/poll.ts';
import { fillRegistration } from './support/registration.ts';
import { mailsTo, startTestRuntime } from './support/runtime.ts';

/**
 * `npm run screenshots`: the README's pictures of the main screens, taken from the real local
 * runtime in Chromium, on a phone (390 px) and a desktop (1280 px). Run it after changing a screen.
 */
const out = join(repositoryRoot, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

await buildWebIfStale(repositoryRoot);
const env = await startTestRuntime({ timeScale: 1 });
let browser: Browser | undefined;
try {
  browser = await launchChromium();
  const web = env.runtime.urls.web;
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
  const shot = async (page: Page, name: string, fullPage = false) => {
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage });
    console.log(`docs/screenshots/${name}.png`);
  };
  const open = async (context: BrowserContext, path: string) => {
    const page = await context.newPage();
    await page.goto(`${web}${path}`);
    await page.waitForLoadState('networkidle');
    return page;
  };

  await shot(await open(desktop, '/'), 'home-desktop');
  await shot(await open(phone, '/'), 'home-phone');

  const form = await open(phone, '/f/integrationslotsen-registrierung');
  await form.locator('#field-firstName').waitFor();
  await shot(form, 'form-phone');
  await fillRegistration(form, 'screenshot@example.org');
  await form.getByRole('button', { name: messagesFor('de').submit }).click();
  await form.locator('[data-testid="receipt-number"]').waitFor();
  await shot(form, 'form-receipt-phone');
  const formDesktop = await open(desktop, '/f/integrationslotsen-registrierung');
  await formDesktop.locator('#field-firstName').waitFor();
  await shot(formDesktop, 'form-desktop');

  const request = await eventually(
    async () =>
      (await mailsTo(env.runtime, 'koordination@example.org')).find((m) =>
        (m.body.text ?? '').includes('/decide/'),
      ),
    { what: "the coordinator's decision mail", timeoutMs: 30_000 },
  );
  const link = /(http:\/\/\S+\/decide\/[A-Za-z0-9_-]{43})/.exec(request.body.text ?? '')?.[1] ?? '';
  const decision = await phone.newPage();
  await decision.goto(link);
  await decision.getByRole('radio').first().waitFor();
  await shot(decision, 'decision-phone', true);

  // The console, as an admin signed in through the local OpenID provider.
  env.runtime.auth.createUser('ada', 'a long admin password', ['admin']);
  const staff = await desktop.newPage();
  await staff.goto(`${web}/console/inbox`);
  await signInOnProviderPage(staff, 'ada', 'a long admin password');
  await staff.getByRole('link', { name: /L-/ }).first().waitFor();
  await shot(staff, 'console-inbox-desktop', true);
  await staff.goto(`${web}/console/users`);
  await staff.getByRole('table').first().waitFor();
  await shot(staff, 'console-users-desktop');
  await staff.goto(`${web}/console/settings`);
  await staff.locator('form').first().waitFor();
  await shot(staff, 'console-settings-desktop', true);
  // The form editor on the shipped registration form: build, translations, preview, versions.
  const editor = `${web}/console/forms/integrationslotsen-registrierung`;
  await staff.goto(`${editor}/build`);
  await staff.locator('.build-row').first().waitFor();
  await staff.locator('.build-select').nth(1).click();
  await shot(staff, 'editor-build-desktop');
  await staff.goto(`${editor}/translations`);
  await staff.locator('.translations-grid').waitFor();
  await shot(staff, 'editor-translations-desktop');
  await staff.goto(`${editor}/preview`);
  await staff.getByLabel('Sprache', { exact: true }).selectOption('ar');
  await staff.getByRole('radio', { name: 'Telefon (375 px)' }).check();
  await staff.getByTestId('form-preview').locator('input').first().waitFor();
  await shot(staff, 'editor-preview-desktop');
  // The same session on a phone: oidc-client-ts keeps it per tab, so sign in there too.
  const phoneConsole = await phone.newPage();
  await phoneConsole.goto(`${web}/console/inbox`);
  await signInOnProviderPage(phoneConsole, 'ada', 'a long admin password');
  const row = phoneConsole.getByRole('link', { name: /L-/ }).first();
  await row.click();
  await phoneConsole.getByRole('heading', { level: 1 }).waitFor();
  await phoneConsole.waitForLoadState('networkidle');
  await shot(phoneConsole, 'console-detail-phone');

  // Courses: a course with three people enrolled by hand, attendance, certificates, the figures.
  const token = env.runtime.auth.issueFor('ada', ['admin']).AccessToken;
  const api = async (method: string, path: string, body?: unknown) =>
    (
      await fetch(`${env.runtime.urls.api}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    ).json() as Promise<unknown>;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const course = (await api('POST', '/admin/courses', {
    formSlug: 'integrationslotsen-registrierung',
    title: { de: 'Vorbereitungskurs Integrationslotsen', en: 'Preparation course for integration guides' },
    description: {
      de: 'Rolle, Rechte, Behörden, Gesprächsführung',
      en: 'Role, rights, offices, conversations',
    },
    teachingLanguage: 'de',
    place: 'Stadtteilzentrum Nippes, Raum 2',
    sessions: [
      { date: day(7), start: '17:00', end: '20:00' },
      { date: day(14), start: '17:00', end: '20:00' },
    ],
    capacity: 12,
    coordinator: 'koordination@example.org',
  })) as { courseId: string; sessions: { sessionId: string }[] };
  const people = [
    { firstName: 'Olena', lastName: 'Коваленко', locale: 'uk' },
    { firstName: 'أحمد', lastName: 'الحسن', locale: 'ar' },
    { firstName: 'Jana', lastName: 'Schmidt', locale: 'de' },
  ];
  const ids: string[] = [];
  for (const [i, person] of people.entries()) {
    const enrolled = (await api('POST', `/admin/courses/${course.courseId}/enrolments`, {
      ...person,
      email: `person-${i}@example.org`,
    })) as { participantId: string };
    ids.push(enrolled.participantId);
  }
  for (const session of course.sessions)
    for (const id of ids)
      await api('PUT', `/admin/courses/${course.courseId}/sessions/${session.sessionId}/attendance/${id}`, {
        present: true,
      });
  await staff.goto(`${web}/console/courses`);
  await staff.getByRole('link', { name: 'Vorbereitungskurs Integrationslotsen' }).waitFor();
  await shot(staff, 'courses-list-desktop');
  await staff.goto(`${web}/console/courses/${course.courseId}`);
  await staff.getByRole('row', { name: /Jana Schmidt/ }).waitFor();
  await shot(staff, 'course-detail-desktop', true);
  await phoneConsole.goto(
    `${web}/console/courses/${course.courseId}/sessions/${course.sessions[0]?.sessionId}`,
  );
  await phoneConsole.getByRole('button', { name: /Jana Schmidt/ }).waitFor();
  await shot(phoneConsole, 'attendance-phone');
  for (const session of course.sessions)
    await api('POST', `/admin/courses/${course.courseId}/sessions/${session.sessionId}/complete`);
  const certified = await eventually(
    async () =>
      (await mailsTo(env.runtime, 'person-1@example.org')).find((m) =>
        (m.body.text ?? '').includes('/verify/'),
      ),
    { what: 'the certificate mail', timeoutMs: 60_000 },
  );
  const own = /(http:\/\/\S+\/me\/[A-Za-z0-9_-]{20,})/.exec(certified.body.text ?? '')?.[1] ?? '';
  const verify = /(http:\/\/\S+\/verify\/[A-Z0-9-]+)/.exec(certified.body.text ?? '')?.[1] ?? '';
  const ownPage = await phone.newPage();
  await ownPage.goto(own);
  await ownPage.getByRole('heading', { level: 1 }).waitFor();
  await ownPage.waitForLoadState('networkidle');
  await shot(ownPage, 'volunteer-page-phone', true);
  const verifyPage = await phone.newPage();
  await verifyPage.goto(verify);
  await verifyPage.getByRole('heading', { level: 1 }).waitFor();
  await verifyPage.waitForLoadState('networkidle');
  await shot(verifyPage, 'verify-phone');
  const year = new Date().getUTCFullYear();
  await staff.goto(`${web}/console/reports?from=${year}-01-01&to=${year}-12-31`);
  await staff.getByRole('img').first().waitFor();
  await shot(staff, 'reports-desktop', true);
} finally {
  await browser?.close();
  await env.stop();
}
