import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/poll.ts';
import { mailbox, type StoredMail, startTestRuntime } from '../support/runtime.ts';
import { assignStaff } from '../support/staff.ts';

/** The shipped counselling intake form and its workflow, end to end. One hour lasts 108 ms here. */
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;

beforeAll(async () => {
  env = await startTestRuntime({ timeScale: 0.00003 });
  api = env.runtime.urls.api;
  // Coordinators see only the forms they are assigned to.
  for (const name of ['cora', 'dana']) await assignStaff(env.runtime, `test-${name}`, ['beratung-anfrage']);
});

afterAll(async () => {
  await env?.stop();
});

async function request(data: Record<string, unknown>, locale = 'de') {
  const submissionId = randomUUID();
  const response = await fetch(`${api}/forms/beratung-anfrage/submissions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.8.${Math.floor(Math.random() * 250)}.1`,
    },
    body: JSON.stringify({
      submissionId,
      formVersion: 1,
      locale,
      data,
      consent: { version: '2026-11-01', accepted: true },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(202);
  return submissionId;
}

const mailsTo = async (address: string) =>
  (await mailbox(env.runtime)).filter((m) => m.destination.to.includes(address));
const mailAbout = (address: string, receipt: string) =>
  eventually(
    async () =>
      (await mailsTo(address)).find(
        (m) => m.subject.includes(receipt) || (m.body.text ?? '').includes(receipt),
      ),
    {
      what: `a mail to ${address} about ${receipt}`,
    },
  );
const receiptOf = async (submissionId: string) => {
  const token = env.runtime.auth.issueFor('cora', ['coordinator']).AccessToken;
  const timeline = await eventually(async () => {
    const response = await fetch(`${api}/admin/submissions/${submissionId}/timeline`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return response.status === 200
      ? ((await response.json()) as { receiptNumber: string; timeline: { action: string }[] })
      : undefined;
  });
  return timeline;
};
const finished = (submissionId: string) =>
  eventually(
    async () => {
      const arn = `${(process.env.COUNSELLING_INTAKE_STATE_MACHINE_ARN as string).replace(':stateMachine:', ':execution:')}:${submissionId}`;
      const execution = await new SFNClient({})
        .send(new DescribeExecutionCommand({ executionArn: arn }))
        .catch(() => undefined);
      return execution && execution.status !== 'RUNNING' ? execution : undefined;
    },
    { what: 'the intake execution to finish', timeoutMs: 30_000 },
  );

const person = {
  topics: ['housing'],
  languages: ['ar'],
  firstName: 'Samir',
  lastName: 'Haddad',
  contactMethod: 'email',
};

describe('counselling intake', () => {
  it("routes under-27s to the youth migration service and acknowledges in the person's language", async () => {
    const email = `${randomUUID()}@example.org`;
    const submissionId = await request({ ...person, age: 19, email }, 'ar');
    const { receiptNumber } = await receiptOf(submissionId);
    const team = await mailAbout('jmd@example.org', receiptNumber);
    expect(team.subject).toBe('Neue Beratungsanfrage: Samir – Wohnen');
    expect(team.body.text).not.toContain('Haddad');
    expect(team.body.text).not.toContain(email);
    expect(team.body.text).toContain(`/admin/cases/${submissionId}`);
    const acknowledgement = await mailAbout(email, receiptNumber);
    expect(acknowledgement.body.html).toContain('dir="rtl"');
    expect(acknowledgement.body.text).toContain('Jugendmigrationsdienst');
    expect((await mailsTo('mbe@example.org')).some((m) => m.subject.includes(receiptNumber))).toBe(false);
  });

  it('routes adults by language, and the first team member to pick the case up ends the wait', async () => {
    const submissionId = await request(
      {
        ...person,
        age: 45,
        languages: ['uk'],
        contactMethod: 'phone',
        phone: '0170 1234567',
        email: undefined,
      },
      'uk',
    );
    const { receiptNumber } = await receiptOf(submissionId);
    await mailAbout('mbe-uk@example.org', receiptNumber);
    const cora = env.runtime.auth.issueFor('cora', ['coordinator']).AccessToken;
    const headers = { authorization: `Bearer ${cora}` };
    const caseView = (await (await fetch(`${api}/admin/cases/${submissionId}`, { headers })).json()) as {
      answers: [string, string][];
      status: string;
    };
    expect(caseView.status).toBe('open');
    expect(caseView.answers.map(([, value]) => value)).toContain('0170 1234567');
    expect(
      (await fetch(`${api}/admin/cases/${submissionId}/pickup`, { method: 'POST', headers })).status,
    ).toBe(200);
    const other = env.runtime.auth.issueFor('dana', ['coordinator']).AccessToken;
    const second = await fetch(`${api}/admin/cases/${submissionId}/pickup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other}` },
    });
    expect(second.status).toBe(409);
    expect(JSON.parse((await finished(submissionId)).output ?? '{}').outcome).toBe('picked-up');
    expect(
      (
        await fetch(`${api}/admin/cases/${submissionId}`, {
          headers: { authorization: `Bearer ${env.runtime.auth.issueFor('v', ['viewer']).AccessToken}` },
        })
      ).status,
    ).toBe(403);
  });

  it('escalates a case nobody picks up, then marks it unassigned', async () => {
    const submissionId = await request({
      ...person,
      age: 60,
      languages: ['fr'],
      email: `${randomUUID()}@example.org`,
    });
    const execution = await finished(submissionId);
    expect(JSON.parse(execution.output ?? '{}').outcome).toBe('unassigned');
    const { receiptNumber, timeline } = await receiptOf(submissionId);
    const escalation = (await mailsTo('leitung@example.org')).find((m: StoredMail) =>
      m.subject.includes(receiptNumber),
    );
    expect(escalation?.subject).toBe(`Noch nicht übernommen: Beratungsanfrage ${receiptNumber}`);
    expect(timeline.map((event) => event.action)).toEqual(
      expect.arrayContaining(['routed', 'team-notified', 'escalated', 'unassigned']),
    );
  });
});
