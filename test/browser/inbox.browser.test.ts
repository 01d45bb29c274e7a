import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { signInOnProviderPage } from '../support/console-sign-in.ts';
import { applyTo, linkIn, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import { mailsTo, type StoredMail, startTestRuntime } from '../support/runtime.ts';
import { assignStaff } from '../support/staff.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let browser: Browser;
let form: Awaited<ReturnType<typeof publishOnboardingForm>>;
let application: { submissionId: string; email: string; receiptNumber: string };

const password = 'a long staff password';

/** A staff account on the provider, working on the given forms. */
async function staff(username: string, role: 'coordinator' | 'viewer', forms: string[]) {
  env.runtime.auth.createUser(username, password, [role]);
  await assignStaff(env.runtime, env.runtime.auth.getUser(username).sub, forms, { role });
}

const adminHeaders = () => ({
  'content-type': 'application/json',
  authorization: `Bearer ${env.runtime.auth.issueFor('alice', ['admin']).AccessToken}`,
});

/** Its receipt number, once the application waits for a coordinator's decision. */
const waitingForDecision = (submissionId: string) =>
  eventually(
    async () => {
      const response = await fetch(`${env.runtime.urls.api}/submissions/${submissionId}`, {
        headers: adminHeaders(),
      });
      const body = (await response.json()) as { receiptNumber: string; approval?: { status: string } };
      return body.approval?.status === 'pending' ? body.receiptNumber : undefined;
    },
    { what: 'an approval waiting for a decision' },
  );

beforeAll(async () => {
  // Slow enough that no reminder comes between submitting and deciding on a loaded machine.
  [env, browser] = await Promise.all([startTestRuntime({ timeScale: 0.00002 }), launchChromium()]);
  form = await publishOnboardingForm(env.runtime);
  const other = await publishOnboardingForm(env.runtime);
  await staff('cora', 'coordinator', [form.slug]);
  await staff('vera', 'viewer', [form.slug]);
  await staff('otto', 'coordinator', [other.slug]);
  const { submissionId, email } = await applyTo(env.runtime, form.slug, 'ar');
  // Waiting for a decision: the coordinators' mail is out and the inbox shows the entry.
  await eventually(async () => (await mailsTo(env.runtime, form.coordinators[0] as string))[0], {
    what: 'the approval request',
  });
  const receiptNumber = await waitingForDecision(submissionId);
  application = { submissionId, email, receiptNumber };
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

async function signedIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${env.runtime.urls.web}/console`);
  await signInOnProviderPage(page, username, password);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/console/inbox');
  return page;
}

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
};

const rowLink = (page: Page) => page.getByRole('link', { name: application.receiptNumber });

async function search(page: Page, term: string) {
  await page.getByLabel('Name oder E-Mail-Adresse').fill(term);
  await page.getByRole('button', { name: 'Suchen', exact: true }).click();
}

describe('the inbox in the console, phone-sized', { timeout: 180_000 }, () => {
  it('a coordinator finds the application by e-mail, reads it, approves it; the e-mail link is then refused', async () => {
    const page = await signedIn('cora');
    await expect.poll(() => rowLink(page).count()).toBe(1);
    await noAxeViolations(page);
    // A status count filters by its status, in the address; the search term never goes there.
    await page.getByRole('link', { name: /Wartet auf Entscheidung/ }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=waiting');
    // The address changes before the list re-renders with the new filter: wait for the mark.
    await expect
      .poll(() => page.getByRole('link', { name: /Wartet auf Entscheidung/ }).getAttribute('aria-current'))
      .toBe('true');
    await expect.poll(() => rowLink(page).count()).toBe(1);
    await page.getByLabel('Status', { exact: true }).selectOption('approved');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=approved');
    await expect
      .poll(() => page.getByText('Keine Bewerbungen für diese Filter', { exact: false }).count())
      .toBe(1);

    await search(page, application.email);
    await expect.poll(() => page.getByText('1 Treffer').count()).toBe(1);
    expect(page.url()).not.toContain(application.email.split('@')[0]);
    await rowLink(page).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/console/inbox/${application.submissionId}`);

    // The answers in the form's own fields, labelled in the console's language.
    await expect.poll(() => page.getByLabel('Vorname').inputValue()).toBe('Amal');
    expect(await page.getByLabel('Alter').inputValue()).toBe('34');
    expect(await page.getByLabel('Vorname').isDisabled()).toBe(true);
    expect(await page.getByTestId('submitted-in').textContent()).toBe('Eingereicht auf Arabisch');
    expect(await page.getByText(application.email).count()).toBeGreaterThan(0);
    await noAxeViolations(page);

    await page.getByLabel('Neue Notiz', { exact: false }).fill('Telefonisch erreicht.');
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    await expect.poll(() => page.getByText('Telefonisch erreicht.').count()).toBe(1);
    await page.getByRole('button', { name: 'Mir zuweisen' }).click();
    await expect.poll(() => page.getByText('Zugewiesen an cora').count()).toBe(1);

    await page.getByRole('radio', { name: 'Annehmen' }).check();
    await page.getByRole('button', { name: 'Entscheiden' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toContain('erhält eine Zusage');
    await page.getByRole('button', { name: 'Entscheidung bestätigen' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Entscheidung ist gespeichert' }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByTestId('application-state').textContent())
      .toContain('Angenommen von cora');
    expect(await page.getByRole('button', { name: 'Entscheidung bestätigen' }).count()).toBe(0);
    await noAxeViolations(page);

    await eventually(
      async () =>
        (await mailsTo(env.runtime, application.email)).find((m) => (m.body.text ?? '').includes('تم قبول')),
      { what: "the applicant's acceptance" },
    );

    const [request] = await mailsTo(env.runtime, form.coordinators[0] as string);
    const [link] = linkIn(request as StoredMail, 'decide');
    await page.goto(link);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Bereits entschieden: angenommen von cora');
    expect(await page.getByRole('button', { name: 'Entscheidung senden' }).count()).toBe(0);
    await page.context().close();
  });

  it('the console loses a race to the e-mail link and says who decided', async () => {
    const race = await publishOnboardingForm(env.runtime);
    const cora = env.runtime.auth.getUser('cora').sub;
    await assignStaff(env.runtime, cora, [form.slug, race.slug], { role: 'coordinator' });
    const { submissionId } = await applyTo(env.runtime, race.slug, 'en');
    const request = await eventually(
      async () => (await mailsTo(env.runtime, race.coordinators[0] as string))[0],
      {
        what: 'the approval request',
      },
    );
    await waitingForDecision(submissionId);

    const page = await signedIn('cora');
    await page.goto(`${env.runtime.urls.web}/console/inbox/${submissionId}`);
    await page.getByRole('radio', { name: 'Ablehnen' }).check();
    await page.getByLabel('Begründung', { exact: true }).fill('Der Kurs ist voll.');
    await page.getByRole('button', { name: 'Entscheiden' }).click();
    // Meanwhile a colleague decides by the e-mail link.
    const [, token] = linkIn(request, 'decide');
    const byMail = await fetch(`${env.runtime.urls.api}/decisions/${token}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: env.runtime.urls.web,
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(byMail.ok).toBe(true);
    await page.getByRole('button', { name: 'Entscheidung bestätigen' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Bereits entschieden' }).textContent())
      .toMatch(new RegExp(`^Bereits entschieden von ${race.coordinators[0]} am .+\\.$`));
    expect(await page.getByTestId('application-state').textContent()).toContain(
      `Angenommen von ${race.coordinators[0]}`,
    );
    await page.context().close();
  });

  it('a viewer sees the application but nothing that changes it', async () => {
    const page = await signedIn('vera');
    await expect.poll(() => rowLink(page).count()).toBe(1);
    await rowLink(page).click();
    await expect.poll(() => page.getByLabel('Vorname').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(application.receiptNumber);
    expect(await page.getByRole('button').allTextContents()).toEqual(['English', 'Abmelden']);
    expect(await page.getByRole('textbox', { name: /Notiz/ }).count()).toBe(0);
    await noAxeViolations(page);
    await page.context().close();
  });

  it('a coordinator of another form finds nothing of it, and its address says not found', async () => {
    const page = await signedIn('otto');
    await expect.poll(() => page.getByText('Noch keine Bewerbungen', { exact: false }).count()).toBe(1);
    expect(await rowLink(page).count()).toBe(0);
    await search(page, application.email);
    await expect.poll(() => page.getByText('Nichts gefunden', { exact: false }).count()).toBe(1);
    await page.goto(`${env.runtime.urls.web}/console/inbox/${application.submissionId}`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('gehört nicht zu Ihren Formularen');
    expect(await page.getByText('Amal').count()).toBe(0);
    await page.context().close();
  });
});
