import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoFormStore } from '../../functions/shared/adapters/form-store.ts';
import { dynamoRateLimiter, rateWindow } from '../../functions/shared/adapters/rate-limiter.ts';
import { dynamoSubmissionStore } from '../../functions/shared/adapters/submission-store.ts';
import { dynamoSubmissionWriter } from '../../functions/shared/adapters/submission-writer.ts';
import { compileFormSchema } from '../../functions/shared/domain/form-schema-compiler.ts';
import type { FormStore } from '../../functions/shared/domain/forms.ts';
import { type SubmitDeps, submit } from '../../functions/shared/domain/submissions.ts';
import { fixtureForm } from '../support/fixture-form.ts';
import { jsonApi } from '../support/json-api.ts';
import { startTestRuntime } from '../support/runtime.ts';

// The submit path's one write: what the transaction must still guarantee (issue 12 §4).
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let table: string;
let adminToken: string;
const rateLimit = { limit: 20, windowSeconds: 300 };

beforeAll(async () => {
  env = await startTestRuntime();
  api = env.runtime.urls.api;
  table = String(env.runtime.env.TABLE_NAME);
  adminToken = env.runtime.auth.issueFor('alice', ['admin']).AccessToken;
});

afterAll(async () => {
  await env?.stop();
});

const { send, admin } = jsonApi(
  () => api,
  () => adminToken,
);

async function publish(slug: string, extra: Record<string, unknown> = {}, minAge?: number) {
  const definition = { ...fixtureForm(slug, minAge === undefined ? {} : { minAge }), ...extra };
  const saved = await admin('POST', `/admin/forms/${slug}/versions`, definition);
  expect(saved.status, await saved.clone().text()).toBe(201);
  const { version } = (await saved.json()) as { version: number };
  expect((await admin('POST', `/admin/forms/${slug}/versions/${version}/publish`)).status).toBe(200);
  return version;
}

const newSlug = () => `write-${randomUUID().slice(0, 8)}`;
const newClient = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.9`;
const body = (version: number, data: Record<string, unknown> = {}, submissionId = randomUUID()) => ({
  submissionId,
  formVersion: version,
  locale: 'en',
  data: { name: 'Amal', email: `${randomUUID()}@example.org`, age: 31, ...data },
  consent: { version: '2026-11-01', accepted: true },
});
const post = (slug: string, payload: unknown, client: string) =>
  send('POST', `/forms/${slug}/submissions`, payload, { 'x-forwarded-for': client });

/** A document client of our own whose calls we can count, as a function instance has one. */
function countingDeps(wrapForms: (forms: FormStore) => FormStore = (forms) => forms) {
  const base = new DynamoDBClient({});
  const calls: string[] = [];
  base.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize' },
  );
  const client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  const deps: SubmitDeps = {
    forms: wrapForms(dynamoFormStore(client, table)),
    submissions: dynamoSubmissionStore(client, table),
    writer: dynamoSubmissionWriter(client, table, rateLimit),
    rateLimiter: dynamoRateLimiter(client, table, rateLimit),
    compile: compileFormSchema,
    now: () => new Date(),
  };
  return { deps, calls };
}

const storedSubmission = async (submissionId: string) =>
  (
    await DynamoDBDocumentClient.from(new DynamoDBClient({})).send(
      new GetCommand({ TableName: table, Key: { pk: `SUBMISSION#${submissionId}`, sk: 'SUBMISSION' } }),
    )
  ).Item;

const hitsOf = async (client: string) =>
  (
    await DynamoDBDocumentClient.from(new DynamoDBClient({})).send(
      new GetCommand({
        TableName: table,
        Key: rateWindow(`submit#${client}`, new Date(), rateLimit.windowSeconds).key,
        ConsistentRead: true,
      }),
    )
  ).Item?.hits;

describe('one write per submission', () => {
  it('makes a single TransactWriteItems call once the function has read the version', async () => {
    const slug = newSlug();
    const version = await publish(slug);
    const { deps, calls } = countingDeps();
    await submit(deps, slug, body(version), newClient());
    expect(calls).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    calls.length = 0;
    const receipt = await submit(deps, slug, body(version), newClient());
    expect(calls).toEqual(['TransactWriteItemsCommand']);
    expect((await storedSubmission(receipt.submissionId))?.formVersion).toBe(version);
  });

  it('refuses a submission when the form was closed between reading its version and writing', async () => {
    const slug = newSlug();
    const version = await publish(slug);
    let closeOnNextRead = false;
    const { deps } = countingDeps((forms) => ({
      ...forms,
      async getVersion(formSlug, number) {
        const found = await forms.getVersion(formSlug, number);
        if (closeOnNextRead) {
          closeOnNextRead = false;
          const closesAt = new Date(Date.now() - 60_000).toISOString();
          await publish(slug, { availability: { opensAt: '2020-01-01T00:00:00Z', closesAt } });
        }
        return found;
      },
    }));
    await submit(deps, slug, body(version), newClient());
    closeOnNextRead = true;
    const late = body(version);
    await expect(submit(deps, slug, late, newClient())).rejects.toThrow('This form is closed');
    expect(await storedSubmission(late.submissionId)).toBeUndefined();
  });
});

describe('a version published between two submissions', () => {
  it('validates each against the version its page showed, as before', async () => {
    const slug = newSlug();
    const first = await publish(slug);
    const client = newClient();
    expect((await post(slug, body(first), client)).status).toBe(202);
    const second = await publish(slug, {}, 40);

    const onOldPage = await post(slug, body(first, { age: 31 }), client);
    expect(onOldPage.status).toBe(202);
    expect(((await onOldPage.json()) as { formVersion: number }).formVersion).toBe(first);

    const onNewPage = await post(slug, body(second, { age: 31 }), client);
    expect(onNewPage.status).toBe(400);
    const { error } = (await onNewPage.json()) as { error: { issues: Array<{ field: string }> } };
    expect(error.issues.map((issue) => issue.field)).toEqual(['age']);

    const invalidOnOldPage = await post(slug, body(first, { age: 3 }), client);
    expect(invalidOnOldPage.status).toBe(409);
  });
});

describe('retries with the same id', () => {
  it('get the same receipt, store once and count one hit; other answers with that id are refused', async () => {
    const slug = newSlug();
    const version = await publish(slug);
    const client = newClient();
    const payload = body(version);
    const first = await post(slug, payload, client);
    const again = await post(slug, payload, client);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(await again.json()).toEqual(await first.json());
    expect(await hitsOf(client)).toBe(1);

    const other = await post(slug, { ...payload, data: { ...payload.data, name: 'Other' } }, client);
    expect(other.status).toBe(409);
    expect((await storedSubmission(payload.submissionId))?.data).toEqual(payload.data);
  });
});

describe('the rate limit inside the write', () => {
  it('lets exactly the limit through when one client sends more at once, and stores none of the rest', async () => {
    const slug = newSlug();
    const version = await publish(slug);
    const client = newClient();
    const payloads = Array.from({ length: rateLimit.limit + 5 }, () => body(version));
    const statuses = await Promise.all(
      payloads.map(async (payload) => (await post(slug, payload, client)).status),
    );
    expect(statuses.filter((status) => status === 202)).toHaveLength(rateLimit.limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const refused = payloads.filter((_, index) => statuses[index] === 429);
    for (const payload of refused) expect(await storedSubmission(payload.submissionId)).toBeUndefined();

    // A retry of an accepted one still gets its receipt, although the client is over its limit.
    const accepted = payloads[statuses.indexOf(202)];
    expect((await post(slug, accepted, client)).status).toBe(202);
  });
});
