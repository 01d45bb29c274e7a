import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { publishOnboardingForm } from '../support/onboarding.ts';
import { startTestRuntime, waitForMails } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let slug: string;
const ADMIN_PASSWORD = 'a long admin password';
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'de-DE' } as const;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
  env.runtime.auth.createUser('ada', ADMIN_PASSWORD, ['admin']);
  ({ slug } = await publishOnboardingForm(env.runtime));
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id);
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Calls the API as the console in this page does: with the bearer token of the page's session. */
const apiStatusAs = (page: Page, path: string) =>
  page.evaluate(async (target) => {
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
    const token = key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}').access_token as string) : '';
    return (await fetch(target, { headers: { authorization: `Bearer ${token}` } })).status;
  }, `/api${path}`);

async function signedInAdmin(path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${env.runtime.urls.web}${path}`);
  await signInOnProviderPage(page, 'ada', ADMIN_PASSWORD);
  await expect.poll(() => page.getByTestId('console-username').textContent()).toBe('ada');
  return { context, page };
}

const row = (page: Page, email: string) => page.locator(`tr[data-user="${email}"]`);

// One story in steps that build on each other (vitest runs a file's tests in order).
let page: Page;
let coordinator: Page;
let cleo: string;

describe('the admin screens, phone-sized, on the local runtime', () => {
  it('an admin invites a coordinator for one form; a bad or taken address is refused next to the field', async () => {
    ({ page } = await signedInAdmin('/console/users'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Benutzer');
    await expect.poll(() => row(page, 'ada').count()).toBe(1);
    // Their own account: the buttons that would lock them out are off, and the row says why.
    expect(
      await row(page, 'ada')
        .getByRole('button', { name: /^Deaktivieren/ })
        .isDisabled(),
    ).toBe(true);
    expect(await row(page, 'ada').textContent()).toContain('Ihr eigenes Konto können Sie weder deaktivieren');
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);

    // A bad address is refused next to the field, which gets the focus.
    const email = page.getByLabel('E-Mail-Adresse', { exact: true });
    await email.fill('not-an-address');
    await page.getByRole('button', { name: 'Einladen' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('must be an e-mail address');
    expect(await focusedId(page)).toBe(await email.getAttribute('id'));

    cleo = `cleo-${randomUUID().slice(0, 8)}@example.org`;
    await email.fill(cleo);
    await page.getByRole('checkbox', { name: new RegExp(`\\(${slug}\\)`) }).check();
    await page.getByRole('button', { name: 'Einladen' }).click();
    await expect
      .poll(() => page.locator('.admin-status').textContent())
      .toBe(`Die Einladung an ${cleo} ist unterwegs.`);
    await expect.poll(() => row(page, cleo).locator('.user-status').textContent()).toBe('eingeladen');
    expect(await row(page, cleo).textContent()).toContain('Koordination');

    await row(page, cleo)
      .getByRole('button', { name: `Einladung erneut senden: ${cleo}` })
      .click();
    await expect
      .poll(() => page.locator('.admin-status').textContent())
      .toContain(`Eine neue Einladung an ${cleo} ist unterwegs`);

    // The same address again: a clear "exists", next to the address.
    await email.fill(cleo);
    await page.getByRole('button', { name: 'Einladen' }).click();
    await expect
      .poll(() => page.locator(`[id="${describedBy}"]`).textContent())
      .toContain('Für diese E-Mail-Adresse gibt es schon ein Konto');
  });

  it('the coordinator sets a password through the mailed link and signs in with their role', async () => {
    // The resent invitation is the one that works.
    const mail = (await waitForMails(env.runtime, cleo, 2)).sort((a, b) => a.at - b.at).at(-1);
    const link = /(http:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43})/.exec(mail?.body.text ?? '')?.[1];
    expect(link, mail?.body.text).toBeDefined();
    coordinator = await (await browser.newContext(PHONE)).newPage();
    await coordinator.goto(link as string);
    await coordinator.getByLabel('Neues Passwort').fill('Harbour-Pilot-7');
    await coordinator.getByLabel('Passwort wiederholen').fill('Harbour-Pilot-7');
    await coordinator.getByRole('button', { name: 'Passwort speichern' }).click();
    await signInOnProviderPage(coordinator, cleo, 'Harbour-Pilot-7');
    await expect.poll(() => coordinator.getByTestId('console-role').textContent()).toBe('Koordination');
    expect(await coordinator.getByTestId('console-username').textContent()).toBe(cleo);
    // Admin areas are not in their nav.
    expect(await coordinator.getByRole('link', { name: 'Benutzer' }).count()).toBe(0);
    expect(await apiStatusAs(coordinator, '/inbox')).toBe(200);
  });

  it('the admin disables them after a confirmation that says what happens; their next request is refused', async () => {
    await page.reload();
    await expect.poll(() => row(page, cleo).locator('.user-status').textContent()).toBe('aktiv');

    // Every form instead of one, in a dialog that hands the focus back to its button.
    const edit = row(page, cleo).getByRole('button', { name: `Rolle und Formulare ändern: ${cleo}` });
    await edit.click();
    await page.getByRole('dialog').getByRole('checkbox', { name: 'Alle Formulare, auch künftige' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => page.locator('.admin-status').textContent())
      .toBe(`Die Änderungen für ${cleo} gelten ab der nächsten Anfrage.`);
    expect(await row(page, cleo).locator('td[data-label="Formulare"]').textContent()).toBe(
      'Alle Formulare, auch künftige',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Rolle und Formulare ändern: ${cleo}`,
    );
    await row(page, cleo)
      .getByRole('button', { name: `Deaktivieren: ${cleo}` })
      .click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe(`${cleo} deaktivieren?`);
    expect(await dialog.textContent()).toContain('sofort überall abgemeldet');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Abbrechen');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Konto deaktivieren' }).click();
    await expect
      .poll(() => page.locator('.admin-status').textContent())
      .toBe(`${cleo} ist deaktiviert und überall abgemeldet.`);
    await expect.poll(() => row(page, cleo).locator('.user-status').textContent()).toBe('deaktiviert');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // The coordinator's next request is refused.
    expect(await apiStatusAs(coordinator, '/inbox')).toBe(403);
    await coordinator.context().close();
  });

  it('the admin renames the organisation with a logo, sees field errors and a stale save, and the home page shows the name', () =>
    renamesTheOrganisation(page));

  it('the audit log lists the invitation, the disable and the settings changes with what changed', async () => {
    await auditsItAll(page, cleo);
    await page.context().close();
  });
});

async function renamesTheOrganisation(page: Page) {
  await page.getByRole('link', { name: 'Organisation' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisation');
  const name = page.getByLabel('Name der Organisation');
  await expect.poll(() => name.inputValue()).toBe('Lotse');
  expect(await page.getByText('PNG, JPEG oder WebP, höchstens 200 kB').count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);

  // The contrast note follows the colour as it is typed; the API's refusal shows next to the field.
  const colour = page.getByLabel('Primärfarbe (z. B. #0b5394)');
  await colour.fill('#ffcc00');
  await expect.poll(() => page.locator('#settings-contrast').textContent()).toContain('nur einen Kontrast');
  await name.fill('Hafenverein Lotsenhaus');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect
    .poll(() => page.locator('#settings-primaryColour-error').textContent())
    .toContain('WCAG AA needs at least 4.5:1');
  expect(await focusedId(page)).toBe('settings-primaryColour');
  await colour.fill('#0b5394');
  expect(await page.locator('#settings-contrast').textContent()).toContain('ausreichend');

  // A logo: previewed before the save, served by the public route after it.
  await page
    .getByLabel('Logo', { exact: true })
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(48, 32) });
  await expect.poll(() => page.getByTestId('logo-preview').count()).toBe(1);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect
    .poll(() => page.locator('.admin-status').textContent())
    .toBe('Gespeichert (Version 1). Seiten und E-Mails verwenden die Angaben ab sofort.');
  await expect
    .poll(() =>
      page.getByRole('img', { name: 'Aktuelles Logo' }).evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(48);

  // Somebody else saves meanwhile: this save is refused and offers to reload.
  const root = env.runtime.auth.issueFor('root', ['admin']).AccessToken;
  const headers = { authorization: `Bearer ${root}`, 'content-type': 'application/json' };
  const current = await (await fetch(`${env.runtime.urls.api}/admin/settings`, { headers })).json();
  const { logo: _logo, updatedAt: _at, updatedBy: _by, ...fields } = current;
  const saved = await fetch(`${env.runtime.urls.api}/admin/settings`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...fields, senderName: 'Lotsenhaus Team' }),
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
  await page.getByLabel('Absendername').fill('Hafenverein');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect
    .poll(() => page.locator('.conflict').textContent())
    .toContain('Jemand anderes hat die Einstellungen inzwischen geändert.');
  await page.getByRole('button', { name: /^Neu laden/ }).click();
  await expect.poll(() => page.getByLabel('Absendername').inputValue()).toBe('Lotsenhaus Team');
  expect(await name.inputValue()).toBe('Hafenverein Lotsenhaus');

  // The public home page shows the new name at once.
  const home = await page.context().newPage();
  await home.goto(env.runtime.urls.web);
  await expect
    .poll(() => home.getByRole('heading', { level: 1 }).textContent())
    .toBe('Hafenverein Lotsenhaus');
  await home.close();
}

async function auditsItAll(page: Page, cleo: string) {
  await page.getByRole('link', { name: 'Protokoll' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Protokoll');
  const entries = page.locator('.audit-list > li');
  await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(8);
  const actions = await page
    .locator('.audit-entry')
    .evaluateAll((all) => all.map((e) => e.getAttribute('data-action')));
  // Newest first: two settings saves, the disable, the new forms, the resend, the invitation
  // (the fixture's form save and publish follow).
  expect(actions.slice(0, 6)).toEqual([
    'settings.update',
    'settings.update',
    'user.update',
    'user.update',
    'user.resend-invitation',
    'user.invite',
  ]);

  const disable = page.locator('.audit-entry[data-action="user.update"]').first();
  expect(await disable.textContent()).toContain(`Konto: ${cleo}`);
  expect(await disable.textContent()).toContain('ada');
  expect(await disable.locator('tbody tr').allTextContents()).toEqual(['Aktivjanein']);
  const invite = page.locator('.audit-entry[data-action="user.invite"]');
  expect(await invite.getByRole('row', { name: /Formulare/ }).textContent()).toContain(slug);
  const rename = page.locator('.audit-entry[data-action="settings.update"]').last();
  expect(await rename.getByRole('row', { name: /^Name/ }).textContent()).toBe(
    'NameLotseHafenverein Lotsenhaus',
  );
  expect(await axeViolations(page)).toEqual([]);
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);

  // Filtered by action, in the URL, so it can be shared and survives a reload.
  await page.getByLabel('Aktion').selectOption('user.invite');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('user.invite');
  await expect.poll(() => page.locator('.audit-entry').count()).toBe(1);
  expect(await page.locator('.admin-status').textContent()).toBe('1 Eintrag geladen.');
}

/** A real PNG of the given size (grey rows), so the test needs no fixture file. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.alloc(width + 1, 0x80)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
