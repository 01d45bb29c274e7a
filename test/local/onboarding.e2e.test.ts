import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../functions/shared/domain/approvals.ts';
import { applyTo, linkIn, publishOnboardingForm } from '../support/onboarding.ts';
import { eventually } from '../support/poll.ts';
import {
  mailsTo as mailsToIn,
  type StoredMail,
  startTestRuntime,
  waitForMails as waitForMailsIn,
} from '../support/runtime.ts';
import { assignStaff } from '../support/staff.ts';

/**
 * The volunteer onboarding workflow end to end on the local runtime: real DynamoDB Local, local
 * Step Functions, local SES. One day of the form's settings lasts 0.17 s here (time scale 0.000002).
 */
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let web: string;
let adminToken: string;
const sfn = () => new SFNClient({});

beforeAll(async () => {
  env = await startTestRuntime({ timeScale: 0.000002 });
  api = env.runtime.urls.api;
  web = env.runtime.urls.web;
  adminToken = env.runtime.auth.issueFor('alice', ['admin']).AccessToken;
  // Coordinators see only the forms they are assigned to; cora works on every one.
  await assignStaff(env.runtime, 'test-cora', ['*']);
});

afterAll(async () => {
  await env?.stop();
});

interface Days {
  reminderAfterDays: number;
  escalateAfterDays: number;
  expireAfterDays: number;
}

const onboardingForm = (days?: Days) => publishOnboardingForm(env.runtime, days);
const apply = (slug: string, locale = 'en') => applyTo(env.runtime, slug, locale);

const mailsTo = (address: string) => mailsToIn(env.runtime, address);
const waitForMails = (address: string, count: number) => waitForMailsIn(env.runtime, address, count);

const decide = (
  token: string,
  body: unknown,
  headers: Record<string, string> = { origin: web, 'sec-fetch-site': 'same-origin' },
) =>
  fetch(`${api}/decisions/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const view = async (token: string) =>
  (await fetch(`${api}/decisions/${token}`)).json() as Promise<Record<string, unknown>>;

async function executionOf(submissionId: string) {
  const arn = process.env.VOLUNTEER_ONBOARDING_STATE_MACHINE_ARN as string;
  return eventually(
    async () => {
      const { executions = [] } = await sfn().send(new ListExecutionsCommand({ stateMachineArn: arn }));
      const found = executions.find((e) => e.name?.startsWith(submissionId) && e.status !== 'RUNNING');
      return found
        ? sfn().send(new DescribeExecutionCommand({ executionArn: found.executionArn }))
        : undefined;
    },
    // Scaled waits of days end within seconds, but a loaded CI machine can stretch that a lot.
    { what: 'the onboarding execution to finish', timeoutMs: 60_000 },
  );
}

const timelineHas = (submissionId: string, action: string) =>
  eventually(
    async () => {
      const response = await fetch(`${api}/admin/submissions/${submissionId}/timeline`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      const { timeline } = (await response.json()) as { timeline: { action: string }[] };
      return timeline.some((event) => event.action === action) ? true : undefined;
    },
    { what: `"${action}" on the timeline of ${submissionId}` },
  );

describe('approval by e-mail', () => {
  it('asks every coordinator, is not moved by scanners, decides on POST, tells the applicant, and refuses a second decision', async () => {
    const { slug, coordinators } = await onboardingForm();
    const { submissionId, email } = await apply(slug, 'en');
    const [first] = await waitForMails(coordinators[0] as string, 1);
    const [second] = await waitForMails(coordinators[1] as string, 1);
    expect(first?.subject).toBe(`Neue Anmeldung: Amal – Testformular`);
    expect(first?.body.text).toContain('Alter: 34');
    const [page, token] = linkIn(first as StoredMail, 'decide');
    const [, otherToken] = linkIn(second as StoredMail, 'decide');
    expect(token).not.toBe(otherToken);
    expect(first?.body.text).not.toMatch(/taskToken|AAAAK/);

    // A mail scanner fetches every link, with GET and HEAD, several times: nothing changes.
    for (let i = 0; i < 3; i++) {
      for (const url of [page, `${page}?action=approve`, `${page}?action=reject`]) {
        expect((await fetch(url as string)).status).toBe(200);
        expect((await fetch(url as string, { method: 'HEAD' })).status).toBe(200);
      }
      expect(await view(token as string)).toMatchObject({ status: 'open', recipient: coordinators[0] });
    }
    const before = (await (await fetch(`${api}/decisions/${token}`)).json()) as {
      answers: [string, string][];
    };
    expect(before.answers).toEqual(
      expect.arrayContaining([
        ['E-Mail', email],
        ['Vorname', 'Amal'],
      ]),
    );

    const decided = await decide(token as string, { decision: 'approve' });
    expect(decided.status).toBe(200);
    const execution = await executionOf(submissionId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}').outcome).toBe('approved');
    expect(execution.input).not.toContain(email);

    // Receipt, then one mail that tells the approval with the course news (no course here yet);
    // no separate "approved" mail. Counted once the course path recorded that it told the applicant.
    const applicantMails = await waitForMails(email, 2);
    await timelineHas(submissionId, 'applicant-told-approved');
    expect(await mailsTo(email)).toHaveLength(2);
    const approvedMail = applicantMails[1] as StoredMail;
    expect(approvedMail.subject).toBe('Your registration for Test form has been approved');
    expect(approvedMail.body.text).toContain('has been approved. At the moment no suitable course');
    expect(approvedMail.body.text).toContain(`${web}/me/`);
    expect(await mailsTo(coordinators[0] as string)).toHaveLength(1);
    expect(await mailsTo(coordinators[1] as string)).toHaveLength(1);

    // The other coordinator's link now shows who decided, and cannot decide again.
    expect(await view(otherToken as string)).toMatchObject({
      status: 'decided',
      decision: { decision: 'approve', decidedBy: coordinators[0] },
    });
    const late = await decide(otherToken as string, { decision: 'reject' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { message: string } }).error.message).toContain(
      `Already decided: approved by ${coordinators[0]}`,
    );
    // The used link itself is refused too.
    expect((await decide(token as string, { decision: 'reject' })).status).toBe(409);

    const timeline = (await (
      await fetch(`${api}/admin/submissions/${submissionId}/timeline`, {
        headers: {
          authorization: `Bearer ${env.runtime.auth.issueFor('cora', ['coordinator']).AccessToken}`,
        },
      })
    ).json()) as { timeline: { action: string; actor: string }[] };
    expect(timeline.timeline.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'received',
        'approval-opened',
        'approval-requested',
        'decided-approve',
        'applicant-told-approved',
      ]),
    );
  });

  it('refuses forged, altered, expired and cross-site requests', async () => {
    const { slug, coordinators } = await onboardingForm();
    await apply(slug);
    const [mail] = await waitForMails(coordinators[0] as string, 1);
    const [, token] = linkIn(mail as StoredMail, 'decide');
    const forged = randomBytes(32).toString('base64url');
    const altered = `${(token as string).slice(0, -1)}${(token as string).endsWith('A') ? 'B' : 'A'}`;
    expect((await fetch(`${api}/decisions/${forged}`)).status).toBe(404);
    expect((await fetch(`${api}/decisions/${altered}`)).status).toBe(404);
    expect((await fetch(`${api}/decisions/not-a-token`)).status).toBe(404);
    expect((await decide(forged, { decision: 'approve' })).status).toBe(404);
    expect(
      (await decide(token as string, { decision: 'approve' }, { origin: 'https://evil.example.org' })).status,
    ).toBe(403);
    expect(
      (await decide(token as string, { decision: 'approve' }, { 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect((await decide(token as string, { decision: 'approve' }, {})).status).toBe(403);
    // Still undecided after all that.
    expect(await view(token as string)).toMatchObject({ status: 'open' });

    const expired = randomBytes(32).toString('base64url');
    const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await dynamo.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: {
          pk: `ACTION#${hashToken(expired)}`,
          sk: 'ACTION',
          tokenHash: hashToken(expired),
          submissionId: randomUUID(),
          recipient: coordinators[0],
          purpose: 'decide',
          createdAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
          validUntil: Math.floor(Date.now() / 1000) - 86_400,
        },
      }),
    );
    const gone = await fetch(`${api}/decisions/${expired}`);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toContain('expired');
    expect((await decide(expired, { decision: 'approve' })).status).toBe(410);
  });

  it('rejects, and passes the comment on only when the coordinator chose to share it', async () => {
    const { slug, coordinators } = await onboardingForm();
    const { submissionId, email } = await apply(slug, 'de');
    const [mail] = await waitForMails(coordinators[0] as string, 1);
    const [, token] = linkIn(mail as StoredMail, 'decide');
    const response = await decide(token as string, {
      decision: 'reject',
      comment: 'Der Kurs ist <voll>.',
      shareComment: true,
    });
    expect(response.status).toBe(200);
    expect((await executionOf(submissionId)).status).toBe('SUCCEEDED');
    const outcome = (await waitForMails(email, 2)).at(-1) as StoredMail;
    expect(outcome.body.text).toContain('Leider können wir Ihre Anmeldung');
    expect(outcome.body.text).toContain('Der Kurs ist <voll>.');
    expect(outcome.body.html).toContain('Der Kurs ist &lt;voll&gt;.');

    const quiet = await apply(slug, 'de');
    const [quietMail] = (await waitForMails(coordinators[0] as string, 2)).slice(-1);
    const [, quietToken] = linkIn(quietMail as StoredMail, 'decide');
    await decide(quietToken as string, { decision: 'reject', comment: 'Internal note', shareComment: false });
    const quietOutcome = (await waitForMails(quiet.email, 2)).at(-1) as StoredMail;
    expect(quietOutcome.body.text).not.toContain('Internal note');
  });

  it('sends a question to the applicant and brings the answer back to the same decision', async () => {
    const { slug, coordinators } = await onboardingForm();
    const { submissionId, email } = await apply(slug, 'en');
    const [mail] = await waitForMails(coordinators[0] as string, 1);
    const [, token] = linkIn(mail as StoredMail, 'decide');
    expect((await decide(token as string, { decision: 'question' })).status).toBe(400);
    expect(
      (await decide(token as string, { decision: 'question', question: 'Which weekdays suit you best?' }))
        .status,
    ).toBe(200);

    const question = (await waitForMails(email, 2)).at(-1) as StoredMail;
    expect(question.body.text).toContain('Which weekdays suit you best?');
    const [, answerToken] = linkIn(question, 'answer');
    expect(await (await fetch(`${api}/answers/${answerToken}`)).json()).toMatchObject({
      status: 'open',
      question: 'Which weekdays suit you best?',
    });
    const answered = await fetch(`${api}/answers/${answerToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: web },
      body: JSON.stringify({ answer: 'Tuesdays and Thursdays' }),
    });
    expect(answered.status).toBe(200);

    const followUp = (await waitForMails(coordinators[0] as string, 2)).at(-1) as StoredMail;
    expect(followUp.subject).toContain('Antwort auf Ihre Rückfrage');
    expect(followUp.body.text).toContain('Tuesdays and Thursdays');
    const [, nextToken] = linkIn(followUp, 'decide');
    expect((await decide(nextToken as string, { decision: 'approve' })).status).toBe(200);
    expect(JSON.parse((await executionOf(submissionId)).output ?? '{}').outcome).toBe('approved');
  });

  it('reminds, escalates, expires kindly, and can be restarted by an admin', async () => {
    const { slug, coordinators, escalation } = await onboardingForm({
      reminderAfterDays: 1,
      escalateAfterDays: 2,
      expireAfterDays: 3,
    });
    const { submissionId, email } = await apply(slug, 'en');
    const execution = await executionOf(submissionId);
    expect(JSON.parse(execution.output ?? '{}').outcome).toBe('expired');
    const subjects = (await mailsTo(coordinators[0] as string)).map((m) => m.subject.split(':')[0]);
    expect(subjects).toEqual(['Neue Anmeldung', 'Erinnerung', 'Eskalation']);
    expect((await mailsTo(escalation)).map((m) => m.subject.split(':')[0])).toEqual(['Eskalation']);
    const kind = (await waitForMails(email, 2)).at(-1) as StoredMail;
    expect(kind.body.text).toContain('we could not process it in time');
    const [first] = await mailsTo(coordinators[0] as string);
    const [, token] = linkIn(first as StoredMail, 'decide');
    expect(await view(token as string)).toMatchObject({ status: 'expired' });
    // Too late: the coordinator is told so in plain words, and the decision is kept for staff.
    const late = await decide(token as string, { decision: 'approve' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('workflow_ended');
    expect((await decide(token as string, { decision: 'approve' })).status).toBe(409);

    const restart = await fetch(`${api}/admin/submissions/${submissionId}/restart`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(restart.status).toBe(202);
    await waitForMails(coordinators[0] as string, 4);
    expect(
      (
        await fetch(`${api}/admin/submissions/${submissionId}/restart`, {
          method: 'POST',
          headers: { authorization: `Bearer ${adminToken}` },
        })
      ).status,
    ).toBe(409);
  });

  it('sends the receipt before opening the approval, and a retry of that task does not send it again', async () => {
    const { slug, coordinators } = await onboardingForm();
    // Opening the approval fails once, after the receipt went out, as a Lambda service fault would;
    // every other call goes through to DynamoDB Local. (aws-sdk-client-mock would answer them all.)
    const prototype = DynamoDBDocumentClient.prototype as { send: (...args: unknown[]) => Promise<unknown> };
    const original = prototype.send;
    let failed = 0;
    prototype.send = function (this: unknown, ...args: unknown[]) {
      const [command] = args;
      const item = command instanceof PutCommand ? (command.input.Item as { type?: string }) : undefined;
      if (failed === 0 && item?.type === 'Approval') {
        failed += 1;
        return Promise.reject(Object.assign(new Error('service fault'), { name: 'Lambda.ServiceException' }));
      }
      return original.apply(this, args);
    };
    try {
      const { submissionId, email } = await apply(slug);
      await waitForMails(coordinators[0] as string, 1);
      expect(failed).toBe(1);
      const arn = `${(process.env.VOLUNTEER_ONBOARDING_STATE_MACHINE_ARN as string).replace(':stateMachine:', ':execution:')}:${submissionId}`;
      const history = await sfn().send(new GetExecutionHistoryCommand({ executionArn: arn }));
      const entered = history.events?.filter((e) => e.stateEnteredEventDetails?.name === 'PrepareApproval');
      expect(entered).toHaveLength(1);
      expect(history.events?.filter((e) => (e.type as string) === 'StateRetried')).toHaveLength(1);
      const mails = await mailsTo(email);
      expect(mails).toHaveLength(1);
    } finally {
      prototype.send = original;
    }
  });

  it('retries a failing approval e-mail and still asks the coordinator', async () => {
    const { slug, coordinators } = await onboardingForm();
    // The real send, kept before the mock replaces it on the prototype.
    const original = SESv2Client.prototype.send as (command: SendEmailCommand) => Promise<unknown>;
    const ses = mockClient(SESv2Client);
    let failed = 0;
    // Only this test's approval mail fails, once; every other mail goes through to the local SES.
    ses.on(SendEmailCommand).callsFake(async (input: SendEmailCommandInput) => {
      if (failed === 0 && input.Destination?.ToAddresses?.includes(coordinators[0] as string)) {
        failed += 1;
        throw Object.assign(new Error('SES is down'), { name: 'ServiceUnavailableException' });
      }
      return original.call(new SESv2Client({}), new SendEmailCommand(input));
    });
    try {
      const { submissionId } = await apply(slug);
      await waitForMails(coordinators[0] as string, 1);
      expect(failed).toBe(1);
      const arn = `${(process.env.VOLUNTEER_ONBOARDING_STATE_MACHINE_ARN as string).replace(':stateMachine:', ':execution:')}:${submissionId}`;
      const history = await sfn().send(new GetExecutionHistoryCommand({ executionArn: arn }));
      const retried = history.events?.filter((e) => (e.type as string) === 'StateRetried') ?? [];
      expect(retried).toHaveLength(1);
    } finally {
      ses.restore();
    }
  });
});
