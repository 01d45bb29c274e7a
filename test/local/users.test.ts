import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../functions/shared/contracts/users.ts';
import { INVITATION_VALIDITY_MS } from '../../infra/local/auth/invitations.ts';
import { applyTo, publishOnboardingForm } from '../support/onboarding.ts';
import { startTestRuntime, waitForMails } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
// An admin known to the token only (not in the pool), like a script's: it may change anyone.
let root: string;

beforeAll(async () => {
  env = await startTestRuntime();
  api = env.runtime.urls.api;
  root = env.runtime.auth.issueFor('root', ['admin']).AccessToken;
  // As `npm start` does: the pool has one admin before anybody is invited.
  env.runtime.auth.ensureFirstAdmin();
}, 120_000);
afterAll(async () => env?.stop());

const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
  fetch(`${api}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const invite = (body: Record<string, unknown>, token = root) => call('POST', '/admin/users', token, body);
const update = (id: string, body: Record<string, unknown>, token = root) =>
  call('PATCH', `/admin/users/${id}`, token, body);

/** The newest invitation link in the mails to an address, and its token. */
async function invitationLink(address: string, count = 1) {
  const mails = await waitForMails(env.runtime, address, count);
  const mail = mails.sort((a, b) => a.at - b.at).at(-1);
  const match = /(http:\/\/[^\s]+\/invitation\/([A-Za-z0-9_-]{43}))/.exec(mail?.body.text ?? '');
  expect(match, mail?.body.text).not.toBeNull();
  return { link: match?.[1] as string, subject: mail?.subject ?? '', text: mail?.body.text ?? '' };
}

const setPassword = (link: string, password: string, confirm = password) =>
  fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ password, confirm }).toString(),
  });

const PASSWORD = 'Harbour-Pilot-7x';

async function auditActions(targetId: string): Promise<string[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: env.runtime.urls.dynamodb }));
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: env.runtime.env.TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#${new Date().toISOString().slice(0, 7)}` },
    }),
  );
  return Items.filter((item) => item.target?.id === targetId).map((item) => String(item.action));
}

describe('staff accounts', () => {
  it('invites by e-mail, the invitee sets a password once, and role, forms and disabling hold on the next request', async () => {
    const { slug } = await publishOnboardingForm(env.runtime);
    const { submissionId } = await applyTo(env.runtime, slug);

    const invited = await invite({
      email: ' Cleo@Example.ORG ',
      role: 'coordinator',
      forms: [],
      locale: 'en',
    });
    expect(invited.status, await invited.clone().text()).toBe(201);
    const cleo = (await invited.json()) as UserView;
    expect(cleo).toMatchObject({
      email: 'cleo@example.org',
      role: 'coordinator',
      status: 'invited',
      enabled: true,
    });
    expect(
      (await invite({ email: 'cleo@example.org', role: 'viewer', forms: [], locale: 'de' })).status,
    ).toBe(409);

    const { link, subject, text } = await invitationLink('cleo@example.org');
    expect(subject).toBe('Invitation to Lotse');
    expect(text).toContain(`${env.runtime.urls.web}/console`);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="en">');
    expect(await (await fetch(`${link}?lang=de`)).text()).toContain('Passwort festlegen');

    const weak = await setPassword(link, 'harbour');
    expect(weak.status).toBe(422);
    const weakPage = await weak.text();
    for (const rule of ['at least 12 characters', 'an upper-case letter', 'a digit'])
      expect(weakPage).toContain(rule);
    expect((await setPassword(link, PASSWORD, `${PASSWORD}x`)).status).toBe(422);
    expect(() => env.runtime.auth.signIn('cleo@example.org', PASSWORD)).toThrow(
      'Incorrect username or password.',
    );

    const accepted = await setPassword(link, PASSWORD);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`${env.runtime.urls.web}/console`);
    expect((await setPassword(link, 'Another-Pilot-8x')).status).toBe(410);

    const token = env.runtime.auth.signIn('cleo@example.org', PASSWORD).AccessToken;
    const timeline = () => call('GET', `/admin/submissions/${submissionId}/timeline`, token);
    // Not assigned to the form yet: the submission is not theirs to see.
    expect((await timeline()).status).toBe(404);
    expect((await update(cleo.id, { forms: [slug] })).status).toBe(200);
    expect((await timeline()).status).toBe(200);

    expect((await call('GET', '/admin/users', token)).status).toBe(403);
    expect((await update(cleo.id, { role: 'admin' })).status).toBe(200);
    expect((await call('GET', '/admin/users', token)).status).toBe(200);
    expect((await update(cleo.id, { role: 'viewer' })).status).toBe(200);
    expect((await call('GET', '/admin/users', token)).status).toBe(403);
    expect((await timeline()).status).toBe(403);
    expect((await update(cleo.id, { role: 'coordinator' })).status).toBe(200);

    const disabled = await update(cleo.id, { enabled: false });
    expect(((await disabled.json()) as UserView).status).toBe('disabled');
    expect((await timeline()).status).toBe(403);
    expect(() => env.runtime.auth.signIn('cleo@example.org', PASSWORD)).toThrow('User is disabled.');
    expect(env.runtime.auth.getUser('cleo@example.org').signedOutAt).toBeDefined();

    expect((await update(cleo.id, { enabled: true })).status).toBe(200);
    expect((await timeline()).status).toBe(200);
    const fresh = env.runtime.auth.signIn('cleo@example.org', PASSWORD).AccessToken;
    expect((await call('GET', `/admin/submissions/${submissionId}/timeline`, fresh)).status).toBe(200);

    const listed = (await (await call('GET', '/admin/users', root)).json()) as { users: UserView[] };
    expect(listed.users.find((user) => user.id === cleo.id)).toMatchObject({
      role: 'coordinator',
      forms: [slug],
      status: 'active',
    });
    expect(await auditActions(cleo.id)).toEqual(expect.arrayContaining(['user.invite', 'user.update']));
  });

  it('resending voids the old link, and an expired link is refused', async () => {
    const response = await invite({ email: 'dora@example.org', role: 'viewer', forms: ['*'], locale: 'de' });
    const dora = (await response.json()) as UserView;
    const first = await invitationLink('dora@example.org');
    expect(first.subject).toBe('Einladung zu Lotse');

    expect((await call('POST', `/admin/users/${dora.id}/invitation`, root)).status).toBe(202);
    const second = await invitationLink('dora@example.org', 2);
    expect(second.link).not.toBe(first.link);
    expect((await fetch(first.link)).status).toBe(404);
    expect(await auditActions(dora.id)).toContain('user.resend-invitation');

    const realNow = env.runtime.auth.now;
    env.runtime.auth.now = () => realNow() + INVITATION_VALIDITY_MS + 60_000;
    try {
      const expired = await setPassword(second.link, PASSWORD);
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain('abgelaufen');
    } finally {
      env.runtime.auth.now = realNow;
    }
    expect((await setPassword(second.link, PASSWORD)).status).toBe(303);
    expect((await call('POST', `/admin/users/${dora.id}/invitation`, root)).status).toBe(409);
  });

  it('keeps an admin from demoting or disabling themselves, and the last enabled admin an admin', async () => {
    const response = await invite({ email: 'erin@example.org', role: 'admin', forms: ['*'], locale: 'en' });
    const erin = (await response.json()) as UserView;
    await setPassword((await invitationLink('erin@example.org')).link, PASSWORD);
    const erinToken = env.runtime.auth.signIn('erin@example.org', PASSWORD).AccessToken;

    const selfDemotion = await update(erin.id, { role: 'viewer' }, erinToken);
    expect(selfDemotion.status).toBe(409);
    expect(((await selfDemotion.json()) as { error: { message: string } }).error.message).toContain(
      'your own admin role',
    );
    expect((await update(erin.id, { enabled: false }, erinToken)).status).toBe(409);

    // With the first admin demoted, Erin is the only admin in the pool: nobody, not even another
    // admin's token, removes her.
    const first = env.runtime.auth.getUser('admin');
    expect((await update(first.sub, { role: 'viewer' })).status).toBe(200);
    const last = await update(erin.id, { role: 'coordinator' });
    expect(last.status).toBe(409);
    expect(((await last.json()) as { error: { message: string } }).error.message).toContain(
      'last enabled admin',
    );
    expect((await update(erin.id, { enabled: false })).status).toBe(409);
  });

  it('answers bad input with 400 naming the field, and unknown users with 404', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-address', role: 'viewer', forms: [], locale: 'de' }, 'email'],
      [{ email: 'f@example.org', role: 'owner', forms: [], locale: 'de' }, 'role'],
      [{ email: 'f@example.org', role: 'viewer', forms: ['no-such-form'], locale: 'de' }, 'forms.0'],
      [{ email: 'f@example.org', role: 'viewer', forms: [], teams: ['nope'], locale: 'de' }, 'teams.0'],
      [{ email: 'f@example.org', role: 'viewer', forms: [], locale: 'fr' }, 'locale'],
      [{ role: 'viewer', forms: [], locale: 'de' }, 'email'],
    ];
    for (const [body, field] of cases) {
      const response = await invite(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = (await response.json()) as { error: { issues: { field: string }[] } };
      expect(error.issues.map((issue) => issue.field)).toContain(field);
    }
    const teams = await invite({
      email: 'gus@example.org',
      role: 'coordinator',
      forms: ['beratung-anfrage'],
      teams: ['jmd'],
      locale: 'de',
    });
    expect(teams.status, await teams.clone().text()).toBe(201);
    expect(((await teams.json()) as UserView).teams).toEqual(['jmd']);
    const gus = env.runtime.auth.getUser('gus@example.org');
    const unknownField = await update(gus.sub, { colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect((await update(gus.sub, {})).status).toBe(400);
    expect((await update('no-such-user', { role: 'viewer' })).status).toBe(404);
  });
});
