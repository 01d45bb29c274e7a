import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/shared/adapters/dynamo.ts';
import { dynamoStaffStore } from '../../functions/shared/adapters/staff-store.ts';
import type { UserGroup } from '../../infra/local/auth/local-auth.ts';
import { fixtureForm } from '../support/fixture-form.ts';
import { linkIn, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import { mailsTo, startTestRuntime, waitForMails } from '../support/runtime.ts';

/**
 * The inbox on the local runtime: entries and counts follow real workflows through the stream,
 * the console decides on the same task token as the e-mail link, and scope and roles hold.
 * One hour of workflow time lasts 0.36 s here, so nothing reminds or expires during a test.
 */
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let web: string;
const client = () => documentClient();
const table = () => process.env.TABLE_NAME as string;

let onboarding: Awaited<ReturnType<typeof publishOnboardingForm>>;
let other: string;

beforeAll(async () => {
  env = await startTestRuntime({ timeScale: 0.0001 });
  api = env.runtime.urls.api;
  web = env.runtime.urls.web;
  onboarding = await publishOnboardingForm(env.runtime);
  other = await publishReceivedForm();
  const staff = dynamoStaffStore(client(), table());
  const profile = (username: string, forms: string[]) =>
    staff.put({
      sub: `test-${username}`,
      username,
      forms,
      updatedAt: new Date().toISOString(),
      updatedBy: 'test',
    });
  await profile('cora', [onboarding.slug, 'beratung-anfrage']);
  await profile('colin', [onboarding.slug]);
  await profile('vera', [onboarding.slug]);
  await profile('otto', [other]);
});

afterAll(async () => {
  await env?.stop();
});

const tokenOf = (username: string, group: UserGroup) =>
  env.runtime.auth.issueFor(username, [group]).AccessToken as string;
const as = {
  admin: () => tokenOf('alice', 'admin'),
  cora: () => tokenOf('cora', 'coordinator'),
  colin: () => tokenOf('colin', 'coordinator'),
  viewer: () => tokenOf('vera', 'viewer'),
  otto: () => tokenOf('otto', 'coordinator'),
};

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: the tests read the answers' JSON loosely
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, any> };
}

async function publishReceivedForm(): Promise<string> {
  const slug = `requests-${randomUUID().slice(0, 8)}`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${as.admin()}` };
  const saved = await fetch(`${api}/admin/forms/${slug}/versions`, {
    method: 'POST',
    headers,
    body: JSON.stringify(fixtureForm(slug)),
  });
  expect(saved.status).toBe(201);
  await fetch(`${api}/admin/forms/${slug}/versions/1/publish`, { method: 'POST', headers });
  return slug;
}

async function apply(slug: string, name = 'Amal', email = `applicant-${randomUUID()}@example.org`) {
  const submissionId = randomUUID();
  const response = await fetch(`${api}/forms/${slug}/submissions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.9.${randomOctet()}.${randomOctet()}`,
    },
    body: JSON.stringify({
      submissionId,
      formVersion: 1,
      locale: 'en',
      data: { name, email, age: 34 },
      consent: { version: '2026-11-01', accepted: true },
    }),
  });
  expect(response.status).toBe(202);
  return { submissionId, email };
}
const randomOctet = () => Math.floor(Math.random() * 250) + 1;

/** The detail, once the application is listed in the inbox with that status. */
const statusOf = (submissionId: string, status: string, slug = onboarding.slug) =>
  eventually(
    async () => {
      const listed = await call('GET', `/inbox?form=${slug}&status=${status}&limit=100`, as.admin());
      if (!listed.body.items.some((row: { submissionId: string }) => row.submissionId === submissionId))
        return undefined;
      return (await call('GET', `/submissions/${submissionId}`, as.admin())).body;
    },
    { what: `${submissionId} to be ${status}`, timeoutMs: 30_000 },
  );

/** How many entries the indexes hold for a form: per status on gsi3, in all on gsi2. */
async function indexCount(slug: string, status?: string): Promise<number> {
  const { Count = 0 } = await client().send(
    new QueryCommand({
      TableName: table(),
      IndexName: status ? 'gsi3' : 'gsi2',
      KeyConditionExpression: status ? 'gsi3pk = :pk' : 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': status ? `INBOX#${slug}#${status}` : `INBOX#${slug}` },
      Select: 'COUNT',
    }),
  );
  return Count;
}

const countsOf = async (slug: string) =>
  (await call('GET', `/inbox/counts?form=${slug}`, as.admin())).body.forms[slug] as Record<string, number>;

const decideByMail = (token: string, body: unknown) =>
  fetch(`${api}/decisions/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: web, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify(body),
  });

async function decisionLinkFor(address: string, count: number) {
  const mails = await waitForMails(env.runtime, address, count);
  return linkIn(mails[count - 1] as (typeof mails)[number], 'decide')[1];
}

describe('the inbox follows the workflows', () => {
  it('submit → waiting → approved in the console: entry and counts move; the e-mail link then gets 409 naming who decided', async () => {
    const before = await countsOf(onboarding.slug);
    const coordinator = onboarding.coordinators[0] as string;
    const mailsBefore = (await mailsTo(env.runtime, coordinator)).length;
    const { submissionId, email } = await apply(onboarding.slug, 'Jonas Weber');
    await statusOf(submissionId, 'waiting');
    const waiting = await countsOf(onboarding.slug);
    expect(waiting.waiting).toBe((before.waiting ?? 0) + 1);
    expect(waiting.total).toBe((before.total ?? 0) + 1);

    const detail = (await call('GET', `/submissions/${submissionId}`, as.cora())).body;
    expect(detail.answers).toMatchObject({ name: 'Jonas Weber', email });
    expect(detail.form.slug).toBe(onboarding.slug);
    expect(detail.form.translations.en['name.label']).toBe('First name');
    expect(detail.consent).toMatchObject({ version: '2026-11-01', locale: 'en' });
    expect(detail.approval.status).toBe('pending');
    expect(detail.approval).not.toHaveProperty('taskToken');

    const link = await decisionLinkFor(coordinator, mailsBefore + 1);
    const decided = await call('POST', `/submissions/${submissionId}/decision`, as.cora(), {
      decision: 'approve',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', decidedBy: 'cora' });
    await statusOf(submissionId, 'approved');
    const after = await countsOf(onboarding.slug);
    expect(after.waiting).toBe(before.waiting ?? 0);
    expect(after.approved).toBe((before.approved ?? 0) + 1);
    expect(after.total).toBe(waiting.total);
    await waitForMails(env.runtime, email, 2); // the receipt and the outcome

    const late = await decideByMail(link, { decision: 'reject' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(
      /Already decided.*approved by cora at \d{4}-/,
    );
    const month = new Date().toISOString().slice(0, 7);
    const { Items = [] } = await client().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#target.id = :id',
        ExpressionAttributeNames: { '#target': 'target' },
        ExpressionAttributeValues: { ':pk': `AUDIT#${month}`, ':id': submissionId },
      }),
    );
    expect(Items.map((item) => item.action)).toEqual(['submission.decide']);
    expect(JSON.stringify(Items)).not.toContain(email);
  });

  it('decided by the e-mail link first: the console gets 409 naming the coordinator', async () => {
    const coordinator = onboarding.coordinators[1] as string;
    const mailsBefore = (await mailsTo(env.runtime, coordinator)).length;
    const { submissionId } = await apply(onboarding.slug, 'Lea Roth');
    const token = await decisionLinkFor(coordinator, mailsBefore + 1);
    expect((await decideByMail(token, { decision: 'reject', comment: 'Sorry' })).status).toBe(200);
    const lost = await call('POST', `/submissions/${submissionId}/decision`, as.colin(), {
      decision: 'approve',
    });
    expect(lost.status).toBe(409);
    expect(lost.body.error.message).toContain(`rejected by ${coordinator} at`);
    await statusOf(submissionId, 'rejected');
  });

  it('a redelivered stream record does not count twice, even when two copies race', async () => {
    const { submissionId } = await apply(onboarding.slug, 'Mira Stein');
    await statusOf(submissionId, 'waiting');
    // Put the entry back where it was before the approval's record arrived (as if it had not yet).
    await client().send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: `SUBMISSION#${submissionId}`, sk: 'INBOX' },
        UpdateExpression: 'SET #status = :new, gsi3pk = :gsi3',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':new': 'new', ':gsi3': `INBOX#${onboarding.slug}#new` },
      }),
    );
    await client().send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: `INBOX-COUNTS#${onboarding.slug}`, sk: 'COUNTS' },
        UpdateExpression: 'ADD #new :one, waiting :minus',
        ExpressionAttributeNames: { '#new': 'new' },
        ExpressionAttributeValues: { ':one': 1, ':minus': -1 },
      }),
    );
    const { Item } = await client().send(
      new GetCommand({ TableName: table(), Key: { pk: `SUBMISSION#${submissionId}`, sk: 'APPROVAL' } }),
    );
    const record = {
      eventID: randomUUID(),
      eventName: 'MODIFY',
      dynamodb: {
        Keys: marshall({ pk: Item?.pk, sk: Item?.sk }),
        NewImage: marshall(Item as Record<string, unknown>, { removeUndefinedValues: true }),
        SequenceNumber: '1',
      },
    };
    await Promise.all([
      env.runtime.invoke('inbox-project', { Records: [record] }),
      env.runtime.invoke('inbox-project', { Records: [record] }),
    ]);
    await env.runtime.invoke('inbox-project', { Records: [record] });
    // Whatever the stream delivers meanwhile, the counts must equal the entries the indexes hold.
    const counts = await countsOf(onboarding.slug);
    expect(counts.new).toBe(await indexCount(onboarding.slug, 'new'));
    expect(counts.waiting).toBe(await indexCount(onboarding.slug, 'waiting'));
    expect(counts.total).toBe(await indexCount(onboarding.slug));
    await statusOf(submissionId, 'waiting');
  });
});

describe('finding applications', () => {
  it('filters by status, step, dates and assignment, and searches name and e-mail folded', async () => {
    const muller = await apply(
      onboarding.slug,
      'Jürgen Müller',
      `J.Mueller-${randomUUID().slice(0, 6)}@Example.org`,
    );
    const other = await apply(onboarding.slug, 'Amal Haddad');
    await statusOf(muller.submissionId, 'waiting');
    await statusOf(other.submissionId, 'waiting');

    const waiting = await call('GET', `/inbox?form=${onboarding.slug}&status=waiting&limit=100`, as.cora());
    expect(waiting.status).toBe(200);
    const ids = waiting.body.items.map((row: { submissionId: string }) => row.submissionId);
    expect(ids).toEqual(expect.arrayContaining([muller.submissionId, other.submissionId]));
    expect(waiting.body.items.every((row: { status: string }) => row.status === 'waiting')).toBe(true);
    expect(waiting.body.items[0]).not.toHaveProperty('applicantEmail');
    const byStep = await call('GET', `/inbox?form=${onboarding.slug}&step=done&limit=100`, as.cora());
    expect(byStep.body.items.map((row: { submissionId: string }) => row.submissionId)).not.toContain(
      muller.submissionId,
    );
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await call('GET', `/inbox?form=${onboarding.slug}&from=${tomorrow}`, as.cora());
    expect(future.body.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const range = await call(
      'GET',
      `/inbox?form=${onboarding.slug}&from=${today}&to=${today}&limit=100`,
      as.cora(),
    );
    expect(range.body.items.map((row: { submissionId: string }) => row.submissionId)).toContain(
      muller.submissionId,
    );

    expect(
      (await call('PUT', `/submissions/${muller.submissionId}/assignee`, as.cora(), { sub: 'test-cora' }))
        .status,
    ).toBe(200);
    const mine = await call('GET', '/inbox?assigned=me', as.cora());
    expect(mine.body.items.map((row: { submissionId: string }) => row.submissionId)).toEqual([
      muller.submissionId,
    ]);
    expect(mine.body.items[0].assignee).toEqual({ sub: 'test-cora', username: 'cora' });
    expect((await call('GET', '/inbox?assigned=me', as.colin())).body.items).toEqual([]);
    const toColleague = await call('PUT', `/submissions/${muller.submissionId}/assignee`, as.cora(), {
      sub: 'test-colin',
    });
    expect(toColleague.body.assignee).toEqual({ sub: 'test-colin', username: 'colin' });
    expect((await call('GET', '/inbox?assigned=me', as.cora())).body.items).toEqual([]);

    const search = async (q: string) =>
      (await call('POST', '/inbox/search', as.cora(), { q })).body.items.map(
        (row: { submissionId: string }) => row.submissionId,
      );
    expect(await search('mül')).toContain(muller.submissionId);
    expect(await search('MUL')).toContain(muller.submissionId);
    expect(await search('jürgen müller')).toEqual([muller.submissionId]);
    expect(await search(muller.email.toUpperCase())).toEqual([muller.submissionId]);
    expect(await search('haddad')).toContain(other.submissionId);
    expect(await search('haddad')).not.toContain(muller.submissionId);
  });

  it('pages stay stable: no row twice or lost, newest first, while new applications arrive', async () => {
    const slug = await publishReceivedForm();
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await apply(slug, `Person ${i}`)).submissionId);
    await eventually(async () => {
      const counts = await countsOf(slug);
      return counts.total === 5 ? counts : undefined;
    });
    const first = await call('GET', `/inbox?form=${slug}&limit=2`, as.admin());
    expect(first.body.items).toHaveLength(2);
    const late = await apply(slug, 'Late Comer');
    await statusOf(late.submissionId, 'new', slug);
    const seen = first.body.items.map((row: { submissionId: string }) => row.submissionId);
    let cursor = first.body.cursor as string | undefined;
    while (cursor) {
      const page = await call('GET', `/inbox?form=${slug}&limit=2&cursor=${cursor}`, as.admin());
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((row: { submissionId: string }) => row.submissionId));
      cursor = page.body.cursor;
    }
    expect(seen).toEqual([...sent].reverse());
    const all = await call('GET', `/inbox?form=${slug}&limit=100`, as.admin());
    expect(all.body.items[0].submissionId).toBe(late.submissionId);
    expect(all.body.items[0]).toMatchObject({ status: 'new', applicantName: 'Late Comer', step: 'received' });
  });
});

describe('who sees and changes what', () => {
  it('a coordinator of another form sees nothing of this one: 404, 403, and not in lists, search or counts', async () => {
    const { submissionId, email } = await apply(onboarding.slug, 'Nadia Karimi');
    await statusOf(submissionId, 'waiting');
    expect((await call('GET', `/submissions/${submissionId}`, as.otto())).status).toBe(404);
    expect((await call('GET', `/inbox?form=${onboarding.slug}`, as.otto())).status).toBe(403);
    expect((await call('GET', `/inbox/counts?form=${onboarding.slug}`, as.otto())).status).toBe(403);
    const everything = await call('GET', '/inbox?limit=100', as.otto());
    expect(everything.body.items.every((row: { formSlug: string }) => row.formSlug === other)).toBe(true);
    expect((await call('POST', '/inbox/search', as.otto(), { q: email })).body.items).toEqual([]);
    expect((await call('POST', '/inbox/search', as.otto(), { q: email, form: onboarding.slug })).status).toBe(
      403,
    );
    expect(Object.keys((await call('GET', '/inbox/counts', as.otto())).body.forms)).toEqual([other]);
    for (const [method, path, body] of changes(submissionId))
      expect((await call(method, path, as.otto(), body)).status).toBe(404);
    // The admin sees it with every form, the assigned coordinator in theirs.
    expect((await call('POST', '/inbox/search', as.admin(), { q: email })).body.items).toHaveLength(1);
    expect((await call('GET', '/inbox/counts', as.cora())).body.forms).toHaveProperty(onboarding.slug);
  });

  it('a viewer reads but cannot decide, note or assign (403); anonymous callers get 401', async () => {
    const { submissionId } = await apply(onboarding.slug, 'Omar Said');
    await statusOf(submissionId, 'waiting');
    expect((await call('GET', `/submissions/${submissionId}`, as.viewer())).status).toBe(200);
    expect((await call('GET', `/inbox?form=${onboarding.slug}`, as.viewer())).status).toBe(200);
    for (const [method, path, body] of changes(submissionId)) {
      expect((await call(method, path, as.viewer(), body)).status).toBe(403);
      const anonymous = await fetch(`${api}${path}`, { method, body: JSON.stringify(body) });
      expect(anonymous.status).toBe(401);
    }
    expect((await call('GET', `/submissions/${submissionId}`, as.admin())).body.approval.status).toBe(
      'pending',
    );
  });

  it('notes are kept in the timeline for staff, audited without their text', async () => {
    const { submissionId } = await apply(onboarding.slug, 'Tarek Aziz');
    await statusOf(submissionId, 'waiting');
    const note = await call('POST', `/submissions/${submissionId}/notes`, as.cora(), {
      text: 'Called, will send ID',
    });
    expect(note.status).toBe(201);
    const detail = (await call('GET', `/submissions/${submissionId}`, as.viewer())).body;
    expect(detail.notes).toEqual([
      expect.objectContaining({ actor: 'cora', detail: { text: 'Called, will send ID' } }),
    ]);
    expect(detail.timeline.map((event: { action: string }) => event.action)).toContain('note');
    const month = new Date().toISOString().slice(0, 7);
    const { Items = [] } = await client().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#target.id = :id',
        ExpressionAttributeNames: { '#target': 'target' },
        ExpressionAttributeValues: { ':pk': `AUDIT#${month}`, ':id': submissionId },
      }),
    );
    expect(Items.map((item) => item.action)).toEqual(['submission.note']);
    expect(JSON.stringify(Items)).not.toContain('Called');
  });

  it('a counselling request is in the inbox as open and is picked up from there, once', async () => {
    const submissionId = randomUUID();
    const response = await fetch(`${api}/forms/beratung-anfrage/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.10.${randomOctet()}.1` },
      body: JSON.stringify({
        submissionId,
        formVersion: 1,
        locale: 'de',
        data: {
          topics: ['housing'],
          languages: ['ar'],
          firstName: 'Samir',
          lastName: 'Haddad',
          contactMethod: 'email',
          email: `${randomUUID()}@example.org`,
          age: 19,
        },
        consent: { version: '2026-11-01', accepted: true },
      }),
    });
    expect(response.status).toBe(202);
    const open = await statusOf(submissionId, 'open', 'beratung-anfrage');
    expect(open.case).toMatchObject({ status: 'open', teamId: 'jmd' });
    const rows = await call('GET', '/inbox?form=beratung-anfrage&status=open', as.cora());
    expect(rows.body.items[0]).toMatchObject({ submissionId, teamId: 'jmd', applicantName: 'Samir Haddad' });
    expect((await call('POST', `/submissions/${submissionId}/pickup`, as.viewer())).status).toBe(403);
    const picked = await call('POST', `/submissions/${submissionId}/pickup`, as.cora());
    expect(picked.status).toBe(200);
    const again = await call('POST', `/submissions/${submissionId}/pickup`, as.admin());
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('Already picked up by cora');
    await statusOf(submissionId, 'picked-up', 'beratung-anfrage');
  });
});

describe('bad input', () => {
  it('gets a 400 naming the field, never a 500', async () => {
    const { submissionId } = await apply(other, 'Eva Lang');
    const field = async (method: string, path: string, body?: unknown) => {
      const { status, body: answer } = await call(method, path, as.admin(), body);
      expect(status, JSON.stringify(answer)).toBe(400);
      return answer.error.issues.map((issue: { field: string }) => issue.field);
    };
    expect(await field('GET', '/inbox?status=bogus')).toEqual(['status']);
    expect(await field('GET', '/inbox?step=nowhere')).toEqual(['step']);
    expect(await field('GET', '/inbox?limit=0')).toEqual(['limit']);
    expect(await field('GET', '/inbox?from=yesterday')).toEqual(['from']);
    expect(await field('GET', '/inbox?from=2026-05-02&to=2026-05-01')).toEqual(['to']);
    expect(await field('GET', '/inbox?cursor=not-a-cursor')).toEqual(['cursor']);
    expect(await field('GET', '/inbox?assigned=you')).toEqual(['assigned']);
    expect(await field('GET', '/inbox?sort=asc')).toEqual(['sort']);
    expect(await field('GET', '/inbox?form=Not_A_Slug')).toEqual(['form']);
    expect(await field('POST', '/inbox/search', { q: 'a' })).toEqual(['q']);
    expect(await field('POST', '/inbox/search', { q: 'anna', cursor: 'eyJiZWZvcmUiOjF9' })).toEqual([
      'cursor',
    ]);
    expect(await field('GET', '/submissions/not-a-uuid')).toEqual(['submissionId']);
    expect(await field('POST', `/submissions/${submissionId}/decision`, { decision: 'maybe' })).toEqual([
      'decision',
    ]);
    expect(await field('POST', `/submissions/${submissionId}/decision`, { decision: 'question' })).toEqual([
      'question',
    ]);
    expect(await field('POST', `/submissions/${submissionId}/notes`, { text: '' })).toEqual(['text']);
    expect(await field('PUT', `/submissions/${submissionId}/assignee`, { sub: 'test-nobody' })).toEqual([
      'sub',
    ]);
    expect(await field('PUT', `/submissions/${submissionId}/assignee`, {})).toEqual(['sub']);
  });
});

/** Every change route, with a valid body. */
const changes = (submissionId: string): Array<[string, string, unknown]> => [
  ['POST', `/submissions/${submissionId}/decision`, { decision: 'approve' }],
  ['POST', `/submissions/${submissionId}/notes`, { text: 'hello' }],
  ['PUT', `/submissions/${submissionId}/assignee`, { sub: null }],
  ['POST', `/submissions/${submissionId}/pickup`, undefined],
];
