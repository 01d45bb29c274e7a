import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/shared/adapters/dynamo.ts';
import { fixtureForm } from '../support/fixture-form.ts';
import { jsonApi } from '../support/json-api.ts';
import { startTestRuntime, waitForMails } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let adminToken: string;

beforeAll(async () => {
  env = await startTestRuntime();
  api = env.runtime.urls.api;
  adminToken = env.runtime.auth.issueFor('alice', ['admin']).AccessToken;
});

afterAll(async () => {
  await env?.stop();
});

const { send, admin } = jsonApi(
  () => api,
  () => adminToken,
);

type Extra = Record<string, unknown>;

async function publish(slug: string, extra: Extra): Promise<number> {
  const saved = await admin('POST', `/admin/forms/${slug}/versions`, { ...fixtureForm(slug), ...extra });
  expect(saved.status, await saved.clone().text()).toBe(201);
  const { version } = (await saved.json()) as { version: number };
  expect((await admin('POST', `/admin/forms/${slug}/versions/${version}/publish`)).status).toBe(200);
  return version;
}

const newSlug = () => `avail-${randomUUID().slice(0, 8)}`;
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

/** A distinct client per request, so the per-client rate limit stays out of the way. */
const client = () => ({
  'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`,
});

const submission = (version: number, locale = 'de', data: Extra = {}) => ({
  submissionId: randomUUID(),
  formVersion: version,
  locale,
  data: { name: 'Amal', email: `${randomUUID()}@example.org`, ...data },
  consent: { version: '2026-11-01', accepted: true },
});

const submit = (slug: string, body: unknown) => send('POST', `/forms/${slug}/submissions`, body, client());

async function availabilityOf(slug: string) {
  const response = await send('GET', `/forms/${slug}?locale=de`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { availability: { state: string; opensAt?: string } }).availability;
}

describe('opening and closing dates', () => {
  it('refuses a form that opens later, in the visitor language, and tells the page when it opens', async () => {
    const slug = newSlug();
    const opensAt = hours(24);
    const version = await publish(slug, { availability: { opensAt } });
    expect(await availabilityOf(slug)).toEqual({ state: 'not-yet-open', opensAt });
    const response = await submit(slug, submission(version, 'en'));
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toBe('This form is not open yet. Please try again later.');
  });

  it('refuses a closed form in German and leaves it off the home page', async () => {
    const slug = newSlug();
    const version = await publish(slug, { availability: { opensAt: hours(-48), closesAt: hours(-1) } });
    expect((await availabilityOf(slug)).state).toBe('closed');
    const response = await submit(slug, submission(version));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'Dieses Formular ist geschlossen',
    );
    const list = (await (await send('GET', '/forms')).json()) as { forms: { slug: string }[] };
    expect(list.forms.map((form) => form.slug)).not.toContain(slug);
  });

  it('takes submissions inside the window', async () => {
    const slug = newSlug();
    const version = await publish(slug, { availability: { opensAt: hours(-1), closesAt: hours(1) } });
    expect((await availabilityOf(slug)).state).toBe('open');
    expect((await submit(slug, submission(version))).status).toBe(202);
  });
});

describe('a maximum number of submissions', () => {
  it('gives the last seat to exactly one of five at once, counts a retry once, and then refuses', async () => {
    const slug = newSlug();
    const version = await publish(slug, { availability: { maxSubmissions: 2 } });
    const first = submission(version);
    expect((await submit(slug, first)).status).toBe(202);

    const racing = Array.from({ length: 5 }, () => submission(version));
    const statuses = await Promise.all(racing.map(async (body) => (await submit(slug, body)).status));
    expect(statuses.filter((status) => status === 202)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(4);

    // The first sender's answer got lost and it sends again: same receipt, no seat taken.
    const retry = await submit(slug, first);
    expect(retry.status).toBe(202);
    const counter = await documentClient().send(
      new GetCommand({
        TableName: env.runtime.env.TABLE_NAME as string,
        Key: { pk: `FORM#${slug}`, sk: 'COUNTER' },
      }),
    );
    expect(counter.Item?.received).toBe(2);

    const third = await submit(slug, submission(version, 'en'));
    expect(third.status).toBe(409);
    expect(((await third.json()) as { error: { message: string } }).error.message).toContain(
      'All places for this form are taken',
    );
    expect((await availabilityOf(slug)).state).toBe('full');
  });

  it('counts across versions: a new version does not reset the limit', async () => {
    const slug = newSlug();
    const first = await publish(slug, { availability: { maxSubmissions: 1 } });
    expect((await submit(slug, submission(first))).status).toBe(202);
    const second = await publish(slug, { availability: { maxSubmissions: 1 }, retentionDays: 31 });
    expect(second).toBe(first + 1);
    expect((await submit(slug, submission(second))).status).toBe(409);
  });
});

describe('listing', () => {
  it('hides an unlisted form from the home page while its link still works', async () => {
    const slug = newSlug();
    const listedSlug = newSlug();
    await publish(slug, { availability: { listed: false } });
    await publish(listedSlug, { availability: { listed: true } });
    const list = (await (await send('GET', '/forms')).json()) as { forms: { slug: string }[] };
    const slugs = list.forms.map((form) => form.slug);
    expect(slugs).not.toContain(slug);
    expect(slugs).toContain(listedSlug);
    expect((await availabilityOf(slug)).state).toBe('open');
  });
});

describe('confirmation texts', () => {
  it('sends the form confirmation mail with the placeholders filled, and gives the page its text', async () => {
    const slug = newSlug();
    const version = await publish(slug, {
      confirmation: {
        page: { de: 'Danke, {firstName}! Nummer {receiptNumber}.', en: 'Thanks! Number {receiptNumber}.' },
        emailSubject: { de: '{formTitle}: {receiptNumber}', en: 'Your {formTitle} ({receiptNumber})' },
        emailBody: {
          de: 'Hallo {firstName},\n\ndanke für Ihre Anmeldung bei {organisation}.',
          en: 'Hello {firstName},\n\nthank you for registering with {organisation}.',
        },
      },
    });
    const page = (await (await send('GET', `/forms/${slug}?locale=en`)).json()) as {
      confirmationPage?: string;
    };
    expect(page.confirmationPage).toBe('Thanks! Number {receiptNumber}.');

    const body = submission(version, 'en', { name: 'Amal' });
    const response = await submit(slug, body);
    expect(response.status).toBe(202);
    const { receiptNumber } = (await response.json()) as { receiptNumber: string };
    const [mail] = await waitForMails(env.runtime, body.data.email as string, 1);
    expect(mail?.subject).toBe(`Your Test form (${receiptNumber})`);
    expect(mail?.body.text).toContain('Hello Amal,\n\nthank you for registering with Lotse.');
    expect(mail?.body.text).toContain(receiptNumber);
    expect(mail?.body.text).not.toMatch(/\{\w+\}/);
    expect(mail?.body.html).toContain('<p>Hello Amal,</p><p>thank you for registering with Lotse.</p>');
  });

  it('previews the mail for sample values with the real layout', async () => {
    const response = await admin('POST', '/admin/forms/preview-mail', {
      locale: 'ar',
      formTitle: 'نموذج',
      emailSubject: '{formTitle} {receiptNumber}',
      emailBody: 'مرحبًا {firstName}',
    });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as { subject: string; html: string };
    expect(preview.subject).toBe('نموذج L-7K3M-9QX2');
    expect(preview.html).toContain('dir="rtl"');
    expect(preview.html).toContain('مرحبًا Alex');
  });
});
