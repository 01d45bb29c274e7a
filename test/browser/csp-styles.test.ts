import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../web/src/features/public-form/messages-all.ts';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { publishOnboardingForm } from '../support/onboarding.ts';
import { startTestRuntime, waitForMails } from '../support/runtime.ts';

/*
 * Issue 13: the CSP's style-src is `'self'` alone. What CSP blocks is markup: <style> elements and
 * style="…" attributes (also set with setAttribute); React's style props and CodeMirror's constructed
 * style sheet go through the CSSOM, which it does not block. The local server sends the same policy
 * as CloudFront (test/local/cdn-agreement.test.ts), so these pages meet the policy deployed.
 */

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let slug: string;
let coordinators: string[];
const password = 'a long admin password';

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
  env.runtime.auth.createUser('ada', password, ['admin']);
  ({ slug, coordinators } = await publishOnboardingForm(env.runtime));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

interface Watched {
  readonly page: Page;
  /** CSP violations (from window.__cspViolations of each document) and console errors. */
  readonly problems: () => Promise<string[]>;
}

async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text().slice(0, 300)}`);
  });
  // Each document keeps its own list; what a document saw is collected before it is left.
  await page.exposeFunction('__keepCspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    const store = window as unknown as { __cspViolations: string[]; __keepCspViolation: (t: string) => void };
    store.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      const text = `CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`;
      store.__cspViolations.push(text);
      store.__keepCspViolation(text);
    });
  });
  return {
    page,
    problems: async () => {
      const current = await page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      );
      return [...new Set([...seen, ...current])];
    },
  };
}

const computed = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

describe('the web app with style-src limited to its own files, in Chromium', () => {
  it('sends the policy without unsafe-inline; outside the console also without unsafe-eval', async () => {
    const policyOf = async (path: string) =>
      (await fetch(`${env.runtime.urls.web}${path}`)).headers.get('content-security-policy') ?? '';
    const form = await policyOf(`/f/${slug}`);
    const home = await policyOf('/');
    const console = await policyOf('/console');
    for (const policy of [form, home, console]) {
      expect(policy).toMatch(/(^|; )style-src 'self'(;|$)/);
      expect(policy).not.toContain('unsafe-inline');
    }
    for (const policy of [form, home]) {
      expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(policy).toMatch(/(^|; )connect-src 'self'(;|$)/);
    }
    expect(console).toContain("'unsafe-eval'");
  });

  it('validates and sends the public form under its policy (no eval), without a violation', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${env.runtime.urls.web}/f/${slug}`);
    const m = messagesFor('de');
    // Sent empty: the validator the server compiled for this version runs, and finds the gaps.
    await page.getByRole('button', { name: m.submit }).click();
    await expect.poll(() => page.locator('[role="alert"] a, .error-summary a').count()).toBeGreaterThan(0);
    await page.getByLabel('Vorname').fill('Amal');
    await page.getByLabel('E-Mail').fill(`csp-${Date.now()}@example.org`);
    await page.getByLabel('Alter').fill('31');
    await page.getByRole('checkbox', { name: /Ich willige ein/ }).check();
    await page.getByRole('button', { name: m.submit }).click();
    await expect.poll(() => page.locator('#receipt-title').textContent()).toBe(m.receiptTitle);
    expect(await problems()).toEqual([]);
    // The coordinator's page from the decision e-mail, and a certificate check: the same policy.
    const [mail] = await waitForMails(env.runtime, coordinators[0] as string, 1);
    const link = /https?:\/\/\S+\/decide\/[A-Za-z0-9_-]+/.exec(mail?.body.text ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(new URL(new URL(link as string).pathname, env.runtime.urls.web).href);
    await expect.poll(() => page.locator('button[type="submit"]').count()).toBeGreaterThan(0);
    await page.goto(`${env.runtime.urls.web}/verify/LOTSE-0000-0000`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await problems()).toEqual([]);
    // The icon the pages link is served: no request for /favicon.ico fails.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await fetch(`${env.runtime.urls.web}${icon}`)).status).toBe(200);
    await page.context().close();
  });

  it('renders the public form styled, without a violation', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${env.runtime.urls.web}/f/${slug}`);
    await expect
      .poll(async () => (await problems()).length > 0 || (await page.locator('input').count()) > 3)
      .toBe(true);
    expect(await problems()).toEqual([]);
    // From web/src/styles.css: the style sheet applies.
    expect(await computed(page, 'body', 'margin-top')).toBe('0px');
    expect(await computed(page, 'input[type="text"], input:not([type])', 'border-top-width')).toBe('2px');
    // The home page sets its colours as style props.
    await page.goto(`${env.runtime.urls.web}/`);
    await page.locator('.home').waitFor();
    expect(await problems()).toEqual([]);
    await page.context().close();
  });

  it('signs in and shows the console screens and the form editor with CodeMirror, styled, without a violation', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${env.runtime.urls.web}/console`);
    await signInOnProviderPage(page, 'ada', password);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/inbox');
    for (const [path, heading] of [
      ['/console/forms', 'Formulare'],
      ['/console/system', 'System'],
      ['/console/users', 'Benutzer'],
    ] as const) {
      await page.goto(`${env.runtime.urls.web}${path}`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
        .toContain(heading);
    }
    // Every other area of the console, with what it loads (tables, charts, the logo form).
    for (const path of ['/console/courses', '/console/reports', '/console/settings', '/console/audit']) {
      await page.goto(`${env.runtime.urls.web}${path}`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).count(), { message: path })
        .toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
    }
    expect(await problems()).toEqual([]);

    await page.goto(`${env.runtime.urls.web}/console/forms/${slug}/build`);
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const editor = page.locator('.build-json-host .cm-editor').first();
    await editor.waitFor();
    // CodeMirror's own rules (its base theme) and the app's rules for the editor both apply.
    expect(await computed(page, '.cm-scroller', 'display')).toBe('flex');
    expect(await computed(page, '.cm-gutters', 'display')).toBe('flex');
    expect(await computed(page, '.build-json-host .cm-editor', 'border-top')).toBe(
      '1px solid rgb(118, 118, 118)',
    );
    expect(await problems()).toEqual([]);

    // The confirmation mail's preview: a sandboxed srcdoc frame, which inherits the page's policy.
    await page.goto(`${env.runtime.urls.web}/console/forms/${slug}/settings`);
    await page
      .getByRole('button', { name: /Vorschau der E-Mail/ })
      .first()
      .click();
    const frame = page.locator('iframe.mail-preview-frame').first();
    await frame.waitFor();
    // The mail's own inline style (functions/shared/mail/layout.ts) reaches its body, set through the CSSOM.
    await expect
      .poll(() =>
        frame.evaluate((element) => {
          const body = (element as HTMLIFrameElement).contentDocument?.body;
          return body ? getComputedStyle(body).paddingTop : 'no body';
        }),
      )
      .toBe('16px');
    expect(
      await frame.evaluate((element) => (element as HTMLIFrameElement).contentDocument?.body.innerText),
    ).toContain('Lotse');
    expect(await problems()).toEqual([]);
    await page.context().close();
  });
});
