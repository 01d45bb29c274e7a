import { randomUUID } from 'node:crypto';
import { SendTaskFailureCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { PENDING_WORKFLOW_KEY } from '#shared/adapters/submission-store.ts';
import { receiptNumber } from '#shared/domain/submissions.ts';
import { runFormsCli } from '../../infra/cli/forms.ts';
import { applyTo, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import { mailbox, startTestRuntime } from '../support/runtime.ts';

/**
 * Nobody is left waiting unseen: a workflow that fails and a submission whose workflow does not
 * start show up in health, in the admin's list and digest mail, and a failed one can be restarted.
 * The failure is injected through the real Step Functions API (SendTaskFailure on the waiting task).
 */
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
const ADMIN = `admin-${randomUUID().slice(0, 8)}@example.org`;
const table = () => process.env.TABLE_NAME as string;

beforeAll(async () => {
  env = await startTestRuntime({ adminEmail: ADMIN });
  api = env.runtime.urls.api;
  env.runtime.auth.createUser('ops', 'a long local password', ['admin']);
});

afterAll(async () => {
  await env?.stop();
});

const adminHeaders = () => ({
  authorization: `Bearer ${env.runtime.auth.issueFor('ops', ['admin']).AccessToken}`,
});
const health = async () =>
  (await (await fetch(`${api}/admin/health`, { headers: adminHeaders() })).json()) as {
    attention: Record<string, { count: number; oldest?: { submissionId: string } }> & {
      needsAttention: boolean;
    };
  };
const attentionList = async (kind: string) => {
  const response = await fetch(`${api}/admin/attention?kind=${kind}`, { headers: adminHeaders() });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    items: { submissionId: string; receiptNumber: string; detail: Record<string, string> }[];
  };
};
const timeline = async (submissionId: string) =>
  (
    (await (
      await fetch(`${api}/admin/submissions/${submissionId}/timeline`, { headers: adminHeaders() })
    ).json()) as { timeline: { action: string; actor: string }[] }
  ).timeline;

/** Fails the application's workflow as a crashed dependency would: the waiting task gets an error. */
async function failWorkflowOf(submissionId: string) {
  const token = await eventually(async () => {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: { pk: `SUBMISSION#${submissionId}`, sk: 'APPROVAL' } }),
    );
    return Item?.taskToken as string | undefined;
  });
  await new SFNClient({}).send(
    new SendTaskFailureCommand({ taskToken: token, error: 'InjectedFault', cause: 'test' }),
  );
}

describe('what needs attention', () => {
  it('records a failed workflow on the submission, counts it in health, lists it, mails the admin once, and restarts it', async () => {
    const { slug } = await publishOnboardingForm(env.runtime);
    const { submissionId } = await applyTo(env.runtime, slug);
    await failWorkflowOf(submissionId);

    const listed = await eventually(async () =>
      (await attentionList('workflow-failed')).items.find((i) => i.submissionId === submissionId),
    );
    expect(listed.detail).toMatchObject({ status: 'FAILED', error: 'InjectedFault' });
    expect(listed.receiptNumber).toBe(receiptNumber(submissionId));
    const report = await health();
    expect(report.attention.needsAttention).toBe(true);
    expect(report.attention['workflow-failed']?.count).toBeGreaterThanOrEqual(1);
    expect(report.attention['workflow-failed']?.oldest?.submissionId).toBeTruthy();
    expect((await timeline(submissionId)).map((e) => e.action)).toContain('workflow-failed');

    // The digest also runs on its schedule (every 15 minutes, scaled); whichever run comes first
    // mails it, and no later run mails the same case again.
    const aboutIt = async () =>
      (await mailbox(env.runtime)).filter(
        (m) => m.destination.to.includes(ADMIN) && (m.body.text ?? '').includes(receiptNumber(submissionId)),
      );
    await env.runtime.invoke('attention-digest', {});
    const [digest] = await eventually(async () => ((await aboutIt()).length > 0 ? aboutIt() : undefined));
    expect(digest?.subject).toMatch(/cases need attention/);
    expect(digest?.body.text).not.toContain('Amal'); // no answers in the digest
    await Promise.all([
      env.runtime.invoke('attention-digest', {}),
      env.runtime.invoke('attention-digest', {}),
    ]);
    expect(await aboutIt()).toHaveLength(1);

    const lines: string[] = [];
    const code = await runFormsCli(
      ['restart', '--failed', '--user', 'ops', '--api', api, '--client-id', env.runtime.auth.clientId],
      { ...process.env, LOTSE_PASSWORD: 'a long local password' },
      (line) => lines.push(line),
    );
    expect(lines).toContain(`${submissionId}: restarted`);
    expect(code).toBe(0);
    expect((await attentionList('workflow-failed')).items.map((i) => i.submissionId)).not.toContain(
      submissionId,
    );
    const restarted = (await timeline(submissionId)).find((e) => e.action === 'restarted');
    expect(restarted?.actor).toBe('ops');
    // The new execution asks the coordinators again.
    await eventually(async () => {
      const { Item } = await documentClient().send(
        new GetCommand({ TableName: table(), Key: { pk: `SUBMISSION#${submissionId}`, sk: 'APPROVAL' } }),
      );
      return Item?.taskToken ? true : undefined;
    });
  });

  it('counts a submission whose workflow has not started after a few minutes', async () => {
    const submissionId = randomUUID();
    const receivedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: {
          pk: `SUBMISSION#${submissionId}`,
          sk: 'SUBMISSION',
          type: 'Submission',
          submissionId,
          formSlug: 'lost-form',
          formVersion: 1,
          workflow: 'no-such-workflow',
          receivedAt,
          workflowStatus: 'pending',
          gsi1pk: PENDING_WORKFLOW_KEY,
          gsi1sk: `${receivedAt}#${submissionId}`,
        },
      }),
    );
    const { items } = await attentionList('workflow-not-started');
    // The stream poller may already have tried to start it and recorded why it could not.
    expect(items.find((i) => i.submissionId === submissionId)?.detail).toMatchObject({
      workflow: 'no-such-workflow',
      formSlug: 'lost-form',
    });
    expect((await health()).attention['workflow-not-started']?.count).toBeGreaterThanOrEqual(1);
    const refused = await fetch(`${api}/admin/attention?kind=workflow-failed&cursor=not-a-cursor`, {
      headers: adminHeaders(),
    });
    expect(refused.status).toBe(400);
  });
});
