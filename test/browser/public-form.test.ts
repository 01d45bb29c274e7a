import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PublishedForm,
  submissionReceipt,
  submissionRequest,
} from '#shared/contracts/form-definition.ts';
import { messagesFor } from '../../web/src/features/public-form/messages-all.ts';
import { launchChromium } from '../support/browser.ts';
import { fillRegistration } from '../support/registration.ts';
import { startTestRuntime } from '../support/runtime.ts';
import { REGISTRATION, shippedForm, shippedForms } from '../web/support/shipped-forms.ts';

// The public form page on the real local runtime (seeded with forms/*.json, served from web/dist,
// API and all). page.route appears only to inject faults: a dropped connection and a 409.

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const phone = { viewport: { width: 375, height: 740 } };
const formUrl = (slug: string, query = '') => `${env.runtime.urls.web}/f/${slug}${query}`;

async function published(slug: string, locale: string): Promise<PublishedForm> {
  const response = await fetch(`${env.runtime.urls.api}/forms/${slug}?locale=${locale}`);
  return (await response.json()) as PublishedForm;
}

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Presses Tab until the element is focused: proves it can be reached by keyboard. */
async function tabTo(page: Page, selector: string, presses = 120) {
  for (let i = 0; i < presses; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} cannot be reached with Tab`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function openContext(locale: string): Promise<BrowserContext> {
  return browser.newContext({ ...phone, locale });
}

describe('every shipped form in every shipped language', () => {
  const cases = shippedForms().flatMap((form) => form.locales.map((locale) => [form.slug, locale] as const));

  it.each(cases)('%s in %s renders in that language, axe-clean, RTL for Arabic', async (slug, locale) => {
    const definition = shippedForm(slug);
    const context = await openContext('de-DE');
    const page = await context.newPage();
    await page.goto(formUrl(slug, `?lang=${locale}`));
    await expect.poll(() => page.locator('h1').textContent()).toBe(definition.title[locale]);
    const html = page.locator('html');
    expect(await html.getAttribute('lang')).toBe(locale);
    expect(await html.getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('.organisation').textContent()).toBeTruthy();
    // The title shows with the definition; the form itself once its validators are loaded.
    await expect.poll(() => page.locator(`a[href="${definition.consent.privacyUrl}"]`).count()).toBe(1);
    expect(await page.locator('#field-consent').getAttribute('required')).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the page loads JSON Forms and ajv only where a form is', () => {
  it('keeps the form code off the start page, and the console (React) off both', async () => {
    const context = await openContext('de-DE');
    const page = await context.newPage();
    let scripts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(new URL(response.url()).pathname);
    });
    await page.goto(env.runtime.urls.web);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lotse');
    expect(scripts.some((path) => path.includes('public-form') || path.startsWith('/assets/form-'))).toBe(
      false,
    );
    // public.html's own entry (web/vite.public.config.ts, Preact), never the console's React entry.
    expect(scripts.some((path) => path.startsWith('/assets/public-') && !path.includes('public-form'))).toBe(
      true,
    );
    expect(scripts.filter((path) => path.startsWith('/assets/index-'))).toEqual([]);
    scripts = [];
    await page.goto(formUrl(REGISTRATION));
    await expect.poll(() => page.locator('#field-firstName').count()).toBe(1);
    // form.html's own build (web/vite.form.config.ts): its entry, never the app's React entry.
    expect(scripts.some((path) => path.startsWith('/assets/form-'))).toBe(true);
    expect(scripts.filter((path) => path.startsWith('/assets/index-'))).toEqual([]);
    await context.close();
  });
});

describe('volunteer registration on a phone, by keyboard', () => {
  it('shows errors after a field is left and on submit, keeps a draft across a reload, and sends the contract body', async () => {
    const form = await published(REGISTRATION, 'de');
    const t = form.translations;
    const m = messagesFor('de');
    const context = await openContext('de-DE');
    const page = await context.newPage();
    await page.goto(formUrl(REGISTRATION));
    await expect.poll(() => page.locator('h1').textContent()).toBe(form.title);
    expect(await page.locator('label[for="field-firstName"]').textContent()).toContain(`(${m.required})`);

    // Leaving a required field empty shows its error, tied to the input.
    await tabTo(page, '#field-firstName');
    expect(
      await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle),
    ).not.toBe('none');
    await page.keyboard.press('Tab');
    const firstNameError = page.locator('#field-firstName-error');
    await expect.poll(() => firstNameError.textContent()).toContain(t['error.required']);
    const firstName = page.locator('#field-firstName');
    expect(await firstName.getAttribute('aria-invalid')).toBe('true');
    expect(await firstName.getAttribute('aria-describedby')).toContain('field-firstName-error');

    // Not while typing: the e-mail error waits until the field is left.
    await tabTo(page, '#field-email');
    await page.keyboard.type('olena.kovalenko');
    expect(await page.locator('#field-email-error').count()).toBe(0);
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.locator('#field-email-error').textContent())
      .toContain(t['email.error.format']);
    await page.locator('#field-email').focus();
    await page.keyboard.type('@example.org');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('#field-email-error').count()).toBe(0);

    await tabTo(page, '#field-lastName');
    await page.keyboard.type('Kovalenko');
    await tabTo(page, '#field-postalCode');
    await page.keyboard.type('50667');

    // The first language entry is there from the start; a second one is added and removed again.
    await page.locator('#field-languages-0-language').selectOption('uk');
    await tabTo(page, '#field-languages-0-level');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const add = page.getByRole('button', { name: t['languages.addAriaLabel'] as string });
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('field-languages-1-language');
    const language = t['languages.language.label'];
    expect(await page.locator('fieldset.array-item > legend').allTextContents()).toEqual([
      `${language} 1`,
      `${language} 2`,
    ]);
    await page.getByRole('button', { name: `${language} 2 entfernen` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('fieldset.array-item').count()).toBe(1);
    expect(await focusedId(page)).toBe('field-languages');

    await tabTo(page, '#field-availabilityDays');
    await page.keyboard.press('Space');

    // A reload half-way keeps everything typed so far, and the submission id.
    const draftKey = `lotse:draft:${REGISTRATION}:${form.version}`;
    await expect
      .poll(() => page.evaluate((k) => localStorage.getItem(k), draftKey))
      .toContain('"availabilityDays":["mon"]');
    const idBefore = JSON.parse(
      (await page.evaluate((k) => localStorage.getItem(k), draftKey)) as string,
    ).submissionId;
    await page.reload();
    await expect.poll(() => page.locator('#field-lastName').inputValue()).toBe('Kovalenko');
    expect(await page.locator('#field-email').inputValue()).toBe('olena.kovalenko@example.org');
    expect(await page.locator('#field-languages-0-language').inputValue()).not.toBe('');
    expect(await page.locator('#field-languages-0-level-3').isChecked()).toBe(true);
    expect(await page.locator('#field-availabilityDays').isChecked()).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: m.draftRestored }).count()).toBe(1);

    // Submitting with the first name and consent missing: summary announced, focused, linking to the fields.
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary[role="alert"]');
    await expect.poll(() => summary.count()).toBe(1);
    // Focus moves in the same commit the summary appears in (a layout effect), not a frame later.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const links = summary.locator('a');
    expect(await links.allTextContents()).toEqual([
      `${t['firstName.label']}: ${t['error.required']}`,
      `${t['motivation.label']}: ${t['error.required']}`,
      `${m.consentTitle}: ${m.consentRequired}`,
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('field-firstName');
    await page.keyboard.type('Olena');

    await tabTo(page, '#field-motivation');
    await page.keyboard.type('Ich möchte Menschen beim Ankommen helfen.');
    await tabTo(page, '#field-consent');
    await page.keyboard.press('Space');

    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/submissions'));
    const answered = page.waitForResponse((r) => r.url().endsWith('/submissions'));
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    const body = submissionRequest.parse((await posted).postDataJSON());
    expect(body).toEqual({
      submissionId: idBefore,
      formVersion: form.version,
      locale: 'de',
      data: {
        firstName: 'Olena',
        lastName: 'Kovalenko',
        email: 'olena.kovalenko@example.org',
        postalCode: '50667',
        languages: [{ language: 'uk', level: 'native' }],
        availabilityDays: ['mon'],
        motivation: 'Ich möchte Menschen beim Ankommen helfen.',
      },
      consent: { version: form.consent.version, accepted: true },
      website: '',
    });
    const response = await answered;
    expect(response.status()).toBe(202);
    const receipt = submissionReceipt.parse(await response.json());

    await expect.poll(() => page.locator('#receipt-title').textContent()).toBe(m.receiptTitle);
    expect(await focusedId(page)).toBe('receipt-title');
    expect(await page.getByTestId('receipt-number').textContent()).toBe(receipt.receiptNumber);
    expect(await page.locator('.receipt').textContent()).toContain(m.receiptNext);
    expect(await page.evaluate((k) => localStorage.getItem(k), draftKey)).toBeNull();
    expect(page.url()).toBe(formUrl(REGISTRATION));
    expect(await page.locator('form.public-form-fields').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the error summary', () => {
  it('lists the problems in the order of the fields on the page', async () => {
    const form = await published(REGISTRATION, 'uk');
    const context = await openContext('uk-UA');
    const page = await context.newPage();
    await page.goto(formUrl(REGISTRATION));
    await page.locator('#field-phone').fill('12');
    await page.getByRole('button', { name: messagesFor('uk').submit }).click();
    const links = await page.locator('.error-summary a').allTextContents();
    const position = (key: string) =>
      links.findIndex((text) => text.startsWith(`${form.translations[key]}:`));
    const order = ['firstName.label', 'lastName.label', 'email.label', 'phone.label', 'postalCode.label'].map(
      position,
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(links.at(-1)).toBe(`${messagesFor('uk').consentTitle}: ${messagesFor('uk').consentRequired}`);
    await context.close();
  });
});

/** Fills the registration's required answers directly (this test is about what happens after). */
const fillRequired = (page: Page) => fillRegistration(page);

describe('when sending does not work', () => {
  it('keeps the answers, retries with the same submission id, and switches language without losing them', async () => {
    const context = await openContext('ar');
    const page = await context.newPage();
    await page.goto(formUrl(REGISTRATION));
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');

    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(new URL(page.url()).search).toBe('?lang=de');
    await fillRequired(page);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#field-lastName').inputValue()).toBe('Haddad');

    const ids: string[] = [];
    const record = (request: Request) => {
      if (request.method() === 'POST') ids.push(request.postDataJSON().submissionId);
    };
    page.on('request', record);
    await page.route('**/api/forms/*/submissions', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: messagesFor('ar').submit }).click();
    await expect
      .poll(() => page.locator('.notice[role="alert"]').textContent())
      .toContain(messagesFor('ar').networkError);
    expect(await page.locator('#field-firstName').inputValue()).toBe('Ahmad');

    await page.unroute('**/api/forms/*/submissions');
    await page.getByRole('button', { name: messagesFor('ar').submit }).click();
    await expect
      .poll(() => page.locator('#receipt-title').textContent())
      .toBe(messagesFor('ar').receiptTitle);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect((await page.locator('[data-testid="receipt-number"]').textContent())?.startsWith('L-')).toBe(true);
    await context.close();
  });

  it('offers to load the new version after a 409 and keeps what was typed', async () => {
    const context = await openContext('en-GB');
    const page = await context.newPage();
    await page.goto(formUrl(REGISTRATION));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await fillRequired(page);
    const conflict = {
      error: { code: 'conflict', message: 'The form has changed in the meantime.' },
      correlationId: 'c-409',
    };
    const sentIds: string[] = [];
    await page.route('**/api/forms/*/submissions', (route) => {
      sentIds.push(route.request().postDataJSON().submissionId);
      return route.fulfill({ status: 409, json: conflict });
    });
    await page.getByRole('button', { name: messagesFor('en').submit }).click();
    const notice = page.locator('.notice[role="alert"]');
    await expect.poll(() => notice.textContent()).toContain(conflict.error.message);
    expect(await notice.textContent()).toContain('c-409');

    const refetched = page.waitForResponse(
      (r) => r.request().method() === 'GET' && r.url().includes('/api/forms/'),
    );
    await notice.getByRole('button', { name: messagesFor('en').reloadForm }).click();
    expect([200, 304]).toContain((await refetched).status());
    await expect.poll(() => page.locator('main[aria-busy]').count()).toBe(0);
    expect(await page.locator('#field-email').inputValue()).toBe('ahmad@example.org');
    // Nothing was stored under the refused id (or something else was): the next try gets its own.
    const draft = await page.evaluate(
      () => Object.entries(localStorage).find(([key]) => key.startsWith('lotse:draft:'))?.[1],
    );
    expect(sentIds).toHaveLength(1);
    expect(JSON.parse(draft ?? '{}').submissionId).not.toBe(sentIds[0]);
    await context.close();
  });
});

describe('typing commits to JSON Forms after a pause, never losing a keystroke', () => {
  it('sends the last keystroke when Enter follows it at once', async () => {
    const context = await openContext('de-DE');
    const page = await context.newPage();
    await page.goto(formUrl(REGISTRATION));
    await fillRequired(page);
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/submissions'));
    await page.locator('#field-postalCode').fill('');
    await page.locator('#field-postalCode').focus();
    await page.keyboard.type('10115');
    await page.keyboard.press('Enter');
    expect((await posted).postDataJSON().data.postalCode).toBe('10115');
    await expect.poll(() => page.locator('#receipt-title').count()).toBe(1);
    await context.close();
  });

  it("shows the server's 400 on its field until the field is corrected, while typing", async () => {
    const context = await openContext('de-DE');
    const page = await context.newPage();
    await page.goto(formUrl(REGISTRATION));
    await fillRequired(page);
    const refusal = {
      error: {
        code: 'validation_failed',
        message: 'Invalid request',
        issues: [{ field: 'postalCode', message: 'Diese Postleitzahl gibt es nicht.' }],
      },
      correlationId: 'c-400',
    };
    await page.route('**/api/forms/*/submissions', (route) => route.fulfill({ status: 400, json: refusal }));
    await page.getByRole('button', { name: messagesFor('de').submit }).click();
    const error = page.locator('#field-postalCode-error');
    await expect.poll(() => error.textContent()).toContain('Diese Postleitzahl gibt es nicht.');
    // Still typing (no blur): the issue closes once the changed value reaches the form.
    await page.locator('#field-postalCode').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10115');
    await expect.poll(() => error.count()).toBe(0);
    expect(await page.locator('#field-postalCode').evaluate((e) => e === document.activeElement)).toBe(true);
    await context.close();
  });
});
