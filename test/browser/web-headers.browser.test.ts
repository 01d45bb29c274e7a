import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
  env.runtime.auth.createUser('ada', 'a long admin password', ['admin']);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

/** Every CSP violation and console error the page meets, from its first script on. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    const url = message.location().url;
    // The app links no icon, so Chromium asks for /favicon.ico: 404 here, 403 from S3 on AWS.
    if (url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.text().slice(0, 300)} ${url}`);
  });
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(`CSP blocked ${event.blockedURI} (${event.violatedDirective})`);
    });
  });
  return problems;
}

describe('the web app under the CloudFront headers, in Chromium', () => {
  it('a form page and the console sign-in run without a CSP violation or a console error', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(`${env.runtime.urls.web}/f/integrationslotsen-registrierung`);
    // A blocked script shows as a problem before the form would have rendered: say which first.
    await expect
      .poll(async () => problems.length > 0 || (await page.locator('input').count()) > 10)
      .toBe(true);
    expect(problems).toEqual([]);
    await page.goto(`${env.runtime.urls.web}/console`);
    // Discovery and the token request are fetches to the provider: the CSP's connect-src must allow them.
    await signInOnProviderPage(page, 'ada', 'a long admin password');
    await expect.poll(() => page.getByRole('navigation').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
