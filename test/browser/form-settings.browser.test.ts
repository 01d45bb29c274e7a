import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { fixtureForm } from '../support/fixture-form.ts';

/*
 * The settings tab mounted alone (the editor page around it is tested in the editor's walk-through):
 * bundled with esbuild, given a form, and every change it reports is read back from the page.
 */
let browser: Browser;
let bundle: string;
let page: Page;

const start = {
  ...fixtureForm('settings-form'),
  workflow: 'volunteer-onboarding',
  schema: {
    type: 'object',
    properties: {
      firstName: { type: 'string' },
      email: { type: 'string', format: 'email' },
      district: { type: 'string', enum: ['nord', 'sued'] },
    },
  },
  settings: { firstNameField: 'firstName', approval: { coordinators: ['kim@example.org'] } },
};

beforeAll(async () => {
  const [built, launched] = await Promise.all([
    build({
      entryPoints: [fileURLToPath(new URL('./form-settings-harness.tsx', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'error',
    }),
    launchChromium(),
  ]);
  bundle = built.outputFiles[0]?.text ?? '';
  browser = launched;
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'de-DE' });
  page = await context.newPage();
  await page.setContent(
    '<!doctype html><html lang="de"><head><title>Einstellungen</title></head><body><div id="root"></div></body></html>',
  );
  await page.evaluate((definition) => {
    (window as unknown as { lotseStart: unknown }).lotseStart = definition;
  }, start);
  await page.addScriptTag({ content: bundle });
  await page.getByRole('heading', { name: 'Einstellungen' }).waitFor();
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads deep paths of whatever the tab wrote
type Changed = Record<string, any>;

/** The definition after the last change the tab reported, and what it called the change. */
const last = (target: Page) =>
  target.evaluate(() => {
    const changes = (window as unknown as { lotseChanges: { definition: unknown; what: string }[] })
      .lotseChanges;
    return changes.at(-1) as { definition: Changed; what: string } | undefined;
  });

describe('the form settings tab', () => {
  it('has no axe violations', async () => {
    const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);
    expect(violations).toEqual([]);
  });

  it('edits coordinators line by line and routes by an answer with options', async () => {
    const coordinators = page.getByLabel('Koordination (eine E-Mail-Adresse pro Zeile)');
    await coordinators.fill('kim@example.org\n');
    await coordinators.press('End');
    await coordinators.pressSequentially('lu@example.org');
    expect(await coordinators.inputValue()).toBe('kim@example.org\nlu@example.org');
    expect((await last(page))?.definition.settings.approval.coordinators).toEqual([
      'kim@example.org',
      'lu@example.org',
    ]);

    // Only fields with options can route; choosing one asks for addresses per option.
    const field = page.getByLabel('Zuständigkeit nach einer Antwort (z. B. Bezirk)');
    expect(await field.locator('option').allTextContents()).toEqual([
      'Keine Regel: immer die Koordination oben',
      'district',
    ]);
    await field.selectOption('district');
    await page.getByLabel('E-Mail-Adressen für „sued“ (eine pro Zeile)').fill('sued@example.org');
    expect((await last(page))?.definition.settings.approval.routing).toEqual({
      field: 'district',
      values: { sued: ['sued@example.org'] },
    });

    await page.getByLabel('Erinnerung nach (Tagen)').fill('0,5');
    expect((await last(page))?.definition.settings.approval.reminderAfterDays).toBe(0.5);
    expect((await last(page))?.what).toBe('Erinnerung nach (Tagen)');
  });

  it('stores opening dates with the local offset and leaves the home page on request', async () => {
    await page.getByLabel('Öffnet am (optional)').fill('2027-01-15T09:30');
    expect((await last(page))?.definition.availability.opensAt).toBe('2027-01-15T09:30:00+01:00');
    await page.getByLabel('Schließt am (optional)').fill('2027-07-15T18:00');
    expect((await last(page))?.definition.availability.closesAt).toBe('2027-07-15T18:00:00+02:00');
    await page.getByLabel('Höchstzahl an Einsendungen (optional)').fill('40');
    await page.getByLabel('Auf der Startseite anzeigen').uncheck();
    expect((await last(page))?.definition.availability).toEqual({
      opensAt: '2027-01-15T09:30:00+01:00',
      closesAt: '2027-07-15T18:00:00+02:00',
      maxSubmissions: 40,
      listed: false,
    });
    await page.getByLabel('Öffnet am (optional)').fill('');
    expect((await last(page))?.definition.availability.opensAt).toBeUndefined();
  });

  it('inserts placeholders at the cursor, flags unknown ones, and shows validation at the field', async () => {
    const body = page.getByLabel('Text der E-Mail (Absätze durch eine Leerzeile) (Englisch)');
    await body.fill('Hello ,');
    await body.press('ArrowLeft');
    await page
      .getByRole('group', { name: 'Platzhalter einfügen (Englisch)' })
      .getByRole('button', { name: /Vorname/ })
      .click();
    expect(await body.inputValue()).toBe('Hello {firstName},');
    expect((await last(page))?.definition.confirmation.emailBody).toEqual({ en: 'Hello {firstName},' });

    const subject = page.getByLabel('Betreff der E-Mail (Deutsch)');
    await subject.fill('Danke {vorname}');
    await expect.poll(() => page.getByText('Unbekannter Platzhalter {vorname}').count()).toBe(1);
    await subject.fill('');
    expect((await last(page))?.definition.confirmation.emailSubject).toEqual({});

    await page.evaluate(() =>
      (window as unknown as { lotseSetIssues: (issues: unknown) => void }).lotseSetIssues([
        { field: 'retentionDays', message: 'must be at most 3650' },
      ]),
    );
    const retention = page.getByLabel('Einsendungen löschen nach (Tagen)');
    await expect.poll(() => retention.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#form-settings-retention-error').textContent()).toBe('must be at most 3650');
  });
});
