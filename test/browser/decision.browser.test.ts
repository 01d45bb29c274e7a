import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { applyTo, linkIn, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import { mailbox, startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;

beforeAll(async () => {
  // Slow enough that no reminder (180 days: 311 s here) comes between opening and deciding, even on
  // a loaded machine where a browser test takes a minute.
  [env, browser] = await Promise.all([startTestRuntime({ timeScale: 0.00002 }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const mailsTo = async (address: string) =>
  (await mailbox(env.runtime)).filter((m) => m.destination.to.includes(address));
const firstMailTo = (address: string) =>
  eventually(async () => (await mailsTo(address))[0], { what: `a mail to ${address}` });
const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

// Three browser journeys with axe checks; on a loaded two-core CI machine one can take a minute.
describe('the coordinator on a phone', { timeout: 150_000 }, () => {
  it('opens the link, sees the whole application, rejects with a shared comment; the colleague sees who decided', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const { email } = await applyTo(env.runtime, slug, 'en');
    const [anna, ben] = [
      await firstMailTo(coordinators[0] as string),
      await firstMailTo(coordinators[1] as string),
    ];
    const [annaLink] = linkIn(anna, 'decide');
    const [benLink] = linkIn(ben, 'decide');

    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      locale: 'de-DE',
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${annaLink}?action=reject`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Entscheidung: Testformular');
    await expect.poll(() => page.getByText(email).count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Ablehnen' }).isChecked()).toBe(true);
    await noAxeViolations(page);

    await page.getByLabel('Kommentar (optional)').fill('Der Kurs ist leider voll.');
    await page.getByLabel('Kommentar an die Person weitergeben').check();
    // Nothing is decided until the button is pressed.
    expect(
      await (await fetch(`${env.runtime.urls.api}/decisions/${linkIn(anna, 'decide')[1]}`)).json(),
    ).toMatchObject({ status: 'open' });
    await page.getByRole('button', { name: 'Entscheidung senden' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Entscheidung ist gespeichert');
    await noAxeViolations(page);

    const outcome = await eventually(async () =>
      (await mailsTo(email)).find((m) => (m.body.text ?? '').includes('cannot accept')),
    );
    expect(outcome.body.text).toContain('Der Kurs ist leider voll.');

    await page.goto(benLink);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`Bereits entschieden: abgelehnt von ${coordinators[0]}`);
    expect(await page.getByRole('button', { name: 'Entscheidung senden' }).count()).toBe(0);
    await noAxeViolations(page);

    await page.goto(`${env.runtime.urls.web}/decide/${'x'.repeat(43)}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Dieser Link ist ungültig');
    await noAxeViolations(page);
    await context.close();
  });

  it('asks a question; the applicant answers on their phone in Arabic, right to left', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const { email } = await applyTo(env.runtime, slug, 'ar');
    const [decideLink] = linkIn(await firstMailTo(coordinators[0] as string), 'decide');
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(decideLink);
    await page.getByRole('radio', { name: 'Rückfrage stellen' }).check();
    await page.getByLabel('Ihre Frage an die Person').fill('An welchen Tagen können Sie?');
    await page.getByRole('button', { name: 'Entscheidung senden' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('gespeichert');

    const question = await eventually(async () =>
      (await mailsTo(email)).find((m) => (m.body.text ?? '').includes('/answer/')),
    );
    const [answerLink] = linkIn(question, 'answer');
    await page.goto(answerLink);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByLabel('إجابتك').fill('الثلاثاء والخميس');
    await noAxeViolations(page);
    await page.getByRole('button', { name: 'إرسال الإجابة' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('وصلت إجابتك');
    await eventually(async () => ((await mailsTo(coordinators[0] as string)).length >= 2 ? true : undefined));
    await context.close();
  });

  it('says plainly that the workflow has ended when a decision comes too late', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const { submissionId } = await applyTo(env.runtime, slug, 'en');
    const [decideLink] = linkIn(await firstMailTo(coordinators[0] as string), 'decide');
    const arn = `${(process.env.VOLUNTEER_ONBOARDING_STATE_MACHINE_ARN as string).replace(':stateMachine:', ':execution:')}:${submissionId}`;
    await new SFNClient({}).send(new StopExecutionCommand({ executionArn: arn }));
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${decideLink}?action=approve`);
    await page.getByRole('button', { name: 'Entscheidung senden' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Das Verfahren zu dieser Anmeldung ist bereits beendet');
    expect(await page.getByRole('button', { name: 'Entscheidung senden' }).count()).toBe(0);
    await noAxeViolations(page);
    await context.close();
  });

  it('on a 390 px phone sets each radio right next to its label, at the start of the line', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    await applyTo(env.runtime, slug, 'en');
    const [decideLink] = linkIn(await firstMailTo(coordinators[0] as string), 'decide');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(decideLink);
    await page.getByRole('radio', { name: 'Annehmen' }).waitFor();
    // The radio's box and the box of its label's text (a Range: the label element itself spans the line).
    const boxes = await page.$$eval('fieldset label.choice', (labels) =>
      labels.map((label) => {
        const radio = (label.querySelector('input') as HTMLInputElement).getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(label);
        range.setStartAfter(label.querySelector('input') as HTMLInputElement);
        const text = range.getBoundingClientRect();
        const line = (label.closest('fieldset') as HTMLElement).getBoundingClientRect();
        return {
          name: label.textContent?.trim(),
          gap: text.left - radio.right,
          fromStart: radio.left - line.left,
          middles: Math.abs(radio.top + radio.height / 2 - (text.top + text.height / 2)),
          radioWidth: radio.width,
        };
      }),
    );
    expect(boxes.map((box) => box.name)).toEqual(['Annehmen', 'Ablehnen', 'Rückfrage stellen']);
    for (const box of boxes) {
      expect(box.gap, box.name).toBeGreaterThanOrEqual(0);
      expect(box.gap, box.name).toBeLessThan(16);
      expect(box.fromStart, box.name).toBeLessThan(32);
      expect(box.middles, box.name).toBeLessThan(6);
      expect(box.radioWidth, box.name).toBeLessThan(32);
    }
    await noAxeViolations(page);
    await context.close();
  });
});
