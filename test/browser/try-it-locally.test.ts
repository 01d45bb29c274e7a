import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { messagesFor } from '../../web/src/features/public-form/messages-all.ts';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import {
  freeLotsePorts,
  type LotsePorts,
  mailOnNpmStart,
  mailsOnNpmStart,
  type RunningLotse,
  startLotse,
} from '../support/npm-start.ts';
import { eventually } from '../support/poll.ts';
import { fillRegistration } from '../support/registration.ts';
import type { StoredMail } from '../support/runtime.ts';

/**
 * The README's "Try it locally", as a new user does it: `npm start` with its defaults (no time
 * scale, no test switch; only free ports and a fresh data folder), the shipped forms, the mailbox.
 * Under these defaults both workflows once died at once (a one-year timeout overflowed a timer).
 */
let dataDir: string;
let ports: LotsePorts;
let lotse: RunningLotse;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lotse-try-'));
  ports = await freeLotsePorts();
  [lotse, browser] = await Promise.all([startLotse(dataDir, ports), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  lotse?.child.kill('SIGINT');
  rmSync(dataDir, { recursive: true, force: true });
});

const web = () => `http://127.0.0.1:${ports.PORT}`;
const shippedSettings = (slug: string) =>
  JSON.parse(readFileSync(join(repositoryRoot, 'forms', `${slug}.json`), 'utf8')).settings;

const mailsTo = (address: string) => mailsOnNpmStart(ports, address);
const mailTo = (address: string, about: (mail: StoredMail) => boolean, what: string) =>
  mailOnNpmStart(ports, address, about, what);

describe('Try it locally (README), on npm start’s defaults', () => {
  it('a volunteer registers, the coordinator approves from the e-mail after a link scanner opened it, the volunteer hears', async () => {
    const volunteer = `volunteer-${randomUUID()}@example.org`;
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${web()}/f/integrationslotsen-registrierung`);
    await fillRegistration(page, volunteer);
    await page.getByRole('button', { name: messagesFor('de').submit }).click();
    await expect
      .poll(() => page.locator('#receipt-title').textContent())
      .toBe(messagesFor('de').receiptTitle);
    const receipt = (await page.locator('[data-testid="receipt-number"]').textContent()) ?? '';

    const [coordinator] = shippedSettings('integrationslotsen-registrierung').approval.coordinators;
    const request = await mailTo(
      coordinator,
      (m) => (m.body.text ?? '').includes('/decide/'),
      'the coordinator’s decision request',
    );
    const link = /(http:\/\/\S+\/decide\/([A-Za-z0-9_-]{43}))/.exec(request.body.text ?? '');
    const [decideUrl, token] = [link?.[1] ?? '', link?.[2] ?? ''];
    expect(decideUrl.startsWith(web())).toBe(true);

    // A mail security scanner opens every link before the coordinator does: it decides nothing.
    for (let i = 0; i < 3; i++) {
      for (const method of ['GET', 'HEAD']) {
        const scanned = await fetch(decideUrl, {
          method,
          headers: { 'user-agent': 'SafeLinks-Scanner/1.0' },
        });
        expect(scanned.status).toBe(200);
      }
    }
    const open = await fetch(`${web()}/api/decisions/${token}`);
    expect(await open.json()).toMatchObject({ status: 'open' });

    await page.goto(decideUrl);
    await page.getByRole('radio', { name: 'Annehmen' }).check();
    await page.getByRole('button', { name: 'Entscheidung senden' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('gespeichert');

    const outcome = await mailTo(
      volunteer,
      (m) => (m.body.text ?? '').includes('wurde angenommen'),
      'the volunteer’s outcome mail',
    );
    expect(outcome.body.text).toContain('Hallo Ahmad');
    // One mail tells the approval and the course news, with the volunteer's own page.
    expect(outcome.body.text).toContain('/me/');
    expect((await mailsTo(volunteer)).some((m) => m.subject.includes(receipt))).toBe(true);
    expect(await mailsTo(volunteer)).toHaveLength(2);
    await context.close();
  });

  it('the admin signs in to the console with the password npm start printed, finds the application, approves it there, and exports the form as CSV', async () => {
    const volunteer = `console-${randomUUID()}@example.org`;
    const admin = /username (\S+)\n\s+password (\S+)/.exec(lotse.output());
    expect(admin, 'npm start prints the first admin once').not.toBeNull();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'de-DE',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${web()}/f/integrationslotsen-registrierung`);
    await fillRegistration(page, volunteer);
    await page.getByRole('button', { name: messagesFor('de').submit }).click();
    const receipt = await eventually(
      async () => (await page.locator('[data-testid="receipt-number"]').textContent()) || undefined,
      { what: 'the receipt' },
    );

    // The console, signed in through the local OpenID provider as the admin of the first start.
    await page.goto(`${web()}/console`);
    await signInOnProviderPage(page, admin?.[1] ?? '', admin?.[2] ?? '');
    // The application reaches the inbox once its workflow waits for a decision.
    await eventually(
      async () => {
        await page.getByLabel('Name oder E-Mail-Adresse').fill(volunteer);
        await page.getByRole('button', { name: 'Suchen', exact: true }).click();
        return (await page.getByRole('link', { name: receipt }).count()) > 0 || undefined;
      },
      { what: 'the application in the inbox search', timeoutMs: 30_000 },
    );
    await page.getByRole('link', { name: receipt }).click();
    await expect.poll(() => page.getByLabel('Vorname').inputValue()).toBe('Ahmad');
    await page.getByRole('radio', { name: 'Annehmen' }).check();
    await page.getByRole('button', { name: 'Entscheiden' }).click();
    await page.getByRole('button', { name: 'Entscheidung bestätigen' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Entscheidung ist gespeichert' }).count())
      .toBe(1);
    const outcome = await mailTo(
      volunteer,
      (m) => (m.body.text ?? '').includes('wurde angenommen'),
      'the volunteer’s outcome mail',
    );
    expect(outcome.body.text).toContain('Hallo Ahmad');

    // The coordinator who prefers the inbox is told it is decided, and by whom.
    const [coordinator] = shippedSettings('integrationslotsen-registrierung').approval.coordinators;
    // Its request is the newest one in the coordinator's mailbox (sent before the console decided).
    const requests = await eventually(
      async () => {
        const found = (await mailsTo(coordinator)).filter((m) => (m.body.text ?? '').includes('/decide/'));
        return found.length > 0 ? found : undefined;
      },
      { what: 'the coordinator’s decision request' },
    );
    const request = requests[requests.length - 1] as StoredMail;
    const decideUrl = /(http:\/\/\S+\/decide\/[A-Za-z0-9_-]{43})/.exec(request.body.text ?? '')?.[1] ?? '';
    const mailPage = await context.newPage();
    await mailPage.goto(decideUrl);
    await expect
      .poll(() => mailPage.getByText('Bereits entschieden', { exact: false }).textContent())
      .toContain(`angenommen von ${admin?.[1]}`);

    // The form's applications as CSV, as a funder would get them.
    await page.goto(`${web()}/console/inbox?form=integrationslotsen-registrierung`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV herunterladen' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(receipt);
    expect(csv).toContain(volunteer);
    expect(download.suggestedFilename()).toMatch(/^integrationslotsen-registrierung-\d{4}-\d{2}-\d{2}\.csv$/);
    await context.close();
  });

  it('a counselling request reaches its team and the person gets an acknowledgement', async () => {
    const person = `person-${randomUUID()}@example.org`;
    const response = await fetch(`${web()}/api/forms/beratung-anfrage/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        submissionId: randomUUID(),
        formVersion: 1,
        locale: 'de',
        data: {
          topics: ['housing'],
          languages: ['de'],
          firstName: 'Samir',
          lastName: 'Haddad',
          age: 45,
          contactMethod: 'email',
          email: person,
        },
        consent: { version: '2026-11-01', accepted: true },
      }),
    });
    expect(response.status, await response.clone().text()).toBe(202);
    const { receiptNumber } = (await response.json()) as { receiptNumber: string };
    const team = shippedSettings('beratung-anfrage').intake.teams.find(
      (t: { id: string }) => t.id === 'mbe',
    ).email;
    const notice = await mailTo(
      team,
      (m) => m.subject.startsWith('Neue Beratungsanfrage'),
      'the team’s mail',
    );
    expect(notice.body.text).not.toContain(person);
    const acknowledgement = await mailTo(
      person,
      (m) => m.subject.includes(receiptNumber),
      'the acknowledgement',
    );
    expect(acknowledgement.subject).toContain('Ihre Anfrage ist angekommen');
  });

  it('logged no timer overflow and no workflow that ended early', () => {
    expect(lotse.output()).not.toContain('TimeoutOverflowWarning');
    expect(lotse.output()).not.toMatch(/execution (timed_out|failed)/);
  });
});
