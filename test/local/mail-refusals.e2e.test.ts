import { randomUUID } from 'node:crypto';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyTo, linkIn, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import {
  mailsTo as mailsToIn,
  type StoredMail,
  startTestRuntime,
  waitForMails as waitForMailsIn,
} from '../support/runtime.ts';

/**
 * Mail that cannot be delivered never kills a workflow, and a late decision is never lost: the
 * local SES refuses addresses and plays a sandboxed account (through its /control endpoint), on
 * the real local runtime. One day of the forms' settings lasts 0.17 s here.
 */
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let web: string;
const sfn = () => new SFNClient({});

beforeAll(async () => {
  env = await startTestRuntime({ timeScale: 0.000002 });
  api = env.runtime.urls.api;
  web = env.runtime.urls.web;
});

afterEach(async () => {
  await controlSes({ sandbox: false, verified: [], refuse: {}, failNext: {} });
});

afterAll(async () => {
  await env?.stop();
});

const controlSes = async (options: Record<string, unknown>) => {
  const response = await fetch(`${env.runtime.urls.ses}/control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  expect(response.status).toBe(200);
};

const mailsTo = (address: string) => mailsToIn(env.runtime, address);
const waitForMails = (address: string, count: number, timeoutMs?: number) =>
  waitForMailsIn(env.runtime, address, count, timeoutMs);

interface TimelineEvent {
  action: string;
  actor: string;
  detail?: Record<string, string>;
}
interface Timeline {
  approval: { status: string; lateDecision?: { decision: string; by: string } } | null;
  attention: TimelineEvent[];
  timeline: TimelineEvent[];
}
const timelineOf = async (submissionId: string): Promise<Timeline> => {
  const token = env.runtime.auth.issueFor('alice', ['admin']).AccessToken;
  const response = await fetch(`${api}/admin/submissions/${submissionId}/timeline`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as Timeline;
};
const waitForEvents = (submissionId: string, action: string, count = 1) =>
  eventually(
    async () => {
      const found = (await timelineOf(submissionId)).timeline.filter((e) => e.action === action);
      return found.length >= count ? found : undefined;
    },
    { what: `${count} "${action}" event(s) for ${submissionId}` },
  );

const executionArn = (name: string) =>
  `${(process.env.VOLUNTEER_ONBOARDING_STATE_MACHINE_ARN as string).replace(':stateMachine:', ':execution:')}:${name}`;
const finished = (submissionId: string) =>
  eventually(
    async () => {
      const execution = await sfn().send(
        new DescribeExecutionCommand({ executionArn: executionArn(submissionId) }),
      );
      return execution.status !== 'RUNNING' ? execution : undefined;
    },
    { what: 'the onboarding execution to finish', timeoutMs: 30_000 },
  );

const decide = (token: string, body: unknown) =>
  fetch(`${api}/decisions/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: web, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify(body),
  });

describe('mail that cannot be delivered', () => {
  it('records a refused coordinator, mails the others exactly once through a retry, and still decides', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime, undefined, [
      'anna',
      'ben',
      'cleo',
    ]);
    const [anna, ben, cleo] = coordinators as [string, string, string];
    // Ben's address is refused for good; Cleo's first send fails three times (the SDK's own tries),
    // so the workflow retries the whole task after Anna was mailed and Ben refused.
    await controlSes({ refuse: { [ben]: 'MessageRejected' }, failNext: { [cleo]: 3 } });
    const { submissionId } = await applyTo(env.runtime, slug);
    // Three failed sends with the SDK's back-off, then the task's own retry: 8 s alone on this
    // machine, 22 s while the full suite ran (it once timed out at the default 15 s).
    const [cleoMail] = await waitForMails(cleo, 1, 60_000);

    const history = await sfn().send(
      new GetExecutionHistoryCommand({ executionArn: executionArn(submissionId) }),
    );
    expect(history.events?.filter((e) => (e.type as string) === 'StateRetried')).toHaveLength(1);
    const refused = await waitForEvents(submissionId, 'mail-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      actor: 'system',
      detail: {
        recipient: ben,
        role: 'coordinator',
        purpose: 'approval-requested',
        reason: 'MessageRejected',
      },
    });
    expect((await timelineOf(submissionId)).attention.map((e) => e.action)).toEqual(['mail-refused']);

    const [, token] = linkIn(cleoMail as StoredMail, 'decide');
    expect((await decide(token as string, { decision: 'approve' })).status).toBe(200);
    expect(JSON.parse((await finished(submissionId)).output ?? '{}').outcome).toBe('approved');
    expect(await mailsTo(anna)).toHaveLength(1);
    expect(await mailsTo(cleo)).toHaveLength(1);
    expect(await mailsTo(ben)).toHaveLength(0);
    const requested = (await timelineOf(submissionId)).timeline.filter(
      (e) => e.action === 'approval-requested',
    );
    expect(requested).toEqual([expect.objectContaining({ detail: { recipients: '3', refused: '1' } })]);
  });

  it('asks the coordinators when the applicant is refused, approves, and records the outcome mail as refused', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const applicant = `applicant-${randomUUID()}@example.org`;
    await controlSes({ refuse: { [applicant]: 'BadRequestException' } });
    const { submissionId } = await applyTo(env.runtime, slug, 'en', applicant);
    const [mail] = await waitForMails(coordinators[0] as string, 1);
    const [, token] = linkIn(mail as StoredMail, 'decide');
    expect((await decide(token as string, { decision: 'approve' })).status).toBe(200);
    const execution = await finished(submissionId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}').outcome).toBe('approved');

    const refusals = await waitForEvents(submissionId, 'mail-refused', 2);
    // The approval rides on the course path's first mail (here: no course yet).
    expect(refusals.map((e) => e.detail?.purpose)).toEqual(['receipt', 'course-none']);
    expect(refusals.every((e) => e.detail?.recipient === applicant && e.detail.role === 'applicant')).toBe(
      true,
    );
    const [told] = await waitForEvents(submissionId, 'applicant-told-approved');
    expect(told?.detail).toEqual({ emailed: 'false' });
    expect(await mailsTo(applicant)).toHaveLength(0);

    // Staff see it where they look: the attention list (no address there) and the health counts.
    const adminToken = env.runtime.auth.issueFor('alice', ['admin']).AccessToken;
    const listed = (await (
      await fetch(`${api}/admin/attention?kind=mail-refused&limit=100`, {
        headers: { authorization: `Bearer ${adminToken}` },
      })
    ).json()) as { items: { submissionId: string; detail: Record<string, string> }[] };
    const item = listed.items.find((i) => i.submissionId === submissionId);
    expect(item?.detail).toMatchObject({ role: 'applicant', reason: 'BadRequestException' });
    expect(JSON.stringify(listed)).not.toContain(applicant);
    const health = (await (
      await fetch(`${api}/admin/health`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json()) as {
      attention: Record<string, { count: number }>;
    };
    expect(health.attention['mail-refused']?.count).toBeGreaterThanOrEqual(1);
  });

  it('in the SES sandbox mails only verified addresses, records the rest, and says so in the health report', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const [anna, ben] = coordinators as [string, string];
    await controlSes({ sandbox: true, verified: [anna] });
    const admin = { authorization: `Bearer ${env.runtime.auth.issueFor('alice', ['admin']).AccessToken}` };
    const health = await fetch(`${api}/admin/health`, { headers: admin });
    expect(health.status).toBe(200);
    const report = (await health.json()) as {
      status: string;
      components: Record<string, { status: string; detail?: string }>;
    };
    expect(report.status).toBe('ok');
    expect(report.components.mail).toMatchObject({ status: 'ok' });
    expect(report.components.mail?.detail).toMatch(/^sandbox: .*verified.*200/);

    const { submissionId, email } = await applyTo(env.runtime, slug);
    await waitForMails(anna, 1);
    const refused = await waitForEvents(submissionId, 'mail-refused', 2);
    expect(refused.map((e) => e.detail?.recipient).sort()).toEqual([ben, email].sort());
    expect((await mailsTo(ben)).length + (await mailsTo(email)).length).toBe(0);
    expect(
      (await sfn().send(new DescribeExecutionCommand({ executionArn: executionArn(submissionId) }))).status,
    ).toBe('RUNNING');

    await controlSes({ sandbox: false });
    const production = (await (
      await fetch(`${api}/admin/health`, { headers: admin })
    ).json()) as typeof report;
    expect(production.components.mail).toEqual(expect.not.objectContaining({ detail: expect.anything() }));
  });

  it('says when no coordinator of a round can be reached, and keeps reminding until the kind expiry', async () => {
    const { slug } = await publishOnboardingForm(env.runtime, {
      reminderAfterDays: 1,
      escalateAfterDays: 2,
      expireAfterDays: 3,
    });
    await controlSes({ sandbox: true, verified: [] });
    const { submissionId } = await applyTo(env.runtime, slug);
    const execution = await finished(submissionId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}').outcome).toBe('expired');
    const nobody = (await timelineOf(submissionId)).timeline.filter(
      (e) => e.action === 'no-coordinator-reachable',
    );
    expect(nobody.map((e) => e.detail?.purpose)).toEqual(['approval-requested', 'reminder', 'escalation']);
    expect(nobody[0]?.detail?.recipients).toBe('2');
  });
});

describe('a decision after the workflow ended', () => {
  it('is answered 409 in plain words and kept on the approval and the timeline', async () => {
    const { slug, coordinators } = await publishOnboardingForm(env.runtime);
    const { submissionId } = await applyTo(env.runtime, slug);
    const [first, second] = [
      (await waitForMails(coordinators[0] as string, 1))[0] as StoredMail,
      (await waitForMails(coordinators[1] as string, 1))[0] as StoredMail,
    ];
    await sfn().send(
      new StopExecutionCommand({ executionArn: executionArn(submissionId), error: 'Aborted' }),
    );
    expect((await finished(submissionId)).status).toBe('ABORTED');

    const [, token] = linkIn(first, 'decide');
    const late = await decide(token as string, { decision: 'approve', comment: 'Gern!' });
    expect(late.status).toBe(409);
    const { error } = (await late.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('workflow_ended');
    expect(error.message).toContain('workflow has already ended');
    expect(error.message).toContain('kept');

    const timeline = await timelineOf(submissionId);
    expect(timeline.approval).toMatchObject({
      status: 'workflow-ended',
      lateDecision: { decision: 'approve', by: coordinators[0] },
    });
    expect(timeline.attention).toEqual([
      expect.objectContaining({
        action: 'decision-undelivered',
        actor: coordinators[0],
        detail: { decision: 'approve', reason: 'workflow-ended', comment: 'Gern!' },
      }),
    ]);
    // The other coordinator's page says so at once, and a second late decision is kept too.
    const [, otherToken] = linkIn(second, 'decide');
    expect(await (await fetch(`${api}/decisions/${otherToken}`)).json()).toMatchObject({
      status: 'workflow-ended',
    });
    expect((await decide(otherToken as string, { decision: 'reject' })).status).toBe(409);
    expect((await decide(token as string, { decision: 'reject' })).status).toBe(409);
    await waitForEvents(submissionId, 'decision-undelivered', 2);
  });
});
