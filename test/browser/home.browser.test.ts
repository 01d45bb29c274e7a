import { deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

/** A 96×32 PNG in one colour: enough for a logo. */
function logo(): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let c = 0xffffffff;
    for (const byte of body) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE((c ^ 0xffffffff) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(96, 0);
  header.writeUInt32BE(32, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 32 }, () => Buffer.alloc(97, 0x30)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}

const formLinks = (page: Page) =>
  page.$$eval('.home-forms a', (links) =>
    links.map((link) => ({ text: link.textContent, href: link.getAttribute('href') })),
  );

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 390);

describe('the public home page on a phone', { timeout: 150_000 }, () => {
  it('lists the published forms in German, links to the staff sign-in, and has no status page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(env.runtime.urls.web);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lotse');
    await page.getByRole('heading', { name: 'Formulare' }).waitFor();
    expect(await formLinks(page)).toEqual([
      { text: 'Beratung anfragen', href: '/f/beratung-anfrage?lang=de' },
      { text: 'Unterstützung für Ihre Initiative beantragen', href: '/f/foerderantrag-initiative?lang=de' },
      {
        text: 'Anmeldung als Integrationslotsin oder Integrationslotse',
        href: '/f/integrationslotsen-registrierung?lang=de',
      },
    ]);
    await expect
      .poll(() => page.getByText('Die Beratung ist kostenlos und vertraulich', { exact: false }).count())
      .toBe(1);
    expect(await page.getByRole('link', { name: 'Anmeldung für Mitarbeitende' }).getAttribute('href')).toBe(
      '/console',
    );
    expect(await page.getByRole('button', { name: /Prüfung starten/ }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await fitsPhone(page)).toBe(true);
    await noAxeViolations(page);
    await context.close();
  });

  it("shows the organisation's name, logo, links and languages as an admin saved them, and switches language", async () => {
    const admin = `Bearer ${env.runtime.auth.issueFor('ada', ['admin']).AccessToken}`;
    const api = env.runtime.urls.api;
    const current = (await (
      await fetch(`${api}/admin/settings`, { headers: { authorization: admin } })
    ).json()) as {
      version: number;
    };
    const saved = await fetch(`${api}/admin/settings`, {
      method: 'PUT',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        version: current.version,
        name: 'Freiwilligenzentrum Nord',
        senderName: 'Freiwilligenzentrum Nord',
        privacyUrl: 'https://example.org/datenschutz',
        imprintUrl: 'https://example.org/impressum',
        locales: ['de', 'en', 'uk'],
        primaryColour: '#6b2c91',
        auditRetentionDays: 365,
        logo: logo(),
      }),
    });
    expect(saved.status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(env.runtime.urls.web);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Freiwilligenzentrum Nord');
    await expect.poll(() => page.evaluate(() => document.title)).toBe('Freiwilligenzentrum Nord');
    const image = page.locator('.home-brand img');
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(96);
    expect(await page.getByRole('link', { name: 'Datenschutz' }).getAttribute('href')).toBe(
      'https://example.org/datenschutz',
    );
    expect(await page.getByRole('link', { name: 'Impressum' }).getAttribute('href')).toBe(
      'https://example.org/impressum',
    );
    const header = await page.locator('.home-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).toBe('rgb(107, 44, 145)');
    const languages = page.getByRole('navigation', { name: /Sprache/ });
    expect(await languages.getByRole('button').allTextContents()).toEqual([
      'Deutsch',
      'English',
      'Українська',
    ]);
    await noAxeViolations(page);

    await languages.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Forms' }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await formLinks(page)).map((link) => link.text)).toEqual([
      'Ask for counselling',
      'Apply for support for your initiative',
      'Register as a volunteer integration guide',
    ]);
    expect(await page.getByRole('link', { name: 'Staff sign-in' }).getAttribute('href')).toBe('/console');
    expect(await page.getByRole('link', { name: 'Privacy notice' }).count()).toBe(1);
    await noAxeViolations(page);

    // A form not offered in Ukrainian is listed in its own language and says which languages it has.
    await page.getByRole('button', { name: 'Українська' }).click();
    await page.getByRole('heading', { name: 'Форми' }).waitFor();
    const links = await formLinks(page);
    expect(links[0]).toEqual({ text: 'Запит на консультацію', href: '/f/beratung-anfrage?lang=uk' });
    expect(links[1]).toEqual({
      text: 'Unterstützung für Ihre Initiative beantragen',
      href: '/f/foerderantrag-initiative?lang=de',
    });
    await expect.poll(() => page.getByText('Доступно мовами: Deutsch, English').count()).toBe(1);
    expect(await fitsPhone(page)).toBe(true);
    await noAxeViolations(page);

    // The visitor's choice is in the address, so a reload or a shared link keeps it.
    await page.reload();
    await page.getByRole('heading', { name: 'Форми' }).waitFor();

    // The form page carries the same name, logo, colour and links.
    await page.getByRole('link', { name: 'Запит на консультацію' }).click();
    await expect.poll(() => page.locator('.organisation').textContent()).toBe('Freiwilligenzentrum Nord');
    await expect.poll(() => page.locator('.organisation img').count()).toBe(1);
    expect(
      await page.getByRole('contentinfo').getByRole('link', { name: 'Захист даних' }).getAttribute('href'),
    ).toBe('https://example.org/datenschutz');
    const primary = await page
      .locator('.public-form')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--lotse-primary'));
    expect(primary.trim()).toBe('#6b2c91');
    await noAxeViolations(page);
    await context.close();
  });
});
