import { randomUUID } from 'node:crypto';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { fixtureForm } from './fixture-form.ts';
import type { StoredMail } from './runtime.ts';

/** Publishes a small form that starts the volunteer onboarding workflow, with its own coordinators. */
export async function publishOnboardingForm(
  runtime: LocalRuntime,
  // Long enough that no reminder fires during a test, and within the workflow's one-year limit,
  // which form validation enforces (364 days until expiry at most).
  days = { reminderAfterDays: 180, escalateAfterDays: 270, expireAfterDays: 360 },
  names = ['anna', 'ben'],
) {
  const slug = `onboarding-${randomUUID().slice(0, 8)}`;
  const team = randomUUID().slice(0, 8);
  const coordinators = names.map((name) => `${name}-${team}@example.org`);
  const escalation = `lead-${team}@example.org`;
  const form = {
    ...fixtureForm(slug, { arabic: true }),
    workflow: 'volunteer-onboarding',
    settings: {
      confirmationEmailField: 'email',
      firstNameField: 'name',
      approval: {
        coordinators,
        escalationContact: escalation,
        summaryFields: ['name', 'age'],
        locale: 'de',
        ...days,
      },
    },
  };
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${runtime.auth.issueFor('alice', ['admin']).AccessToken}`,
  };
  const saved = await fetch(`${runtime.urls.api}/admin/forms/${slug}/versions`, {
    method: 'POST',
    headers,
    body: JSON.stringify(form),
  });
  if (saved.status !== 201) throw new Error(`form not saved: ${await saved.text()}`);
  await fetch(`${runtime.urls.api}/admin/forms/${slug}/versions/1/publish`, { method: 'POST', headers });
  return { slug, coordinators, escalation };
}

/** Submits an application to such a form. */
export async function applyTo(
  runtime: LocalRuntime,
  slug: string,
  locale = 'en',
  email = `applicant-${randomUUID()}@example.org`,
) {
  const submissionId = randomUUID();
  const response = await fetch(`${runtime.urls.api}/forms/${slug}/submissions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.7.${Math.floor(Math.random() * 250)}.1`,
    },
    body: JSON.stringify({
      submissionId,
      formVersion: 1,
      locale,
      data: { name: 'Amal', email, age: 34 },
      consent: { version: '2026-11-01', accepted: true },
    }),
  });
  if (response.status !== 202) throw new Error(`submission refused: ${response.status}`);
  return { submissionId, email };
}

/** The link of a kind in a mail, and its token. */
export function linkIn(mail: StoredMail, kind: 'decide' | 'answer'): [string, string] {
  const found = new RegExp(`(http://[^\\s?]+/${kind}/([A-Za-z0-9_-]{43}))`).exec(mail.body.text ?? '');
  return [found?.[1] ?? '', found?.[2] ?? ''];
}
