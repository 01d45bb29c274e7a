import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../web/src/features/public-form/messages-all.ts';
import { launchChromium } from '../support/browser.ts';
import { everyElementForm } from '../support/examples-harness/every-element-form.ts';
import { serveExamplesHarness } from '../support/examples-harness/serve.ts';

// The page's renderers for every element, driven by keyboard and mouse in Chromium, through the
// preview harness (the public page's own FormView; the preview only skips the sending). Tested
// here rather than on the local runtime because the server's validator is being widened to accept
// such forms at the same time.

let browser: Browser;
let harness: Awaited<ReturnType<typeof serveExamplesHarness>>;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'lotse-elements-'));
  [harness, browser] = await Promise.all([serveExamplesHarness(outDir), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

async function openForm(locale: 'de' | 'ar'): Promise<Page> {
  // A context per page: axe needs one, and nothing carries over between tests.
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto(harness.url);
  await page.waitForFunction(() => typeof window.showForm === 'function');
  await page.evaluate((form) => window.showForm(form), everyElementForm(locale));
  return page;
}

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('#root').analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const currentStep = (page: Page) => page.locator('[aria-current="step"]').textContent();

describe('a stepper (Categorization)', () => {
  it('checks each step on "Next", moves focus to the new step, and offers sending on the last', async () => {
    const m = messagesFor('de');
    const page = await openForm('de');
    expect(await currentStep(page)).toBe('Person');
    expect(await page.getByRole('button', { name: m.submit }).count()).toBe(0);
    expect(await page.locator('#field-consent').count()).toBe(0);

    await page.getByRole('button', { name: m.next }).click();
    await expect.poll(() => page.locator('#field-name-error').textContent()).toContain(m.errors.required);
    expect(await currentStep(page)).toBe('Person');
    await expect.poll(() => focusedId(page)).toBe('field-name');
    expect(await page.locator('#field-name').getAttribute('aria-describedby')).toContain('field-name-error');
    expect(await page.getByRole('alert').filter({ hasText: m.stepHasErrors }).count()).toBe(1);

    await page.keyboard.type('Olena');
    await page.getByRole('button', { name: m.next }).click();
    await expect.poll(() => currentStep(page)).toBe('Kontakt');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.locator('h2:focus').textContent()).toBe('Kontakt');

    await page.getByRole('button', { name: m.back }).click();
    await expect.poll(() => currentStep(page)).toBe('Person');
    expect(await page.locator('#field-name').inputValue()).toBe('Olena');
    await page.getByRole('button', { name: m.next }).click();
    await page.getByRole('button', { name: m.next }).click();
    await expect.poll(() => currentStep(page)).toBe('Termin');
    expect(await page.getByRole('button', { name: m.next }).count()).toBe(0);
    expect(await page.getByRole('button', { name: m.submit }).count()).toBe(1);
    expect(await page.locator('#field-consent').count()).toBe(1);
    await page.context().close();
  });
});

describe('elements inside the steps', () => {
  it('a list of plain values adds a labelled field (focused) and removes it again', async () => {
    const m = messagesFor('de');
    const page = await openForm('de');
    await page.locator('#field-name').fill('Olena');
    await page.getByRole('button', { name: m.next }).click();
    await expect.poll(() => currentStep(page)).toBe('Kontakt');

    const add = page.locator('#field-languages');
    expect(await add.textContent()).toBe('Eintrag zu „Sprachen“ hinzufügen');
    await add.click();
    await expect.poll(() => focusedId(page)).toBe('field-languages-0');
    expect(await page.locator('label[for="field-languages-0"]').textContent()).toContain(
      'Sprachen, Eintrag 1',
    );
    await page.keyboard.type('Ukrainisch');
    await add.click();
    await expect.poll(() => focusedId(page)).toBe('field-languages-1');
    await page.keyboard.type('Polnisch');
    await page.getByRole('button', { name: 'Sprachen, Eintrag 1 entfernen' }).click();
    await expect.poll(() => page.locator('#field-languages-0').inputValue()).toBe('Polnisch');
    expect(await page.locator('#field-languages-1').count()).toBe(0);
    await page.context().close();
  });

  it('a oneOf choice shows the fields of the chosen alternative only', async () => {
    const m = messagesFor('de');
    const page = await openForm('de');
    await page.locator('#field-name').fill('Olena');
    await page.getByRole('button', { name: m.next }).click();
    await page.getByRole('button', { name: m.next }).click();
    await expect.poll(() => currentStep(page)).toBe('Termin');

    expect(await page.getByRole('radio', { name: 'Karte' }).isChecked()).toBe(true);
    expect(await page.locator('#field-payment-cardNumber').count()).toBe(1);
    await page.getByRole('radio', { name: 'Rechnung' }).check();
    await expect.poll(() => page.locator('#field-payment-vatId').count()).toBe(1);
    expect(await page.locator('#field-payment-cardNumber').count()).toBe(0);
    await page.context().close();
  });

  it('a rule on a group shows it only when its condition holds', async () => {
    const page = await openForm('de');
    await page.locator('#field-name').fill('Olena');
    await page.getByRole('button', { name: messagesFor('de').next }).click();
    expect(await page.locator('#field-email').count()).toBe(0);
    await page.getByRole('switch', { name: 'Neuigkeiten per E-Mail' }).check();
    await expect.poll(() => page.locator('#field-email').count()).toBe(1);
    await page.context().close();
  });
});

describe('axe finds nothing on any step', () => {
  it.each(['de', 'ar'] as const)('in %s', async (locale) => {
    const m = messagesFor(locale);
    const page = await openForm(locale);
    expect(await page.locator('.public-form').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#field-name').fill('Olena');
    await page.getByRole('button', { name: m.next }).click();
    await page.getByRole('switch').check();
    await page.locator('#field-languages').click();
    await page.locator('#field-languages-0').fill('Deutsch');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: m.next }).click();
    await expect.poll(() => page.getByRole('button', { name: m.submit }).count()).toBe(1);
    await page.getByRole('button', { name: m.submit }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
