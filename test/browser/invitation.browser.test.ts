import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestRuntime, waitForMails } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

describe('the invitation page', () => {
  it('lets an invited person set a password on a phone, naming each missing rule, then sends them to the console', async () => {
    const invited = await fetch(`${env.runtime.urls.api}/admin/users`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${env.runtime.auth.issueFor('root', ['admin']).AccessToken}`,
      },
      body: JSON.stringify({ email: 'hana@example.org', role: 'viewer', forms: ['*'], locale: 'de' }),
    });
    expect(invited.status).toBe(201);
    const [mail] = await waitForMails(env.runtime, 'hana@example.org', 1);
    const link = /(http:\/\/\S+\/invitation\/\S+)/.exec(mail?.body.text ?? '')?.[1] as string;

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(link);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Passwort festlegen');
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await page.getByLabel('Neues Passwort').fill('kurz');
    await page.getByLabel('Passwort wiederholen').fill('kurz');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('mindestens 12 Zeichen');
    expect(await alert.textContent()).toContain('einen Großbuchstaben');
    expect(await alert.textContent()).toContain('eine Ziffer');
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    await page.getByLabel('Neues Passwort').fill('Lotsen-Boot-42');
    await page.getByLabel('Passwort wiederholen').fill('Lotsen-Boot-42');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.waitForURL(`${env.runtime.urls.web}/console`);
    expect(env.runtime.auth.signIn('hana@example.org', 'Lotsen-Boot-42').AccessToken).toBeTruthy();
    await context.close();
  });
});
