import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/shared/adapters/dynamo.ts';
import { dynamoFormStore } from '../../functions/shared/adapters/form-store.ts';
import type { FormDefinition } from '../../functions/shared/contracts/form-definition.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { readFormFiles } from '../../infra/local/seed.ts';
import { fixtureForm } from '../support/fixture-form.ts';
import { eventually } from '../support/poll.ts';
import { mailbox, startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let adminToken: string;
let sfn: SFNClient;

beforeAll(async () => {
  env = await startTestRuntime();
  api = env.runtime.urls.api;
  adminToken = env.runtime.auth.issueFor('alice', ['admin']).AccessToken;
  sfn = new SFNClient({});
});

afterAll(async () => {
  await env?.stop();
});

const json = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
const admin = (method: string, path: string, body?: unknown) =>
  json(method, path, body, { authorization: `Bearer ${adminToken}` });

async function createPublishedForm(slug: string, options: Parameters<typeof fixtureForm>[1] = {}) {
  const saved = await admin('POST', `/admin/forms/${slug}/versions`, fixtureForm(slug, options));
  expect(saved.status).toBe(201);
  const { version } = (await saved.json()) as { version: number };
  expect((await admin('POST', `/admin/forms/${slug}/versions/${version}/publish`)).status).toBe(200);
  return version;
}

const submission = (version: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  formVersion: version,
  locale: 'de',
  data,
  consent: { version: '2026-11-01', accepted: true },
  ...extra,
});

/** A distinct client per test, so the per-client rate limit of one test does not hit another. */
const client = () => ({
  'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`,
});

describe('admin routes', () => {
  it('refuse a missing, expired, forged or wrong-role token on every admin route in the OpenAPI document', async () => {
    const openapi = (await (await fetch(`${api}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const secured = Object.entries(openapi.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.security)
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          path: path
            .replace('{slug}', 'some-form')
            .replace('{version}', '1')
            .replace('{submissionId}', randomUUID()),
          groups: (operation as { 'x-lotse-groups'?: string[] })['x-lotse-groups'] ?? [],
        })),
    );
    expect(secured.length).toBeGreaterThanOrEqual(6);
    const auth = env.runtime.auth;
    const tokens = {
      missing: undefined,
      expired: auth.issueFor('alice', ['admin'], { now: Date.now() - 7200_000, expiresInSeconds: 3600 })
        .AccessToken,
      otherIssuer: auth.issueFor('alice', ['admin'], { issuer: 'https://evil.example.org/pool' }).AccessToken,
      tampered: `${adminToken.slice(0, -4)}AAAA`,
      viewer: auth.issueFor('victor', ['viewer']).AccessToken,
      coordinator: auth.issueFor('cora', ['coordinator']).AccessToken,
    };
    for (const { method, path, groups } of secured) {
      for (const [name, token] of Object.entries(tokens)) {
        const response = await fetch(`${env.runtime.urls.web}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        if (name === 'viewer' || name === 'coordinator') {
          // A group the route allows gets past the check (then 404 for the unknown ids); others get 403.
          if (groups.includes(name)) expect(response.status, `${name} ${method} ${path}`).not.toBe(403);
          else expect(response.status, `${name} ${method} ${path}`).toBe(403);
        } else {
          expect(response.status, `${name} ${method} ${path}`).toBe(401);
        }
      }
    }
  });

  it('signs in through the Cognito API and uses the token', async () => {
    env.runtime.auth.createUser('dora', 'correct horse battery', ['admin']);
    const response = await fetch(env.runtime.urls.auth, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: env.runtime.auth.clientId,
        AuthParameters: { USERNAME: 'dora', PASSWORD: 'correct horse battery' },
      }),
    });
    const { AuthenticationResult } = (await response.json()) as {
      AuthenticationResult: { AccessToken: string };
    };
    const validated = await fetch(`${api}/admin/forms/validate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${AuthenticationResult.AccessToken}`,
      },
      body: JSON.stringify(fixtureForm('signed-in')),
    });
    expect(await validated.json()).toEqual({ valid: true, issues: [] });
  });

  it('validates drafts and names each problem', async () => {
    const broken = fixtureForm('broken-form');
    (broken.uischema.elements as Array<{ scope: string }>)[0] = {
      scope: '#/properties/nope',
      type: 'Control',
    } as never;
    delete (broken.translations.en as Record<string, string>)['email.label'];
    const result = (await (await admin('POST', '/admin/forms/validate', broken)).json()) as {
      valid: boolean;
      issues: { field: string }[];
    };
    expect(result.valid).toBe(false);
    const fields = result.issues.map((issue) => issue.field);
    expect(fields.some((field) => field.startsWith('uischema.elements.0'))).toBe(true);
    expect(fields).toContain('translations.en.email.label');
    expect((await admin('POST', '/admin/forms/broken-form/versions', broken)).status).toBe(400);
  });
});

describe('forms as data', () => {
  it('serves a newly published version at once, revalidates with ETag, and rolls back', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const v1 = await createPublishedForm(slug);
    const first = await fetch(`${api}/forms/${slug}?locale=en`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(
      ((await first.json()) as { translations: Record<string, string> }).translations['name.label'],
    ).toBe('First name');
    expect(
      (await fetch(`${api}/forms/${slug}?locale=en`, { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);

    const saved = await admin(
      'POST',
      `/admin/forms/${slug}/versions`,
      fixtureForm(slug, { nameLabel: 'Rufname' }),
    );
    const { version: v2 } = (await saved.json()) as { version: number };
    // A saved draft is not live.
    expect(((await (await fetch(`${api}/forms/${slug}`)).json()) as { version: number }).version).toBe(v1);
    await admin('POST', `/admin/forms/${slug}/versions/${v2}/publish`);
    const second = (await (
      await fetch(`${api}/forms/${slug}?locale=de`, { headers: { 'if-none-match': etag } })
    ).json()) as {
      version: number;
      translations: Record<string, string>;
    };
    expect(second.version).toBe(v2);
    expect(second.translations['name.label']).toBe('Rufname');

    const rolledBack = await admin('POST', `/admin/forms/${slug}/rollback`, {});
    expect(((await rolledBack.json()) as { publishedVersion: number }).publishedVersion).toBe(v1);
    expect(((await (await fetch(`${api}/forms/${slug}`)).json()) as { version: number }).version).toBe(v1);
    const versions = (await (await admin('GET', `/admin/forms/${slug}/versions`)).json()) as {
      versions: unknown[];
    };
    expect(versions.versions).toHaveLength(2);
    const listed = (await (await fetch(`${api}/forms`)).json()) as { forms: { slug: string }[] };
    expect(listed.forms.map((form) => form.slug)).toContain(slug);
  });

  it('answers in the requested language, falls back to the default, and marks Arabic right to left', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    await createPublishedForm(slug);
    const ar = (await (await fetch(`${api}/forms/${slug}?locale=ar`)).json()) as {
      locale: string;
      direction: string;
    };
    expect(ar).toMatchObject({ locale: 'de', direction: 'ltr' });
    const en = (await (
      await fetch(`${api}/forms/${slug}`, { headers: { 'accept-language': 'en-GB,en;q=0.8' } })
    ).json()) as { locale: string };
    expect(en.locale).toBe('en');
    expect((await fetch(`${api}/forms/no-such-form`)).status).toBe(404);
  });
});

describe('form limits', () => {
  const registration = () => {
    const file = readFormFiles(join(repositoryRoot, 'forms')).find(
      (f) => f.definition.slug === 'integrationslotsen-registrierung',
    );
    return structuredClone(file?.definition) as Record<string, unknown>;
  };

  it('lists every version of a form saved 42 times, beyond the 1 MB of one query page', async () => {
    const slug = `many-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 42; i++) {
      const saved = await admin('POST', `/admin/forms/${slug}/versions`, { ...registration(), slug });
      expect(saved.status, await saved.clone().text()).toBe(201);
    }
    const listed = (await (await admin('GET', `/admin/forms/${slug}/versions`)).json()) as {
      latestVersion: number;
      versions: { version: number }[];
    };
    expect(listed.latestVersion).toBe(42);
    expect(listed.versions.map((entry) => entry.version)).toEqual(
      Array.from({ length: 42 }, (_, index) => index + 1),
    );
  });

  it('gives concurrent saves of one form distinct consecutive numbers', async () => {
    const slug = `race-${randomUUID().slice(0, 8)}`;
    // Five at once: each save that loses the race on the counter tries again (up to five times).
    const saves = await Promise.all(
      Array.from({ length: 5 }, () => admin('POST', `/admin/forms/${slug}/versions`, fixtureForm(slug))),
    );
    expect(saves.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    const numbers = await Promise.all(
      saves.map(async (response) => ((await response.json()) as { version: number }).version),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a form too large for DynamoDB with 413 at validate and save, and uses up no version number', async () => {
    const slug = `large-${randomUUID().slice(0, 8)}`;
    expect((await admin('POST', `/admin/forms/${slug}/versions`, fixtureForm(slug))).status).toBe(201);
    const large = { ...fixtureForm(slug), description: { de: 'ä'.repeat(118_000), en: 'x'.repeat(226_000) } };
    expect(JSON.stringify(large).length).toBeGreaterThan(335_000);
    expect(Buffer.byteLength(JSON.stringify(large))).toBeGreaterThan(450 * 1024);

    for (const path of ['/admin/forms/validate', `/admin/forms/${slug}/versions`]) {
      const refused = await admin('POST', path, large);
      expect(refused.status, path).toBe(413);
      const { error } = (await refused.json()) as { error: { message: string } };
      expect(error.message).toMatch(
        /too large to save: it takes 45\d KB, and a form can take at most 380 KB/,
      );
    }
    const next = await admin('POST', `/admin/forms/${slug}/versions`, fixtureForm(slug));
    expect(((await next.json()) as { version: number }).version).toBe(2);
  });
});

describe('workflow settings', () => {
  const misspelt = (slug: string) => ({ ...fixtureForm(slug), workflow: 'volunteer-onbaording' });
  const badApproval = (slug: string) => ({
    ...fixtureForm(slug),
    workflow: 'volunteer-onboarding',
    settings: {
      approval: {
        coordinators: ['k@example.org'],
        reminderAfterDays: 7,
        escalateAfterDays: 3,
        expireAfterDays: 14,
      },
    },
  });
  const cases = [
    ['a misspelt workflow', misspelt, 'workflow'],
    ['an escalation before the reminder', badApproval, 'settings.approval.escalateAfterDays'],
  ] as const;

  it.each(cases)('refuses %s at validate and save, naming the field', async (_name, build, field) => {
    const slug = `settings-${randomUUID().slice(0, 8)}`;
    const validated = (await (await admin('POST', '/admin/forms/validate', build(slug))).json()) as {
      valid: boolean;
      issues: { field: string; message: string }[];
    };
    expect(validated.valid).toBe(false);
    expect(validated.issues.map((issue) => issue.field)).toEqual([field]);
    const saved = await admin('POST', `/admin/forms/${slug}/versions`, build(slug));
    expect(saved.status).toBe(400);
    const { error } = (await saved.json()) as { error: { issues: { field: string }[] } };
    expect(error.issues.map((issue) => issue.field)).toEqual([field]);
  });

  it.each(cases)(
    'refuses to publish a version with %s saved before the check existed',
    async (_name, build, field) => {
      const slug = `settings-${randomUUID().slice(0, 8)}`;
      // Written past the admin API, as a version saved under the old rules would be.
      const store = dynamoFormStore(documentClient(), env.runtime.env.TABLE_NAME as string);
      const definition = build(slug) as unknown as FormDefinition;
      const { version } = await store.saveVersion(definition, 'alice', new Date().toISOString());
      const published = await admin('POST', `/admin/forms/${slug}/versions/${version}/publish`);
      expect(published.status).toBe(400);
      const { error } = (await published.json()) as {
        error: { message: string; issues: { field: string }[] };
      };
      expect(error.issues.map((issue) => issue.field)).toEqual([field]);
      expect(error.message).toMatch(
        new RegExp(`^Version ${version} cannot be published until these are fixed`),
      );
      expect((await fetch(`${api}/forms/${slug}`)).status).toBe(404);
    },
  );
});

describe('the shipped forms', () => {
  const files = readFormFiles(join(repositoryRoot, 'forms'));

  it('are seeded into the empty database and served in each of their locales', async () => {
    expect([...env.runtime.seededForms].sort()).toEqual(files.map((f) => f.definition.slug).sort());
    for (const { definition } of files) {
      for (const locale of definition.locales as string[]) {
        const response = await fetch(`${api}/forms/${definition.slug}?locale=${locale}`);
        expect(response.status).toBe(200);
        const form = (await response.json()) as { locale: string; direction: string; title: string };
        expect(form.locale).toBe(locale);
        expect(form.direction).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(form.title).toBe((definition.title as Record<string, string>)[locale]);
      }
    }
  });

  it('accept a volunteer registration in Ukrainian and confirm it in Ukrainian', async () => {
    const email = `${randomUUID()}@example.org`;
    const body = submission(
      1,
      {
        firstName: 'Olena',
        lastName: 'Koval',
        email,
        postalCode: '50667',
        languages: [{ language: 'uk', level: 'native' }],
        availabilityDays: ['tue'],
        motivation: 'Ich möchte helfen.',
      },
      { locale: 'uk' },
    );
    const response = await json(
      'POST',
      '/forms/integrationslotsen-registrierung/submissions',
      body,
      client(),
    );
    expect(response.status).toBe(202);
    const mail = await eventually(async () =>
      (await mailbox(env.runtime)).find((m) => m.destination.to.includes(email)),
    );
    expect(mail.body.text).toContain('Вітаємо, Olena!');
  });
});

describe('submitting', () => {
  it('stores a valid submission, answers with a receipt, starts the workflow from the stream and confirms by e-mail', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const version = await createPublishedForm(slug);
    const email = `${randomUUID()}@example.org`;
    const body = submission(version, { name: 'Amal', email, age: 30, topics: ['housing'] });
    const response = await json('POST', `/forms/${slug}/submissions`, body, client());
    expect(response.status).toBe(202);
    const receipt = (await response.json()) as { receiptNumber: string; submissionId: string };
    expect(receipt.receiptNumber).toMatch(/^L-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const executionArn = `${process.env.SUBMISSION_RECEIVED_STATE_MACHINE_ARN?.replace(':stateMachine:', ':execution:')}:${body.submissionId}`;
    const execution = await eventually(
      async () => {
        const found = await sfn.send(new DescribeExecutionCommand({ executionArn })).catch(() => undefined);
        return found?.status === 'SUCCEEDED' ? found : undefined;
      },
      { what: 'the submission workflow' },
    );
    expect(JSON.parse(execution.input ?? '{}')).toEqual({
      submissionId: body.submissionId,
      formSlug: slug,
      formVersion: version,
    });
    expect(execution.input).not.toContain(email);

    const mail = await eventually(async () =>
      (await mailbox(env.runtime)).find((m) => m.destination.to.includes(email)),
    );
    expect(mail.subject).toContain(receipt.receiptNumber);
    expect(mail.subject).not.toContain('Amal');
    expect(mail.body.text).toContain('Hallo Amal');
  });

  it('escapes what the submitter typed in the HTML of the confirmation', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const version = await createPublishedForm(slug);
    const email = `${randomUUID()}@example.org`;
    const name = '<img src=x onerror=alert(1)>\r\nBcc: victim@example.org';
    const response = await json(
      'POST',
      `/forms/${slug}/submissions`,
      submission(version, { name, email }),
      client(),
    );
    expect(response.status).toBe(202);
    const mail = await eventually(async () =>
      (await mailbox(env.runtime)).find((m) => m.destination.to.includes(email)),
    );
    expect(mail.body.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.body.html).not.toContain('<img');
    expect(mail.destination.to).toEqual([email]);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('stores a retried submission once and refuses the same id with other answers', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const version = await createPublishedForm(slug);
    const body = submission(version, { name: 'Olena', email: `${randomUUID()}@example.org` });
    const headers = client();
    const first = (await (await json('POST', `/forms/${slug}/submissions`, body, headers)).json()) as object;
    const again = await json('POST', `/forms/${slug}/submissions`, body, headers);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(first);
    const changed = await json(
      'POST',
      `/forms/${slug}/submissions`,
      { ...body, data: { ...body.data, name: 'Other' } },
      headers,
    );
    expect(changed.status).toBe(409);
    const mails = await eventually(async () => {
      const found = (await mailbox(env.runtime)).filter((m) =>
        m.destination.to.includes(body.data.email as string),
      );
      return found.length > 0 ? found : undefined;
    });
    expect(mails).toHaveLength(1);
  });

  it("refuses invalid answers field by field in the visitor's language", async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const version = await createPublishedForm(slug);
    const response = await json(
      'POST',
      `/forms/${slug}/submissions`,
      submission(version, { email: 'nope', age: 3 }, { locale: 'en' }),
      client(),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { message: string; issues: { field: string; message: string }[] };
    };
    expect(error.message).toBe('Please check the marked answers.');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'Please fill this in.' },
        { field: 'email', message: 'Please give a valid value.' },
        { field: 'age', message: 'You must be at least {min} years old.' },
      ]),
    );
  });

  it('accepts answers valid for a superseded version, and answers 409 when they are not', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const v1 = await createPublishedForm(slug, { minAge: 14 });
    await createPublishedForm(slug, { minAge: 18 });
    const valid = await json(
      'POST',
      `/forms/${slug}/submissions`,
      submission(v1, { name: 'A', email: 'a@example.org', age: 16 }),
      client(),
    );
    expect(valid.status).toBe(202);
    const invalid = await json(
      'POST',
      `/forms/${slug}/submissions`,
      submission(v1, { name: 'A', email: 'a@example.org', age: 3 }),
      client(),
    );
    expect(invalid.status).toBe(409);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toContain(
      'Formular wurde inzwischen geändert',
    );
  });

  it('refuses bots, oversized bodies, stale consent and floods with clear 4xx answers', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const version = await createPublishedForm(slug);
    const good = { name: 'A', email: 'a@example.org' };
    const honeypot = await json(
      'POST',
      `/forms/${slug}/submissions`,
      submission(version, good, { website: 'http://spam' }),
      client(),
    );
    expect(honeypot.status).toBe(400);
    const huge = await json(
      'POST',
      `/forms/${slug}/submissions`,
      submission(version, { ...good, name: 'x'.repeat(70_000) }),
      { ...client(), 'accept-language': 'uk-UA,uk;q=0.9' },
    );
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toContain(
      'Відповіді задовгі',
    );
    const stale = await json(
      'POST',
      `/forms/${slug}/submissions`,
      submission(version, good, { consent: { version: '2020-01-01', accepted: true } }),
      client(),
    );
    expect(stale.status).toBe(409);
    const noConsent = await json(
      'POST',
      `/forms/${slug}/submissions`,
      submission(version, good, { consent: { version: '2026-11-01', accepted: false } }),
      client(),
    );
    expect(noConsent.status).toBe(400);
    const flood = client();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (await json('POST', `/forms/${slug}/submissions`, submission(version, good), flood)).status,
      );
    expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await json('POST', `/forms/${slug}/submissions`, submission(version, good), flood);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toContain('Zu viele');
  });

  it('retries a failing workflow start and never loses the submission', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const version = await createPublishedForm(slug);
    const mock = mockClient(SFNClient);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    mock
      .on(StartExecutionCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .callsFake(async (input) => {
        mock.restore();
        return new SFNClient({}).send(new StartExecutionCommand(input));
      });
    try {
      const body = submission(version, { name: 'Retry', email: `${randomUUID()}@example.org` });
      expect((await json('POST', `/forms/${slug}/submissions`, body, client())).status).toBe(202);
      const executionArn = `${process.env.SUBMISSION_RECEIVED_STATE_MACHINE_ARN?.replace(':stateMachine:', ':execution:')}:${body.submissionId}`;
      const execution = await eventually(() => sfn.send(new DescribeExecutionCommand({ executionArn })), {
        what: 'the retried start',
      });
      expect(execution.name).toBe(body.submissionId);
    } finally {
      mock.restore();
    }
  });

  it('starts a submission whose stream retries were exhausted, through the redrive', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const version = await createPublishedForm(slug);
    const mock = mockClient(SFNClient);
    mock.on(StartExecutionCommand).rejects(Object.assign(new Error('down'), { name: 'ServiceUnavailable' }));
    const body = submission(version, { name: 'Later', email: `${randomUUID()}@example.org` });
    const executionArn = `${process.env.SUBMISSION_RECEIVED_STATE_MACHINE_ARN?.replace(':stateMachine:', ':execution:')}:${body.submissionId}`;
    try {
      expect((await json('POST', `/forms/${slug}/submissions`, body, client())).status).toBe(202);
      // Let the stream give up (8 retries with backoff at the test's time scale).
      await eventually(() => (mock.commandCalls(StartExecutionCommand).length >= 9 ? true : undefined), {
        timeoutMs: 20_000,
      });
    } finally {
      mock.restore();
    }
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn }))).rejects.toThrow();
    await env.runtime.redrive(0);
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).name).toBe(body.submissionId);
  });

  it('answers any envelope whatsoever with a 2xx or a 4xx that carries a message (fuzzed over HTTP)', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const version = await createPublishedForm(slug);
    const envelope = fc.record(
      {
        submissionId: fc.oneof(fc.uuid(), fc.string()),
        formVersion: fc.oneof(fc.constant(version), fc.integer(), fc.string()),
        locale: fc.oneof(fc.constantFrom('de', 'en', 'ar'), fc.string()),
        data: fc.oneof(
          fc.dictionary(fc.constantFrom('name', 'email', 'age', 'topics', 'x'), fc.jsonValue()),
          fc.jsonValue(),
        ),
        consent: fc.oneof(fc.constant({ version: '2026-11-01', accepted: true }), fc.jsonValue()),
        website: fc.string(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(envelope, fc.jsonValue()), async (body) => {
        const response = await json('POST', `/forms/${slug}/submissions`, JSON.stringify(body), client());
        expect(response.status === 202 || (response.status >= 400 && response.status < 500)).toBe(true);
        if (response.status >= 400)
          expect(
            ((await response.json()) as { error: { message: string } }).error.message.length,
          ).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  }, 180_000);
});
