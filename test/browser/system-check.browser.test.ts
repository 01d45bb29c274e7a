import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { eventually } from '../support/poll.ts';
import { mailbox, startTestRuntime } from '../support/runtime.ts';

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

describe('web app in Chromium, phone-sized', () => {
  it('an admin sees every component healthy in the console, starts a check, and confirms it from the e-mail link', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${env.runtime.urls.web}/console/system`);
    await signInOnProviderPage(page, 'ada', 'a long admin password');
    await expect.poll(() => page.locator('.status li[data-status="ok"]').count()).toBe(3);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    const recipient = `${randomUUID()}@example.org`;
    await page.getByLabel('E-Mail-Adresse').fill(recipient);
    await page.getByRole('button', { name: 'Prüfung starten' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('unterwegs');

    const mail = await eventually(async () =>
      (await mailbox(env.runtime)).find((m) => m.destination.to.includes(recipient)),
    );
    const link = /(http:\/\/\S+\/system-checks\/[0-9a-f-]{36})/.exec(mail.body.text ?? '')?.[1] ?? '';
    const code = /\n\s{4}([A-Z0-9]{8})\n/.exec(mail.body.text ?? '')?.[1] ?? '';
    // The mail's link leads into the console (confirming is an admin's action); still signed in.
    await page.goto(link);
    await page.waitForURL(/\/console\/system\/checks\//);
    const input = page.getByLabel('Code aus der E-Mail');
    await input.fill('WRONG234');
    await page.getByRole('button', { name: /Bestätigen/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('does not match');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await input.fill(code);
    await page.getByRole('button', { name: /Bestätigen/ }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Bestätigt');
    await context.close();
  });
});
