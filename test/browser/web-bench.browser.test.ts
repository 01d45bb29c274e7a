import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrivenField, driveEveryField, type FieldKind } from '../../bench/web-fields.ts';
import { type CompressingServer, startCompressingServer } from '../../bench/web-server.ts';
import { buildVanilla } from '../../bench/web-vanilla.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestRuntime } from '../support/runtime.ts';

// The harness logic of `npm run bench:web`, without timing: the field driver reaches every input
// of the shipped forms (fields a rule shows after an answer too), and the reference page with
// JSON Forms' vanilla renderers renders the same form from the same API through the compressing
// server.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let vanilla: CompressingServer;
const vanillaDir = mkdtempSync(join(tmpdir(), 'lotse-web-vanilla-test-'));

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium(), buildVanilla(vanillaDir)]);
  vanilla = await startCompressingServer({ upstream: env.runtime.urls.web, root: vanillaDir });
});

afterAll(async () => {
  await vanilla?.stop();
  await browser?.close();
  await env?.stop();
  rmSync(vanillaDir, { recursive: true, force: true });
});

const FORM = 'form.public-form-fields';

async function drive(url: string): Promise<{ fields: DrivenField[]; page: Page }> {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, locale: 'de-DE' });
  await page.goto(url);
  await page.locator(`${FORM} input`).first().waitFor();
  return { fields: await driveEveryField(page, FORM, { keyGapMs: 0 }), page };
}

const countBy = (fields: readonly DrivenField[]) =>
  fields.reduce<Partial<Record<FieldKind, number>>>(
    (counts, field) => Object.assign(counts, { [field.kind]: (counts[field.kind] ?? 0) + 1 }),
    {},
  );

/** Text-like fields a person can reach that are still empty after the driver typed (should be none). */
const emptyTextFields = (page: Page) =>
  page
    .locator(`${FORM} :is(textarea, input:not([type=checkbox], [type=radio], [type=date], [type=hidden]))`)
    .evaluateAll(
      (all) =>
        (all as HTMLInputElement[]).filter(
          (field) => field.tabIndex >= 0 && field.getClientRects().length > 0 && field.value === '',
        ).length,
    );

describe('the field driver on the public form page', () => {
  it('answers all 40 inputs of the volunteer registration, "other, namely" included, and the consent', async () => {
    const { fields, page } = await drive(`${env.runtime.urls.web}/f/integrationslotsen-registrierung`);
    const formFields = fields.filter((field) => field.name !== 'consent');
    expect(formFields).toHaveLength(40);
    // 10 text fields, the language as a select, and 29 checkboxes and radios (levels, days, times,
    // interests, referral).
    expect(countBy(formFields)).toEqual({ text: 10, select: 1, check: 29 });
    expect(fields.filter((field) => field.name === 'consent')).toHaveLength(1);
    expect(await emptyTextFields(page)).toBe(0);
    await page.close();
  });

  it('answers all 18 inputs of the grant request once its rules show them', async () => {
    const { fields, page } = await drive(`${env.runtime.urls.web}/f/foerderantrag-initiative`);
    const formFields = fields.filter((field) => field.name !== 'consent');
    expect(formFields).toHaveLength(18);
    expect(countBy(formFields)).toMatchObject({ date: 2, check: 6 });
    expect(await emptyTextFields(page)).toBe(0);
    await page.close();
  });
});

describe('the reference page with JSON Forms vanilla renderers', () => {
  it('renders the registration from the same API and is served compressed', async () => {
    const { fields, page } = await drive(`${vanilla.url}/f/integrationslotsen-registrierung`);
    // Vanilla has no checkbox group for several-of lists; it renders them as tables of selects.
    expect(fields.length).toBeGreaterThanOrEqual(20);
    expect(await page.locator('h1').textContent()).toBe(
      'Anmeldung als Integrationslotsin oder Integrationslotse',
    );
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js'))
        .map((entry) => (entry as PerformanceResourceTiming).name),
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const answer = await fetch(script, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(answer.headers.get('content-encoding')).toBe('br');
    }
    await page.close();
  });
});
