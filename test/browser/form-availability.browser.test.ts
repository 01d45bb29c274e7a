import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { fixtureForm } from '../support/fixture-form.ts';
import { startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
  adminToken = env.runtime.auth.issueFor('alice', ['admin']).AccessToken;
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

async function publish(extra: Record<string, unknown>): Promise<string> {
  const slug = `page-${randomUUID().slice(0, 8)}`;
  const admin = (path: string, body?: unknown) =>
    fetch(`${env.runtime.urls.api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const saved = await admin(`/admin/forms/${slug}/versions`, { ...fixtureForm(slug), ...extra });
  const { version } = (await saved.json()) as { version: number };
  expect((await admin(`/admin/forms/${slug}/versions/${version}/publish`)).status).toBe(200);
  return slug;
}

async function open(slug: string, lang: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto(`${env.runtime.urls.web}/f/${slug}?lang=${lang}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

describe('the public page and the form settings', () => {
  it('says when a form opens instead of showing it', async () => {
    const slug = await publish({ availability: { opensAt: '2099-03-01T09:00:00+01:00' } });
    const page = await open(slug, 'en');
    await expect
      .poll(() => page.getByTestId('availability-notice').textContent())
      .toBe('This form opens on March 1, 2099 at 9:00 AM.');
    expect(await page.locator('#field-name').count()).toBe(0);
  });

  it('says a closed form is closed', async () => {
    const slug = await publish({ availability: { closesAt: '2020-01-01T00:00:00Z' } });
    const page = await open(slug, 'de');
    await expect
      .poll(() => page.getByTestId('availability-notice').textContent())
      .toContain('Dieses Formular ist geschlossen');
  });

  it('shows the form confirmation text with the receipt number after sending', async () => {
    const slug = await publish({
      confirmation: { page: { de: 'Danke! Ihre Nummer: {receiptNumber}.\n\nBis bald, {organisation}.' } },
    });
    const page = await open(slug, 'de');
    await page.locator('#field-name').fill('Amal');
    await page.locator('#field-email').fill('amal@example.org');
    await page.locator('#field-consent').check();
    await page.locator('button[type="submit"]').click();
    const receipt = await page.getByTestId('receipt-number').textContent({ timeout: 15_000 });
    const texts = await page.locator('.receipt p:not(.receipt-number)').allTextContents();
    expect(texts).toEqual([`Danke! Ihre Nummer: ${receipt}.`, 'Bis bald, Lotse.']);
  });
});
