import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
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

const onSignInPage = (page: Page) =>
  page.url().startsWith(`${env.runtime.urls.auth}/interaction/`) ? 'sign-in' : page.url();
const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id);

describe('an admin signs in to the console through the OpenID provider, phone-sized', () => {
  it('signs in, stays signed in across a reload, and signs out for real', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${env.runtime.urls.web}/console`);
    await expect.poll(() => onSignInPage(page)).toBe('sign-in');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Anmelden');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Benutzername oder E-Mail-Adresse').fill('ada');
    await page.getByLabel('Passwort').fill('not the password');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const password = page.getByLabel('Passwort');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Benutzername oder Passwort ist falsch');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toBe('sign-in-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    expect(await axeViolations(page)).toEqual([]);

    await password.fill('a long admin password');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    // The inbox is the first area, so /console opens it.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/inbox');
    await expect.poll(() => page.getByTestId('console-username').textContent()).toBe('ada');
    expect(await page.getByTestId('console-role').textContent()).toBe('Admin');
    expect(await page.getByRole('banner').textContent()).toContain('Lotse');
    await page.getByRole('link', { name: 'System' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/system');
    await expect.poll(() => page.locator('.status li[data-status="ok"]').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByTestId('console-username').textContent()).toBe('ada');
    expect(new URL(page.url()).pathname).toBe('/console/system');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/signed-out');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('You are signed out.');

    await page.goto(`${env.runtime.urls.web}/console`);
    await expect.poll(() => onSignInPage(page)).toBe('sign-in');
    await context.close();
  });

  it('reaches everything in the shell with the keyboard alone, starting at the skip link', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${env.runtime.urls.web}/console`);
    await expect.poll(() => onSignInPage(page)).toBe('sign-in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.keyboard.type('ada');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a long admin password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('console-username').textContent()).toBe('ada');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const reached: string[] = [];
    for (let step = 0; step < 10; step++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(reached).toEqual([
      'Inbox',
      'Forms',
      'Courses',
      'Reports',
      'System',
      'Users',
      'Organisation',
      'Audit log',
      'Deutsch',
      'Sign out',
    ]);
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
