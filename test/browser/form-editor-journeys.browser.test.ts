import { randomUUID } from 'node:crypto';
import { getExamples } from '@jsonforms/examples';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { linkPrivacyPage } from '../support/privacy-page.ts';
import { startTestRuntime } from '../support/runtime.ts';

/*
 * Issue 10's two walk-throughs, each as one story in steps (vitest runs a file's tests in order),
 * on the local runtime with a real admin sign-in and the volunteer on the public page:
 * 1. an admin builds a form from blank in the visual editor (a step, a repeating group, a
 *    show-when rule), adds Arabic through the grid, previews it right to left at phone width,
 *    publishes; a volunteer fills it in; the admin deletes a field, sees the diff and the
 *    breaking-change warning with the number of submissions, publishes version 2, rolls back;
 * 2. an admin imports JSON Forms' own categorization example, publishes it in one language
 *    without writing a translation, and a volunteer fills it in, step by step.
 */

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let admin: Page;
const ADMIN_PASSWORD = 'a long admin password';
const built = `ehrenamt-${randomUUID().slice(0, 6)}`;
const imported = `jsonforms-${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
  env.runtime.auth.createUser('ada', ADMIN_PASSWORD, ['admin']);
  await linkPrivacyPage(env.runtime);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  admin = await context.newPage();
  await admin.goto(`${env.runtime.urls.web}/console/forms/new`);
  await signInOnProviderPage(admin, 'ada', ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const saveStatus = () => admin.locator('.save-status').textContent();
const tab = (name: string) => admin.getByRole('tab', { name });
const status = () => admin.locator('.admin-status').textContent();

async function newForm(slug: string, title: string, start: string) {
  await admin.goto(`${env.runtime.urls.web}/console/forms/new`);
  await admin.getByLabel('Kurzname in der Adresse').fill(slug);
  await admin.getByLabel('Titel', { exact: true }).fill(title);
  await admin.getByRole('radio', { name: start }).check();
}

/** Adds a field from the palette (it lands after the selection) and names it. */
async function addField(type: string, label: string) {
  await admin.getByRole('button', { name: type, exact: true }).click();
  const labelInput = admin.getByLabel('Beschriftung');
  await labelInput.fill(label);
  await expect.poll(() => admin.locator('.build-row .build-row-label').allInnerTexts()).toContain(label);
}

async function publishDraft() {
  await tab('Versionen').click();
  await admin.getByRole('button', { name: 'Entwurf veröffentlichen' }).click();
  const dialog = admin.getByRole('dialog');
  await expect.poll(() => dialog.getByRole('button', { name: 'Veröffentlichen' }).count()).toBe(1);
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Veröffentlichen' }).click();
  return text;
}

async function volunteerPage(slug: string, locale: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
  const page = await context.newPage();
  await page.goto(`${env.runtime.urls.web}/f/${slug}`);
  return page;
}

describe('walk-through 1: built from blank, translated, published, filled, changed, rolled back', () => {
  it('the admin builds a form from blank: a step with a show-when rule, a second step with a repeating group', async () => {
    await newForm(built, 'Ehrenamt im Verein', 'Leeres Formular');
    await admin.getByRole('button', { name: 'Anlegen' }).click();
    await admin.waitForURL(new RegExp(`/console/forms/${built}/build$`));

    await admin.getByRole('button', { name: 'Schritt', exact: true }).click();
    await addField('Kurzer Text', 'Vorname');
    await admin.getByLabel('Pflichtfeld').check();
    await admin.getByLabel('Platzhalter').fill('z. B. Amal');
    await addField('Ja/Nein', 'Haben Sie ein Auto');
    await addField('Kurzer Text', 'Kennzeichen');
    const showWhen = admin.getByRole('group', { name: 'Nur anzeigen, wenn …' });
    await showWhen.getByLabel('Feld').selectOption({ label: 'Haben Sie ein Auto' });
    await showWhen.getByLabel('hat den Wert').selectOption({ label: 'Ja' });

    await admin.getByRole('button', { name: 'Schritt', exact: true }).click();
    await addField('Wiederholte Gruppe', 'Sprachen');
    await expect.poll(saveStatus).toMatch(/^Gespeichert/);

    const draft = await apiAsAdmin(`/admin/forms/${built}/draft`);
    const { uischema, schema } = draft.definition;
    expect(uischema.type).toBe('Categorization');
    expect(uischema.elements).toHaveLength(2);
    const plate = uischema.elements[0].elements.find(
      (element: { rule?: unknown }) => element.rule !== undefined,
    );
    expect(plate.rule.effect).toBe('SHOW');
    expect(plate.rule.condition.schema).toEqual({ const: true });
    const languages = Object.values(schema.properties).find(
      (property) => (property as { type?: string }).type === 'array',
    ) as { title: string };
    expect(languages.title).toBe('Sprachen');
    // One language, no translation table: the documents carry the German texts.
    expect(draft.issues.filter((issue: { field: string }) => issue.field.startsWith('translations'))).toEqual(
      [],
    );
  });

  it('adds Arabic through the grid and previews it right to left at phone width', async () => {
    await tab('Übersetzungen').click();
    await admin.getByLabel('Sprache hinzufügen').selectOption({ label: 'Arabisch (ar)' });
    await admin.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    const head = admin.locator('.translations-grid th[data-locale="ar"]');
    await expect.poll(() => head.textContent()).toMatch(/\d+ fehlen/);
    const cells = admin.locator('.translations-grid input[data-locale="ar"]');
    for (let index = 0; index < (await cells.count()); index++) {
      const cell = cells.nth(index);
      if ((await cell.inputValue()) === '') await cell.fill(`نص ${index + 1}`);
    }
    await expect.poll(() => head.textContent()).toContain('vollständig');
    await expect.poll(saveStatus).toMatch(/^Gespeichert/);

    await tab('Vorschau').click();
    await admin.getByLabel('Sprache', { exact: true }).selectOption('ar');
    await admin.getByRole('radio', { name: 'Telefon (375 px)' }).check();
    const preview = admin.getByTestId('form-preview');
    await expect.poll(() => preview.getAttribute('dir')).toBe('rtl');
    expect(await preview.evaluate((element) => element.clientWidth)).toBe(375);
  });

  it('publishes version 1 in German and Arabic', async () => {
    const dialog = await publishDraft();
    expect(dialog).toContain('Keine Änderung betrifft frühere Einsendungen');
    await expect.poll(status).toBe('Version 1 ist veröffentlicht.');
    const form = await (await fetch(`${env.runtime.urls.api}/forms/${built}?locale=ar`)).json();
    expect(form.locales).toEqual(['de', 'ar']);
    expect(form.direction).toBe('rtl');
  });

  it('a volunteer fills it in on a phone: the plate number shows only with a car, step by step', async () => {
    const page = await volunteerPage(built, 'de-DE');
    expect(await page.getByLabel(/^Vorname/).getAttribute('placeholder')).toBe('z. B. Amal');
    await page.getByLabel(/^Vorname/).fill('Amal');
    expect(await page.getByLabel(/^Kennzeichen/).count()).toBe(0);
    await page.getByLabel(/^Haben Sie ein Auto/).check();
    await page.getByLabel(/^Kennzeichen/).fill('K-AB 123');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect.poll(() => page.getByText('Sprachen').count()).toBeGreaterThan(0);
    await page.locator('#field-consent').check();
    await page.getByRole('button', { name: 'Absenden' }).click();
    await expect
      .poll(() => page.locator('#receipt-title').textContent(), { timeout: 20_000 })
      .toContain('Vielen Dank');
    await page.context().close();
    // The inbox projection counts it: the impact below is measured against it.
    await expect
      .poll(async () => (await apiAsAdmin(`/admin/forms/${built}/impact?to=1`)).submissions, {
        timeout: 30_000,
      })
      .toBe(1);
  });

  it('the admin deletes a field: the diff names it, the warning counts the submission, version 2 goes live', async () => {
    await tab('Aufbau').click();
    await admin.locator('.build-select', { hasText: 'Kennzeichen' }).click();
    await admin.getByRole('button', { name: 'Löschen' }).click();
    await expect
      .poll(() => admin.locator('.build-row .build-row-label').allInnerTexts())
      .not.toContain('Kennzeichen');
    await expect.poll(saveStatus).toMatch(/^Gespeichert/);

    await tab('Versionen').click();
    await admin.getByLabel('Von', { exact: true }).selectOption('1');
    await admin.getByLabel('Bis', { exact: true }).selectOption('draft');
    await admin.getByRole('button', { name: 'Vergleichen', exact: true }).click();
    await expect.poll(() => admin.getByTestId('form-diff').textContent()).toContain('Kennzeichen');

    const dialog = await publishDraft();
    expect(dialog).toContain('Das ändert frühere Einsendungen');
    expect(dialog).toContain('Kennzeichen');
    expect(dialog).toContain('1 Einsendungen betroffen');
    await expect.poll(status).toBe('Version 2 ist veröffentlicht.');
    const live = await (await fetch(`${env.runtime.urls.api}/forms/${built}`)).json();
    expect(live.version).toBe(2);
    expect(JSON.stringify(live.uischema)).not.toContain('Kennzeichen');
  });

  it('rolls back to version 1', async () => {
    await admin.getByRole('button', { name: 'Zurück zu Version 1' }).click();
    await expect.poll(status).toBe('Version 1 ist jetzt veröffentlicht.');
    const live = await (await fetch(`${env.runtime.urls.api}/forms/${built}`)).json();
    expect(live.version).toBe(1);
  });
});

describe('walk-through 2: a JSON Forms example with categories, imported and published in one language', () => {
  const example = getExamples().find((candidate) => candidate.name === 'categorization');

  it('the admin imports the two documents as they are and publishes without writing a translation', async () => {
    if (!example) throw new Error('JSON Forms example "categorization" not found');
    await newForm(imported, 'Categorization example', 'JSON-Forms-Dateien importieren');
    await admin.getByLabel('Hauptsprache').selectOption('en');
    await admin.getByLabel('JSON Schema (Datei)').setInputFiles({
      name: 'schema.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(example.schema)),
    });
    await admin.getByLabel('oder UI-Schema einfügen (optional)').fill(JSON.stringify(example.uischema));
    await admin.getByRole('button', { name: 'Anlegen' }).click();
    await admin.waitForURL(new RegExp(`/console/forms/${imported}/build$`));
    const draft = await apiAsAdmin(`/admin/forms/${imported}/draft`);
    expect(draft.definition.translations).toEqual({});
    expect(draft.definition.schema).toEqual(example.schema);
    expect(draft.definition.uischema).toEqual(example.uischema);
    expect(draft.issues).toEqual([]);

    await publishDraft();
    await expect.poll(status).toBe('Version 1 ist veröffentlicht.');
  });

  it('a volunteer fills it in step by step; the address step appears once they want to give one', async () => {
    const page = await volunteerPage(imported, 'en-GB');
    await page.getByLabel(/^First Name/).fill('Amal');
    await page.getByLabel(/^Second Name/).fill('Haddad');
    await page.getByRole('radio', { name: 'Other' }).check();
    // One step until the volunteer wants to give an address: its step is shown by a rule.
    expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(0);
    await page.getByLabel(/^Provide Address/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByLabel(/^Street$|^Street\b/)
      .first()
      .fill('Hauptstraße');
    await page.getByLabel(/^City/).fill('Köln');
    await page.getByLabel(/^Postal Code/).fill('50667');
    await page.locator('#field-consent').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.locator('#receipt-title').textContent(), { timeout: 20_000 })
      .toMatch(/Thank you/i);
    await page.context().close();
  });
});

/** The admin API with the console page's own session, as the console calls it. */
async function apiAsAdmin(path: string) {
  const response = await fetch(`${env.runtime.urls.api}${path}`, {
    headers: { authorization: `Bearer ${env.runtime.auth.issueFor('ada', ['admin']).AccessToken}` },
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
