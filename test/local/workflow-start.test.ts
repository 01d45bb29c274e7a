import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/shared/adapters/dynamo.ts';
import { PENDING_WORKFLOW_KEY } from '../../functions/shared/adapters/submission-store.ts';
import { fixtureForm } from '../support/fixture-form.ts';
import { eventually } from '../support/poll.ts';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * Workflow starts on the real local runtime: a submission whose start can never succeed is
 * recorded and set aside, and neither the stream nor the redrive lets it hold up the others.
 */
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let table: string;
let slug: string;
let version: number;
const db = () => documentClient();

beforeAll(async () => {
  env = await startTestRuntime();
  table = env.runtime.env.TABLE_NAME as string;
  slug = `form-${randomUUID().slice(0, 8)}`;
  const token = env.runtime.auth.issueFor('alice', ['admin']).AccessToken;
  const admin = (path: string, body?: unknown) =>
    fetch(`${env.runtime.urls.api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const saved = await admin(`/admin/forms/${slug}/versions`, fixtureForm(slug));
  version = ((await saved.json()) as { version: number }).version;
  expect((await admin(`/admin/forms/${slug}/versions/${version}/publish`)).status).toBe(200);
});

afterAll(async () => {
  await env?.stop();
});

const executionArn = (submissionId: string) =>
  `${process.env.SUBMISSION_RECEIVED_STATE_MACHINE_ARN?.replace(':stateMachine:', ':execution:')}:${submissionId}`;

const item = async (submissionId: string) =>
  (await db().send(new GetCommand({ TableName: table, Key: key(submissionId), ConsistentRead: true }))).Item;
const key = (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'SUBMISSION' });

/** A stored submission as the submit handler writes it, for a workflow of our choosing. */
function storedSubmission(workflow: string, receivedAt = new Date().toISOString()) {
  const submissionId = randomUUID();
  return {
    ...key(submissionId),
    type: 'Submission',
    submissionId,
    receiptNumber: 'L-TEST-0000',
    formSlug: slug,
    formVersion: version,
    workflow,
    locale: 'de',
    data: { name: 'Poison', email: `${randomUUID()}@example.org` },
    consent: { version: '2026-11-01', acceptedAt: receivedAt, locale: 'de' },
    receivedAt,
    expiresAt: Math.floor(Date.now() / 1000) + 86_400,
    payloadHash: 'test',
    workflowStatus: 'pending',
    gsi1pk: PENDING_WORKFLOW_KEY,
    gsi1sk: `${receivedAt}#${submissionId}`,
  };
}

/**
 * Stores a pending submission the stream never delivers (its INSERT does not match the filter;
 * it becomes a Submission by a later MODIFY): what a lost stream record leaves behind.
 */
async function storeBehindTheStream(workflow: string): Promise<string> {
  const submission = storedSubmission(workflow, new Date(Date.now() - 60_000).toISOString());
  await db().send(new PutCommand({ TableName: table, Item: { ...submission, type: 'Imported' } }));
  await db().send(
    new UpdateCommand({
      TableName: table,
      Key: key(submission.submissionId),
      UpdateExpression: 'SET #type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'Submission' },
    }),
  );
  return submission.submissionId;
}

async function submitThroughTheApi(index: number): Promise<string> {
  const submissionId = randomUUID();
  const response = await fetch(`${env.runtime.urls.api}/forms/${slug}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${index % 250}.${index >> 8}` },
    body: JSON.stringify({
      submissionId,
      formVersion: version,
      locale: 'de',
      data: { name: 'Good', email: `${randomUUID()}@example.org`, age: 30 },
      consent: { version: '2026-11-01', accepted: true },
    }),
  });
  expect(response.status).toBe(202);
  return submissionId;
}

async function inBatches<T>(count: number, size: number, work: (index: number) => Promise<T>) {
  const results: T[] = [];
  for (let from = 0; from < count; from += size) {
    const batch = Array.from({ length: Math.min(size, count - from) }, (_, i) => work(from + i));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

async function events(submissionId: string) {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
      ExpressionAttributeValues: { ':pk': `SUBMISSION#${submissionId}`, ':events': 'EVENT#' },
    }),
  );
  return Items;
}

const startedCount = async (ids: readonly string[]) =>
  (await Promise.all(ids.map(item))).filter((i) => i?.workflowStatus === 'started').length;

describe('a submission whose workflow cannot start', () => {
  it('is recorded with a back-off and does not hold up the 200 good ones behind it in the stream', async () => {
    const poisoned = storedSubmission('submision-received');
    await db().send(new PutCommand({ TableName: table, Item: poisoned }));
    const began = Date.now();
    const good = await inBatches(200, 25, submitThroughTheApi);

    await eventually(async () => ((await startedCount(good)) === 200 ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 500,
      what: 'all 200 good submissions to start',
    });
    const allStartedMs = Date.now() - began;
    // Before the fix they waited behind the poisoned record for the whole retry series.
    expect(allStartedMs).toBeLessThan(80_000);
    const sfn = new SFNClient({});
    const one = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArn(good[199] as string) }),
    );
    expect(one.name).toBe(good[199]);

    const recorded = await eventually(async () => (await item(poisoned.submissionId))?.workflowError);
    expect(recorded).toMatchObject({ name: 'UnknownWorkflowError', attempts: 1 });
    expect(Date.parse(recorded.nextAttemptAt) - Date.parse(recorded.firstFailedAt)).toBe(5 * 60_000);
    const stored = await item(poisoned.submissionId);
    expect(stored?.gsi1pk).toBe(PENDING_WORKFLOW_KEY);
    expect(stored?.workflowStatus).toBe('pending');
    const timeline = await events(poisoned.submissionId);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      action: 'workflow-start-failed',
      actor: 'system',
      detail: { error: 'UnknownWorkflowError', attempts: '1', nextAttemptAt: recorded.nextAttemptAt },
    });
    expect(JSON.stringify([recorded, timeline])).not.toContain(poisoned.data.email);

    // Not due yet: the redrive leaves it alone instead of failing on it every five minutes.
    const { 'submission-workflow-redrive': report } = await env.runtime.redrive(0);
    expect(report).toMatchObject({ poisoned: 0, failed: 0 });
    expect((await item(poisoned.submissionId))?.workflowError.attempts).toBe(1);
  }, 180_000);
});

describe('the redrive', () => {
  it('pages through every pending submission, sets poisoned ones aside, backs off when throttled', async () => {
    const lost = await inBatches(250, 25, () => storeBehindTheStream('submission-received'));
    const poisoned = await inBatches(3, 3, () => storeBehindTheStream('no-such-workflow'));
    const realSend = SFNClient.prototype.send as (command: unknown) => Promise<unknown>;
    const realClient = new SFNClient({});
    let throttles = 30;
    const mock = mockClient(SFNClient);
    mock.on(StartExecutionCommand).callsFake(async (input) => {
      if (throttles-- > 0)
        throw Object.assign(new Error('Rate exceeded'), {
          name: 'ThrottlingException',
          $metadata: { httpStatusCode: 400 },
        });
      return realSend.call(realClient, new StartExecutionCommand(input));
    });
    let report: unknown;
    try {
      ({ 'submission-workflow-redrive': report } = await env.runtime.redrive(0));
    } finally {
      mock.restore();
    }
    expect(throttles).toBeLessThan(0);
    expect(report).toEqual({ started: 250, failed: 0, poisoned: 3, remaining: 3 });
    expect(await startedCount(lost)).toBe(250);
    const sfn = new SFNClient({});
    for (const submissionId of [lost[0], lost[120], lost[249]] as string[]) {
      const execution = await sfn.send(
        new DescribeExecutionCommand({ executionArn: executionArn(submissionId) }),
      );
      expect(JSON.parse(execution.input ?? '{}')).toEqual({
        submissionId,
        formSlug: slug,
        formVersion: version,
      });
    }
    for (const submissionId of poisoned) {
      expect((await item(submissionId))?.workflowError).toMatchObject({
        attempts: 1,
        name: 'UnknownWorkflowError',
      });
    }

    const again = await env.runtime.redrive(0);
    expect(again['submission-workflow-redrive']).toEqual({
      started: 0,
      failed: 0,
      poisoned: 0,
      remaining: 0,
    });
  }, 120_000);
});
