import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { messagesFor } from '../../web/src/features/public-form/messages-all.ts';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import {
  freeLotsePorts,
  type LotsePorts,
  mailOnNpmStart,
  type RunningLotse,
  startLotse,
} from '../support/npm-start.ts';
import { fillRegistration } from '../support/registration.ts';
import type { StoredMail } from '../support/runtime.ts';

/**
 * The whole programme as its people live it, on `npm start`'s defaults (no time scale, no test
 * switch): a volunteer registers, the coordinator approves from the e-mail, the volunteer is offered
 * a course and accepts from the mailbox, the coordinator records attendance in the console, the
 * certificate arrives as a PDF with a signed credential, anyone can verify it, and an admin revokes it.
 */
const FORM = 'integrationslotsen-registrierung';
let dataDir: string;
let ports: LotsePorts;
let lotse: RunningLotse;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lotse-certified-'));
  ports = await freeLotsePorts();
  [lotse, browser] = await Promise.all([startLotse(dataDir, ports), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  lotse?.child.kill('SIGINT');
  rmSync(dataDir, { recursive: true, force: true });
});

const web = () => `http://127.0.0.1:${ports.PORT}`;
const coordinatorOfForm = (): string =>
  JSON.parse(readFileSync(join(repositoryRoot, 'forms', `${FORM}.json`), 'utf8')).settings.approval
    .coordinators[0];

const mailTo = (address: string, about: (mail: StoredMail) => boolean, what: string) =>
  mailOnNpmStart(ports, address, about, what, 60_000);
const linkIn = (mail: StoredMail, path: string): string =>
  new RegExp(`(http://\\S+/${path}/[A-Za-z0-9_-]{20,})`).exec(mail.body.text ?? '')?.[1] ?? '';

/** A day from today as YYYY-MM-DD and as the console shows it (DD.MM.YYYY). */
function daysAhead(days: number): { iso: string; shown: string } {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-');
  return { iso: day, shown: `${d}.${m}.${y}` };
}

async function pdfText(base64: string): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(Buffer.from(base64, 'base64')),
    useSystemFonts: false,
  }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  await pdf.destroy();
  return text.replace(/\s+/g, ' ');
}

async function markPresent(page: Page, courseUrl: string, session: { shown: string }, name: string) {
  await page.goto(courseUrl);
  await page
    .getByRole('link', { name: new RegExp(`Anwesenheit am ${session.shown.replaceAll('.', '\\.')}`) })
    .click();
  const person = page.getByRole('button', { name });
  await expect.poll(() => person.getAttribute('aria-pressed')).toBe('false');
  await person.click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /wartet auf die Verbindung/ })
        .count(),
    )
    .toBe(0);
  await expect.poll(() => person.getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('button', { name: 'Anwesenheit abschließen' }).click();
  await expect
    .poll(() => page.getByText('Die Anwesenheit dieses Termins ist abgeschlossen', { exact: false }).count())
    .toBe(1);
}

describe('from registration to a certificate anyone can verify, on npm start’s defaults', () => {
  it('registers, is approved by e-mail, accepts a course offer, attends, is certified, verified, revoked', {
    timeout: 420_000,
  }, async () => {
    const admin = /username (\S+)\n\s+password (\S+)/.exec(lotse.output());
    expect(admin, 'npm start prints the first admin once').not.toBeNull();
    const first = daysAhead(2);
    const second = daysAhead(3);

    // The admin creates the preparation course in the console.
    const staff = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const console = await staff.newPage();
    console.setDefaultTimeout(20_000);
    await console.goto(`${web()}/console/courses`);
    await signInOnProviderPage(console, admin?.[1] ?? '', admin?.[2] ?? '');
    await console.getByRole('link', { name: 'Neuer Kurs' }).click();
    await console.getByLabel('Programm').selectOption(FORM);
    await console.getByLabel('Titel (Deutsch)').fill('Vorbereitungskurs Integrationslotsen');
    await console.getByLabel('Datum').first().fill(first.iso);
    await console.getByRole('button', { name: 'Termin hinzufügen' }).click();
    await console.getByRole('group', { name: 'Termin 2' }).getByLabel('Datum').fill(second.iso);
    await console.getByLabel('Plätze').fill('12');
    await console.getByLabel('Verantwortlich (E-Mail-Adresse)').fill(coordinatorOfForm());
    await console.getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => console.getByRole('heading', { name: 'Vorbereitungskurs Integrationslotsen' }).count())
      .toBe(1);
    const courseUrl = console.url();

    // A volunteer registers on a phone.
    const volunteer = `certified-${randomUUID()}@example.org`;
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'de-DE' });
    const form = await phone.newPage();
    await form.goto(`${web()}/f/${FORM}`);
    await fillRegistration(form, volunteer);
    await form.getByRole('button', { name: messagesFor('de').submit }).click();
    await expect
      .poll(() => form.locator('#receipt-title').textContent())
      .toBe(messagesFor('de').receiptTitle);

    // The coordinator approves from the e-mail.
    const request = await mailTo(
      coordinatorOfForm(),
      (m) => (m.body.text ?? '').includes('/decide/') && (m.body.text ?? '').includes('Ahmad'),
      'the coordinator’s decision request',
    );
    const mailPage = await phone.newPage();
    await mailPage.goto(linkIn(request, 'decide'));
    await mailPage.getByRole('radio', { name: 'Annehmen' }).check();
    await mailPage.getByRole('button', { name: 'Entscheidung senden' }).click();
    await expect.poll(() => mailPage.getByRole('status').first().textContent()).toContain('gespeichert');

    // The volunteer is offered the course, with the sessions as a calendar file, and accepts.
    const offer = await mailTo(volunteer, (m) => (m.body.text ?? '').includes('/offer/'), 'the course offer');
    expect(offer.body.text).toContain('Vorbereitungskurs Integrationslotsen');
    expect(offer.attachments?.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    await mailPage.goto(linkIn(offer, 'offer'));
    await mailPage.getByRole('button', { name: 'Platz annehmen' }).click();
    await expect.poll(() => mailPage.getByText('Der Platz gehört Ihnen', { exact: false }).count()).toBe(1);
    const confirmation = await mailTo(
      volunteer,
      (m) =>
        m.messageId !== offer.messageId &&
        (m.attachments ?? []).some((a) => a.contentType.startsWith('text/calendar')) &&
        !(m.body.text ?? '').includes('/offer/'),
      'the enrolment confirmation',
    );
    expect(confirmation.body.text).toContain('Vorbereitungskurs Integrationslotsen');

    // The coordinator records attendance of both sessions on the phone-sized console.
    await console.goto(courseUrl);
    await expect.poll(() => console.getByRole('row', { name: /Ahmad Haddad/ }).count()).toBe(1);
    await markPresent(console, courseUrl, first, 'Ahmad Haddad');
    await markPresent(console, courseUrl, second, 'Ahmad Haddad');

    // The certificate arrives: the PDF says who, what and its number; the credential is signed.
    const certified = await mailTo(
      volunteer,
      (m) => (m.attachments ?? []).some((a) => a.contentType === 'application/pdf'),
      'the certificate e-mail',
    );
    const pdf = (certified.attachments ?? []).find((a) => a.contentType === 'application/pdf');
    const text = await pdfText(pdf?.content ?? '');
    expect(text).toContain('Ahmad Haddad');
    expect(text).toContain('Vorbereitungskurs Integrationslotsen');
    const number = /LOTSE-\d{4}-[0-9A-Z]{10}/.exec(text)?.[0] ?? '';
    expect(number).not.toBe('');
    expect(text).toContain(number);

    const ownPage = linkIn(certified, 'me');
    const token = ownPage.split('/me/')[1] ?? '';
    const { credential } = (await (
      await fetch(`${web()}/api/me/${token}/certificates/${number}/credential`)
    ).json()) as { credential: string };
    const jwksResponse = await fetch(`${web()}/api/credentials/jwks`);
    const jwksText = await jwksResponse.text();
    expect(jwksResponse.status, jwksText).toBe(200);
    const jwks = JSON.parse(jwksText) as JSONWebKeySet;
    const { payload } = await jwtVerify(credential, createLocalJWKSet(jwks));
    expect(JSON.stringify(payload)).toContain('OpenBadgeCredential');

    // Anyone can verify it.
    const verify = await phone.newPage();
    await verify.goto(`${web()}/verify/${number}`);
    await expect.poll(() => verify.getByText('Gültig', { exact: true }).count()).toBeGreaterThan(0);
    expect(await verify.getByText('Ahmad Haddad').count()).toBeGreaterThan(0);

    // An admin revokes it with a reason; the verification page says so.
    await console.goto(courseUrl);
    await console.getByRole('button', { name: 'Widerrufen' }).first().click();
    await console.getByLabel('Grund (mindestens 3 Zeichen)').fill('Irrtümlich ausgestellt');
    await console.getByRole('button', { name: 'Zertifikat widerrufen' }).click();
    // Done when the console lists it with the reason; the check is read after that, not racing it.
    await expect
      .poll(() => console.getByText('(Irrtümlich ausgestellt)').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await verify.reload();
    await expect.poll(() => verify.getByText(/Widerrufen/).count()).toBeGreaterThan(0);
    await phone.close();
    await staff.close();
  });
});
