import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../web/src/features/console/forms/translations/csv.ts';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { publishOnboardingForm } from '../support/onboarding.ts';
import { linkPrivacyPage } from '../support/privacy-page.ts';
import { startTestRuntime } from '../support/runtime.ts';

/*
 * The console's form editor on the local runtime, against the editor API of
 * functions/shared/contracts/form-editor.ts, with a real admin sign-in. One story in steps that
 * build on each other (vitest runs a file's tests in order).
 */

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let page: Page;
let onboarding: string;
const ADMIN_PASSWORD = 'a long admin password';
const slug = `helpers-${randomUUID().slice(0, 6)}`;

const schema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name' },
    email: { type: 'string', format: 'email', title: 'E-Mail' },
    district: { type: 'string', title: 'Stadtteil', enum: ['Nord', 'Süd'] },
  },
};
const uischema = {
  type: 'VerticalLayout',
  elements: [
    { type: 'Control', scope: '#/properties/name' },
    { type: 'Control', scope: '#/properties/email' },
    { type: 'Control', scope: '#/properties/district' },
  ],
};

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
  env.runtime.auth.createUser('ada', ADMIN_PASSWORD, ['admin']);
  ({ slug: onboarding } = await publishOnboardingForm(env.runtime));
  await linkPrivacyPage(env.runtime);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
    acceptDownloads: true,
  });
  page = await context.newPage();
  await page.goto(`${env.runtime.urls.web}/console/forms`);
  await signInOnProviderPage(page, 'ada', ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const axeViolations = async () => (await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);

/** Calls the API as the console in this page does: with the bearer token of the page's session. */
const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
  page.evaluate(
    async ({ target, method, body }) => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
      const token = key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}').access_token as string) : '';
      const response = await fetch(target, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json().catch(() => undefined) };
    },
    { target: `/api${path}`, method: init.method ?? 'GET', body: init.body },
  );

const saveStatus = () => page.locator('.save-status').textContent();
const tab = (name: string) => page.getByRole('tab', { name });
const cell = (key: string, locale: string) =>
  page.locator(`tr[data-key="${key}"] input[data-locale="${locale}"]`);
const columnHead = (locale: string) => page.locator(`.translations-grid th[data-locale="${locale}"]`);

describe('the form editor in the console, on the local runtime', () => {
  it('lists the forms with their state, languages and submissions', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Formulare');
    const row = page.locator(`tr[data-form="${onboarding}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('veröffentlicht v1');
    expect(await row.textContent()).toContain('de, en, ar');
    expect(await page.getByRole('link', { name: 'Formulare' }).count()).toBe(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('creates a form from a template and opens it in the editor', async () => {
    await page.getByRole('link', { name: 'Neues Formular' }).click();
    const templateSlug = `tpl-${randomUUID().slice(0, 6)}`;
    await page.getByLabel('Kurzname in der Adresse').fill(templateSlug);
    await page.getByLabel('Titel', { exact: true }).fill('Kursfeedback Herbst');
    await page.getByRole('radio', { name: 'Vorlage' }).check();
    await expect
      .poll(() => page.getByLabel('Vorlage', { exact: true }).locator('option').count())
      .toBeGreaterThan(0);
    expect(await axeViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.waitForURL(new RegExp(`/console/forms/${templateSlug}/build$`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Kursfeedback Herbst');
    expect(await tab('Aufbau').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('link', { name: 'Alle Formulare' }).click();
    await expect
      .poll(() => page.locator(`tr[data-form="${templateSlug}"]`).textContent())
      .toContain('nur Entwurf');
  });

  it('imports JSON Forms documents, then edits translations in the grid with undo, autosave and a CSV round trip', async () => {
    await page.goto(`${env.runtime.urls.web}/console/forms/new`);
    await page.getByLabel('Kurzname in der Adresse').fill(slug);
    await page.getByLabel('Titel', { exact: true }).fill('Helfende');
    await page.getByRole('radio', { name: 'JSON-Forms-Dateien importieren' }).check();
    await page.getByLabel('JSON Schema (Datei)').setInputFiles({
      name: 'schema.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(schema)),
    });
    await page.getByLabel('oder UI-Schema einfügen (optional)').fill(JSON.stringify(uischema));
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.waitForURL(new RegExp(`/console/forms/${slug}/build$`));

    // Tabs are reachable with the arrow keys and addressable by URL.
    await tab('Aufbau').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(new RegExp(`/console/forms/${slug}/translations$`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('form-tab-translations');

    // Two languages: Arabic gets translated, Ukrainian stays incomplete.
    for (const language of ['Arabisch (ar)', 'Ukrainisch (uk)']) {
      await page.getByLabel('Sprache hinzufügen').selectOption({ label: language });
      await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    }
    await expect.poll(() => columnHead('ar').textContent()).toMatch(/\d+ fehlen/);

    await cell('name.label', 'ar').fill('الاسم');
    expect(await cell('name.label', 'ar').getAttribute('dir')).toBe('rtl');
    await expect.poll(saveStatus).toMatch(/^Gespeichert/);
    let draft = await api(`/admin/forms/${slug}/draft`);
    expect(draft.body.definition.translations.ar['name.label']).toBe('الاسم');

    // Undo names the step and works from the keyboard too; redo brings it back.
    expect(await page.getByRole('button', { name: /^Rückgängig: Übersetzung \(ar\)/ }).count()).toBe(1);
    await page.locator('body').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell('name.label', 'ar').inputValue()).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell('name.label', 'ar').inputValue()).toBe('الاسم');

    // CSV out, the translator fills the Arabic column, CSV back in.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV exportieren' }).click();
    const csv = await readFile((await (await downloading).path()) as string, 'utf8');
    const [header = [], ...rows] = parseCsv(csv);
    expect(header).toEqual(['key', 'where', 'de', 'ar', 'uk']);
    const arabic = header.indexOf('ar');
    const filled = [
      header,
      ...rows.map((row) => row.map((value, index) => (index === arabic && !value ? `ع ${row[0]}` : value))),
    ];
    const back = filled
      .map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(','))
      .join('\r\n');
    await page
      .getByLabel('CSV importieren')
      .setInputFiles({ name: 'back.csv', mimeType: 'text/csv', buffer: Buffer.from(back) });
    await expect
      .poll(() => page.locator('.admin-status').textContent())
      .toMatch(/\d+ Übersetzungen übernommen/);
    await expect.poll(() => columnHead('ar').textContent()).toContain('vollständig');
    await expect.poll(() => columnHead('uk').textContent()).toMatch(/\d+ fehlen/);
    await expect.poll(saveStatus).toMatch(/^Gespeichert/);
    draft = await api(`/admin/forms/${slug}/draft`);
    expect(draft.body.definition.translations.ar['district.Nord']).toBe('ع district.Nord');
    expect(await axeViolations()).toEqual([]);
  });

  it('previews the draft in Arabic at phone width, right to left, and it can be filled in', async () => {
    await tab('Vorschau').click();
    await page.getByLabel('Sprache', { exact: true }).selectOption('ar');
    await page.getByRole('radio', { name: 'Telefon (375 px)' }).check();
    const preview = page.getByTestId('form-preview');
    await expect.poll(() => preview.getAttribute('dir')).toBe('rtl');
    // The form gets a phone's 375 CSS pixels inside the frame's border.
    expect(await preview.evaluate((element) => element.clientWidth)).toBe(375);
    await expect.poll(() => preview.textContent()).toContain('الاسم');
    await preview.getByLabel(/الاسم/).fill('Amal');
    expect(await preview.getByLabel(/الاسم/).inputValue()).toBe('Amal');
  });

  it('a save that someone else overtook is a conflict naming them; their version can be loaded', async () => {
    await tab('Übersetzungen').click();
    const current = await api(`/admin/forms/${slug}/draft`);
    // Another admin saves first, through the same API.
    const theirs = structuredClone(current.body.definition);
    theirs.translations.ar['email.label'] = 'بريدهم';
    const other = await fetch(`${env.runtime.urls.api}/admin/forms/${slug}/draft`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${env.runtime.auth.issueFor('bea', ['admin']).AccessToken}`,
      },
      body: JSON.stringify({ revision: current.body.revision, definition: theirs }),
    });
    expect(other.status).toBe(200);
    await cell('email.label', 'ar').fill('بريدي');
    const banner = page.locator('.conflict-banner');
    await expect.poll(() => banner.textContent()).toContain('bea');
    await banner.getByRole('button', { name: /Deren Fassung laden/ }).click();
    await expect.poll(() => cell('email.label', 'ar').inputValue()).toBe('بريدهم');
    await expect.poll(saveStatus).toMatch(/^Gespeichert/);
  });

  it('publishing is refused for the incomplete Ukrainian; published without it', async () => {
    await tab('Versionen').click();
    await page.getByRole('button', { name: 'Entwurf veröffentlichen' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Keine Änderung betrifft frühere Einsendungen');
    await dialog.getByRole('button', { name: 'Veröffentlichen' }).click();
    // On failure the dialog's text says why the API refused.
    const refused = page.getByRole('dialog');
    await expect
      .poll(() => refused.textContent(), { message: 'refusal lists Ukrainian' })
      .toMatch(/Ukrainisch \(uk\): \d+ Texte fehlen|cannot/);
    const refusal = (await refused.textContent()) ?? '';
    if (!/Ukrainisch \(uk\): \d+ Texte fehlen/.test(refusal))
      throw new Error(`refused otherwise: ${refusal}`);
    expect(await page.getByRole('dialog').textContent()).not.toContain('Arabisch (ar):');
    await page.getByRole('button', { name: 'Ohne Ukrainisch (uk) veröffentlichen' }).click();
    await expect
      .poll(() => page.locator('.admin-status').textContent())
      .toBe('Version 1 ist veröffentlicht.');
    const published = await fetch(`${env.runtime.urls.api}/forms/${slug}?lang=ar`);
    expect(published.status).toBe(200);
    const form = (await published.json()) as { locales: string[]; direction: string };
    expect(form.locales).toEqual(['de', 'ar']);
    await expect.poll(() => page.locator('li[data-version="1"]').textContent()).toContain('veröffentlicht');
  });

  it('a second version: the diff names the changed text, and a rollback makes version 1 live again', async () => {
    await tab('Übersetzungen').click();
    await cell('title', 'de').fill('Helfende gesucht');
    await expect.poll(saveStatus).toMatch(/^Gespeichert/);
    await tab('Versionen').click();
    await page.getByRole('button', { name: 'Entwurf veröffentlichen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Veröffentlichen' }).click();
    // The draft keeps Ukrainian for later, so publishing asks again.
    await page.getByRole('button', { name: 'Ohne Ukrainisch (uk) veröffentlichen' }).click();
    await expect
      .poll(() => page.locator('.admin-status').textContent())
      .toBe('Version 2 ist veröffentlicht.');

    await page.getByLabel('Von', { exact: true }).selectOption('1');
    await page.getByLabel('Bis', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Vergleichen', exact: true }).click();
    await expect.poll(() => page.getByTestId('form-diff').textContent()).toContain('Helfende gesucht');

    await page.getByRole('button', { name: 'Zurück zu Version 1' }).click();
    await expect
      .poll(() => page.locator('.admin-status').textContent())
      .toBe('Version 1 ist jetzt veröffentlicht.');
    await expect.poll(() => page.locator('li[data-version="1"]').textContent()).toContain('veröffentlicht');
    const live = (await (await fetch(`${env.runtime.urls.api}/forms/${slug}`)).json()) as { version: number };
    expect(live.version).toBe(1);
  });
});
