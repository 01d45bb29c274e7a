import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getExamples } from '@jsonforms/examples';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { serveExamplesHarness } from '../support/examples-harness/serve.ts';

// Every example JSON Forms ships, rendered by the editor's FormPreview (the public page's own
// renderers, translator and validation) in Chromium, one after another in one page. None is left
// out: where an example relies on something Lotse does not do (custom renderers it would register
// itself, actions that change the schema at run time), our renderers must still show it.

/**
 * A form must be on the screen within this long, or a schema froze the page. Most examples take
 * well under a second; "huge" (GEDCOM X, ajv compiling a large schema) about 3 s on a loaded
 * two-core machine, up to 7 s while another browser test runs beside it.
 */
const RENDER_BUDGET_MS = 10_000;

let browser: Browser;
let page: Page;
let harness: Awaited<ReturnType<typeof serveExamplesHarness>>;
let outDir: string;
const problems: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'lotse-examples-'));
  [harness, browser] = await Promise.all([serveExamplesHarness(outDir), launchChromium()]);
  page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(harness.url);
  await page.waitForFunction(() => typeof window.showExample === 'function');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

const names = getExamples().map((example) => example.name);

describe("JSON Forms' own examples in the form preview", () => {
  it('are all there (75 with @jsonforms/examples 3.7)', () => {
    expect(names.length).toBeGreaterThanOrEqual(75);
  });

  it.each(names)('%s renders every element, without errors, in time', async (name) => {
    problems.length = 0;
    const elapsed = await Promise.race([
      page.evaluate((example) => window.showExample(example), name),
      new Promise<number>((resolve) =>
        setTimeout(() => resolve(Number.POSITIVE_INFINITY), RENDER_BUDGET_MS + 1_000),
      ),
    ]);
    expect(elapsed).toBeLessThan(RENDER_BUDGET_MS);
    const text = await page.locator('#root').innerText();
    expect(text).not.toContain('No applicable renderer');
    expect(text).not.toContain('No applicable field renderer');
    expect(await page.locator('#root .notice[role="alert"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
