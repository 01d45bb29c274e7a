import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoStaffStore } from '../../../functions/shared/adapters/staff-store.ts';
import type { LocalRuntime } from '../../local/runtime.ts';
import { difference, type Usage, type UsageRecorder, workflowTotals } from './usage.ts';

const REGISTRATION_FORM = 'integrationslotsen-registrierung';
const INTAKE_FORM = 'beratung-anfrage';

interface StoredMail {
  readonly messageId: string;
  readonly destination: { to: string[]; cc?: string[]; bcc?: string[] };
  readonly subject: string;
  readonly body: { text?: string; html?: string };
  readonly attachments?: { size: number }[];
}

/** What SES bills as one mail's size: subject, both bodies, attachments (base64) and ~1 kB of headers. */
const HEADER_BYTES = 1000;
const mailBytes = (mail: StoredMail) =>
  HEADER_BYTES +
  Buffer.byteLength(mail.subject) +
  Buffer.byteLength(mail.body.text ?? '') +
  Buffer.byteLength(mail.body.html ?? '') +
  (mail.attachments ?? []).reduce((sum, a) => sum + Math.ceil((a.size * 4) / 3), 0);
const recipients = (mail: StoredMail) =>
  mail.destination.to.length + (mail.destination.cc?.length ?? 0) + (mail.destination.bcc?.length ?? 0);

/** Polls until `check` returns a value, or fails naming what it waited for. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A scenario run: the API requests it made, and the runtime to observe. */
class Run {
  apiRequests = 0;
  apiBytes = 0;
  constructor(readonly runtime: LocalRuntime) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    this.apiRequests += 1;
    const response = await fetch(`${this.runtime.urls.web}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    this.apiBytes += Buffer.byteLength(text);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  async mailbox(): Promise<StoredMail[]> {
    const response = await fetch(`${this.runtime.urls.ses}/store`);
    return ((await response.json()) as { emails: StoredMail[] }).emails;
  }

  mailTo(address: string, matching: (mail: StoredMail) => boolean = () => true) {
    return until(`a mail to ${address}`, async () =>
      (await this.mailbox()).find((m) => m.destination.to.includes(address) && matching(m)),
    );
  }

  executionEnded(machine: string, name: string) {
    const arn = `${this.runtime.env[`${machine.toUpperCase().replaceAll('-', '_')}_STATE_MACHINE_ARN`]}`;
    return until(`the ${machine} execution of ${name}`, async () => {
      const found = this.runtime.engine
        .listExecutions({ stateMachineArn: arn })
        .executions.find((e) => e.name.startsWith(name) && e.status !== 'RUNNING');
      return found;
    });
  }

  submit(form: string, data: Record<string, unknown>, locale = 'de') {
    const submissionId = randomUUID();
    return this.call(
      'POST',
      `/api/forms/${form}/submissions`,
      { submissionId, formVersion: 1, locale, data, consent: { version: '2026-11-01', accepted: true } },
      // One client per run, so the per-client rate limit never turns a run away.
      { 'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1` },
    ).then((receipt) => ({ submissionId, receipt }));
  }
}

/** Waits until no function has run for a moment: stream consumers and workflow steps are done. */
async function quiet(recorder: UsageRecorder, quietMs = 600) {
  let seen = recorder.invocationsSeen;
  let since = Date.now();
  await until(
    'the runtime to become quiet',
    async () => {
      if (recorder.invocationsSeen !== seen) {
        seen = recorder.invocationsSeen;
        since = Date.now();
      }
      return Date.now() - since >= quietMs ? true : undefined;
    },
    120_000,
  );
}

/**
 * One volunteer registration on the shipped form, through approval: the applicant opens the form
 * (organisation settings, the form) and submits; the coordinator opens the link in the mail
 * (settings, the application) and approves. Ends when the outcome mail is out and nothing runs.
 */
async function registration(run: Run, index: number) {
  const email = `cost-${index}-${randomUUID().slice(0, 8)}@example.org`;
  await run.call('GET', '/api/settings');
  await run.call('GET', `/api/forms/${REGISTRATION_FORM}?locale=de`);
  const { submissionId } = await run.submit(REGISTRATION_FORM, {
    firstName: `Person${index}`,
    lastName: 'Kosten',
    email,
    postalCode: '50667',
    languages: [{ language: 'ar', level: 'native' }],
    availabilityDays: ['tue'],
    motivation: 'Ich möchte helfen.',
  });
  const request = await run.mailTo('koordination@example.org', (m) => m.subject.includes(`Person${index} `));
  const token = /\/decide\/([A-Za-z0-9_-]{43})/.exec(request.body.text ?? '')?.[1];
  if (!token) throw new Error('the approval request has no decision link');
  await run.call('GET', '/api/settings');
  await run.call('GET', `/api/decisions/${token}`);
  await run.call(
    'POST',
    `/api/decisions/${token}`,
    { decision: 'approve' },
    { origin: run.runtime.urls.web, 'sec-fetch-site': 'same-origin' },
  );
  await run.executionEnded('volunteer-onboarding', submissionId);
  await until('the outcome mail', async () =>
    (await run.mailbox()).filter((m) => m.destination.to.includes(email)).length >= 2 ? true : undefined,
  );
}

/**
 * One counselling request on the shipped form: the person submits, the team is notified and the
 * person acknowledged, a team member opens the case and picks it up.
 */
async function intake(run: Run, index: number, staffToken: string) {
  const email = `cost-intake-${index}-${randomUUID().slice(0, 8)}@example.org`;
  await run.call('GET', '/api/settings');
  await run.call('GET', `/api/forms/${INTAKE_FORM}?locale=de`);
  const { submissionId } = await run.submit(INTAKE_FORM, {
    topics: ['housing'],
    languages: ['ar'],
    firstName: `Person${index}`,
    lastName: 'Kosten',
    age: 19,
    contactMethod: 'email',
    email,
  });
  await run.mailTo(email);
  const headers = { authorization: `Bearer ${staffToken}` };
  await until('the case to open', async () => {
    const response = await fetch(`${run.runtime.urls.api}/admin/cases/${submissionId}`, { headers });
    return response.status === 200 ? true : undefined;
  });
  run.apiRequests += 1;
  await run.call('POST', `/api/admin/cases/${submissionId}/pickup`, undefined, headers);
  await run.executionEnded('counselling-intake', submissionId);
}

export interface ScenarioResult {
  readonly runs: number;
  readonly usage: Usage;
}

async function measure(
  runtime: LocalRuntime,
  recorder: UsageRecorder,
  runs: number,
  one: (run: Run, index: number) => Promise<void>,
): Promise<ScenarioResult> {
  // One run first, not counted: it loads every handler once (cold starts are not what a month is made of).
  await one(new Run(runtime), -1);
  await quiet(recorder);
  const mailsBefore = new Set((await new Run(runtime).mailbox()).map((m) => m.messageId));
  const workflowsBefore = workflowTotals(runtime.engine);
  recorder.reset();
  const run = new Run(runtime);
  for (let index = 0; index < runs; index++) await one(run, index);
  await quiet(recorder);
  const taken = recorder.take();
  const mails = (await run.mailbox()).filter((m) => !mailsBefore.has(m.messageId));
  const workflows = workflowTotals(runtime.engine);
  return {
    runs,
    usage: {
      ...taken,
      transitions: difference(workflows.transitions, workflowsBefore.transitions),
      executions: workflows.executions - workflowsBefore.executions,
      historyEvents: workflows.historyEvents - workflowsBefore.historyEvents,
      mails: {
        count: mails.reduce((sum, m) => sum + recipients(m), 0),
        bytes: mails.reduce((sum, m) => sum + mailBytes(m) * recipients(m), 0),
      },
      apiRequests: run.apiRequests,
      apiBytes: run.apiBytes,
    },
  };
}

export const measureRegistrations = (runtime: LocalRuntime, recorder: UsageRecorder, runs: number) =>
  measure(runtime, recorder, runs, registration);

export async function measureIntakes(runtime: LocalRuntime, recorder: UsageRecorder, runs: number) {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: runtime.urls.dynamodb }));
  await dynamoStaffStore(client, runtime.env.TABLE_NAME as string).put({
    // issueFor('team') signs as `test-team`.
    sub: 'test-team',
    username: 'test-team',
    forms: [INTAKE_FORM],
    updatedAt: new Date().toISOString(),
    updatedBy: 'npm run cost',
  });
  const token = runtime.auth.issueFor('team', ['coordinator']).AccessToken;
  return measure(runtime, recorder, runs, (run, index) => intake(run, index, token));
}

/** One invocation of each scheduled function, as the schedule makes it when nothing happens. */
export async function measureScheduled(
  runtime: LocalRuntime,
  recorder: UsageRecorder,
  ids: readonly string[],
  runs = 5,
) {
  const result: Record<string, Usage> = {};
  for (const id of ids) {
    await runtime.invoke(id as never, {});
    recorder.reset();
    for (let i = 0; i < runs; i++) await runtime.invoke(id as never, {});
    result[id] = recorder.take();
  }
  return result;
}
