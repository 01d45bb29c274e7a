import { randomUUID } from 'node:crypto';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/poll.ts';
import { mailbox, startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let sfn: SFNClient;
let admin: Record<string, string>;

beforeAll(async () => {
  env = await startTestRuntime();
  api = env.runtime.urls.api;
  sfn = new SFNClient({});
  admin = { authorization: `Bearer ${env.runtime.auth.issueFor('ops', ['admin']).AccessToken}` };
});

afterAll(async () => {
  await env?.stop();
});

const post = (
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) =>
  fetch(`${api}${path}`, {
    method: 'POST',
    headers: { ...admin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A GET as the admin who runs the checks. */
const get = (path: string) => fetch(`${api}${path}`, { headers: admin });

const executionArn = (checkId: string) =>
  `${process.env.SYSTEM_CHECK_STATE_MACHINE_ARN?.replace(':stateMachine:', ':execution:')}:${checkId}`;

async function mailFor(recipient: string) {
  return eventually(
    async () => (await mailbox(env.runtime)).findLast((m) => m.destination.to.includes(recipient)),
    {
      what: `an e-mail to ${recipient}`,
    },
  );
}

const codeIn = (text: string | undefined) => /\n\s{4}([A-Z0-9]{8})\n/.exec(text ?? '')?.[1] ?? '';

describe('system check, end to end on the local runtime', () => {
  it('stores the check, starts its workflow, e-mails a code, and finishes when the code is confirmed', async () => {
    const recipient = `${randomUUID()}@example.org`;
    const created = await post('/system-checks', { recipient, locale: 'en' });
    expect(created.status).toBe(202);
    const check = (await created.json()) as { checkId: string; status: string };

    const mail = await mailFor(recipient);
    expect(mail.subject).toBe('Lotse: system check');
    expect(mail.subject).not.toContain(recipient);
    expect(mail.body.text).toContain(`/system-checks/${check.checkId}`);

    const waiting = await (await get(`/system-checks/${check.checkId}`)).json();
    expect(waiting).toMatchObject({ checkId: check.checkId, status: 'waiting' });
    expect(JSON.stringify(waiting)).not.toContain(recipient);
    const running = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArn(check.checkId) }),
    );
    expect(running.status).toBe('RUNNING');
    // The workflow carries the id only: the e-mail address never enters it.
    expect(running.input).toBe(JSON.stringify({ checkId: check.checkId }));

    const confirmed = await post(`/system-checks/${check.checkId}/confirm`, { code: codeIn(mail.body.text) });
    expect(confirmed.status).toBe(200);

    const done = await eventually(async () => {
      const execution = await sfn.send(
        new DescribeExecutionCommand({ executionArn: executionArn(check.checkId) }),
      );
      return execution.status === 'RUNNING' ? undefined : execution;
    });
    expect(done.status).toBe('SUCCEEDED');
    const history = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: executionArn(check.checkId) }),
    );
    expect(JSON.stringify(history.events)).not.toContain(recipient);
    const final = await (await get(`/system-checks/${check.checkId}`)).json();
    expect(final).toMatchObject({ status: 'passed' });
  });

  it('refuses a wrong code with a 400 naming the field, and a second confirmation with 409', async () => {
    const recipient = `${randomUUID()}@example.org`;
    const { checkId } = (await (await post('/system-checks', { recipient, locale: 'de' })).json()) as {
      checkId: string;
    };
    const mail = await mailFor(recipient);
    expect(mail.subject).toBe('Lotse: Systemprüfung');
    const wrong = await post(`/system-checks/${checkId}/confirm`, {
      code: 'AAAAAAAA' === codeIn(mail.body.text) ? 'BBBBBBBB' : 'AAAAAAAA',
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.issues).toEqual([
      { field: 'code', message: 'does not match the code in the e-mail' },
    ]);
    expect((await post(`/system-checks/${checkId}/confirm`, { code: codeIn(mail.body.text) })).status).toBe(
      200,
    );
    const again = await post(`/system-checks/${checkId}/confirm`, { code: codeIn(mail.body.text) });
    expect(again.status).toBe(409);
  });

  it('returns the same check for a retried create with the same checkId, and starts one workflow', async () => {
    const recipient = `${randomUUID()}@example.org`;
    const checkId = randomUUID();
    const first = await post('/system-checks', { recipient, checkId });
    const second = await post('/system-checks', { recipient, checkId });
    expect([first.status, second.status]).toEqual([202, 202]);
    expect((await second.json()).checkId).toBe(checkId);
    await mailFor(recipient);
    const mails = (await mailbox(env.runtime)).filter((m) => m.destination.to.includes(recipient));
    expect(mails).toHaveLength(1);
    const other = await post('/system-checks', { recipient: `x${recipient}`, checkId });
    expect(other.status).toBe(409);
  });

  it('answers bad input with a 4xx that names the field, never a 500', async () => {
    const cases: Array<[unknown, Record<string, string> | undefined, number, string]> = [
      [{ recipient: 'not-an-address' }, undefined, 400, 'recipient'],
      [{ recipient: 'a@example.org', extra: 1 }, undefined, 400, 'extra'],
      [{}, undefined, 400, 'recipient'],
      ['{not json', undefined, 400, ''],
      [{ recipient: 'a@example.org' }, { 'content-type': 'text/plain' }, 415, ''],
      [{ recipient: `${'a'.repeat(3000)}@example.org` }, undefined, 413, ''],
    ];
    for (const [body, headers, status, field] of cases) {
      const response = await post('/system-checks', body, headers);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(status);
      const answer = await response.json();
      expect(answer.error.message.length).toBeGreaterThan(5);
      expect(answer.correlationId).toBeTruthy();
      if (field) expect(answer.error.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect((await get('/system-checks/not-a-uuid')).status).toBe(400);
    expect((await get(`/system-checks/${randomUUID()}`)).status).toBe(404);
    expect((await fetch(`${api}/no-such-route`)).status).toBe(404);
  });

  it('retries a failed e-mail send (SES down once) and still delivers', async () => {
    const ses = mockClient(SESv2Client);
    ses
      .rejectsOnce(Object.assign(new Error('SES is down'), { name: 'ServiceUnavailableException' }))
      .callsFakeOnce(async () => {
        ses.restore();
        throw Object.assign(new Error('still down'), { name: 'ServiceUnavailableException' });
      });
    try {
      const recipient = `${randomUUID()}@example.org`;
      const { checkId } = (await (await post('/system-checks', { recipient })).json()) as { checkId: string };
      const mail = await mailFor(recipient);
      expect(mail).toBeDefined();
      const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: executionArn(checkId) }));
      const retried = history.events?.filter((e) => (e.type as string) === 'StateRetried') ?? [];
      expect(retried.length).toBe(2);
    } finally {
      ses.restore();
    }
  });

  it('is no open relay: only an admin starts, reads or confirms a check, and nothing is mailed otherwise', async () => {
    const recipient = `${randomUUID()}@example.org`;
    const coordinator = `Bearer ${env.runtime.auth.issueFor('cora', ['coordinator']).AccessToken}`;
    const viewer = `Bearer ${env.runtime.auth.issueFor('victor', ['viewer']).AccessToken}`;
    const checkId = randomUUID();
    for (const [authorization, status] of [
      [undefined, 401],
      [coordinator, 403],
      [viewer, 403],
    ] as const) {
      const headers = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) };
      const calls = [
        fetch(`${api}/system-checks`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ recipient, checkId }),
        }),
        fetch(`${api}/system-checks/${checkId}`, { headers }),
        fetch(`${api}/system-checks/${checkId}/confirm`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ code: 'AAAAAAAA' }),
        }),
      ];
      for (const response of await Promise.all(calls)) expect(response.status).toBe(status);
    }
    // The refused start stored nothing: an admin finds no such check, and no mail went out.
    expect((await get(`/system-checks/${checkId}`)).status).toBe(404);
    expect((await mailbox(env.runtime)).some((m) => m.destination.to.includes(recipient))).toBe(false);
  });

  it('tells anyone only up or down, and an admin every component', async () => {
    const open = await fetch(`${api}/health`);
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${api}/admin/health`)).status).toBe(401);
    const coordinator = env.runtime.auth.issueFor('cora', ['coordinator']).AccessToken;
    expect(
      (await fetch(`${api}/admin/health`, { headers: { authorization: `Bearer ${coordinator}` } })).status,
    ).toBe(403);
  });

  it('reports every component healthy to an admin and describes every route in OpenAPI', async () => {
    const health = await (await get('/admin/health')).json();
    expect(health).toMatchObject({
      status: 'ok',
      components: { data: { status: 'ok' }, workflows: { status: 'ok' }, mail: { status: 'ok' } },
    });
    const openapi = await (await fetch(`${api}/openapi.json`)).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/openapi.json',
        '/api/system-checks',
        '/api/system-checks/{checkId}/confirm',
      ]),
    );
    expect(
      openapi.paths['/api/system-checks'].post.requestBody.content['application/json'].schema.required,
    ).toContain('recipient');
  });

  it('serves the web app with a fallback to index.html', async () => {
    const page = await fetch(`${env.runtime.urls.web}/system-checks/${randomUUID()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});
