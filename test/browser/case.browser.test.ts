import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { eventually } from '../support/poll.ts';
import { mailbox, startTestRuntime } from '../support/runtime.ts';
import { assignStaff } from '../support/staff.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;

beforeAll(async () => {
  [env, browser] = await Promise.all([startTestRuntime({ timeScale: 0.0001 }), launchChromium()]);
  env.runtime.auth.createUser('mira', 'a long team password', ['coordinator']);
  await assignStaff(env.runtime, env.runtime.auth.getUser('mira').sub, ['beratung-anfrage']);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

describe('the team member opens a counselling case from the e-mail', () => {
  it('follows the old link into the console, signs in, sees every answer, and picks the case up', async () => {
    const submissionId = randomUUID();
    const response = await fetch(`${env.runtime.urls.api}/forms/beratung-anfrage/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        submissionId,
        formVersion: 1,
        locale: 'uk',
        data: {
          topics: ['work'],
          languages: ['uk'],
          age: 41,
          firstName: 'Olha',
          contactMethod: 'phone',
          phone: '0170 7654321',
        },
        consent: { version: '2026-11-01', accepted: true },
      }),
    });
    expect(response.status).toBe(202);
    const mail = await eventually(async () =>
      (await mailbox(env.runtime)).find(
        (m) => m.destination.to.includes('mbe-uk@example.org') && (m.body.text ?? '').includes(submissionId),
      ),
    );
    const link = /(http:\/\/\S+\/admin\/cases\/[0-9a-f-]{36})/.exec(mail.body.text ?? '')?.[1] ?? '';
    expect(mail.body.text).not.toContain('0170 7654321');

    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'de-DE' });
    const page = await context.newPage();
    // Mails already sent link to /admin/cases/{id}; the case now lives in the console.
    await page.goto(link);
    await signInOnProviderPage(page, 'mira', 'a long team password');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/console/cases/${submissionId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Beratungsfall');
    await expect.poll(() => page.getByText('0170 7654321').count()).toBe(1);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Fall übernehmen' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Übernommen von mira');
    await context.close();
  });
});
