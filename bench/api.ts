import { randomUUID } from 'node:crypto';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { LocalRuntime } from '../infra/local/runtime.ts';
import { request } from './http.ts';
import { withLoopDelay } from './loop.ts';
import { fmt, heading, latencyHeader, latencyRow, median, printTable, since, summarize } from './stats.ts';

export interface ApiOptions {
  /** Requests per measured series. */
  readonly count: number;
  readonly warmup: number;
  /** Upper bound per series; a series stops early when it is reached. */
  readonly seriesBudgetMs: number;
}

/** Runs `once` sequentially up to `count` times or until the budget is spent; returns latencies (ms). */
async function series(
  count: number,
  budgetMs: number,
  once: (i: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const started = performance.now();
    await once(i);
    latencies.push(since(started));
  }
  return latencies;
}

const expect = (status: number, wanted: number, what: string) => {
  if (status !== wanted) throw new Error(`${what} answered ${status}, expected ${wanted}`);
};

/** System checks are for admins only (they send mail): the benchmarks run them as one. */
export const adminHeaders = (runtime: LocalRuntime): Record<string, string> => ({
  authorization: `Bearer ${runtime.auth.issueFor('bench', ['admin']).AccessToken}`,
});

export const postSystemCheck = async (api: string, headers: Record<string, string>): Promise<string> => {
  const reply = await request(`${api}/system-checks`, {
    method: 'POST',
    headers,
    json: { recipient: `bench-${randomUUID()}@example.org` },
  });
  expect(reply.status, 202, 'POST /api/system-checks');
  return (JSON.parse(reply.body) as { checkId: string }).checkId;
};

/** How many mails the local SES holds. */
export async function mailCount(runtime: LocalRuntime): Promise<number> {
  const reply = await request(`${runtime.urls.ses}/store`);
  return (JSON.parse(reply.body) as { emails: unknown[] }).emails.length;
}

/** Polls the local SES until it holds `expected` mails or `timeoutMs` passes; returns the time waited. */
export async function waitForMails(runtime: LocalRuntime, expected: number, timeoutMs: number) {
  const started = performance.now();
  let count = await mailCount(runtime);
  while (count < expected && since(started) < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    count = await mailCount(runtime);
  }
  return { count, waitedMs: since(started) };
}

/**
 * Benchmark 2: latency of the API's write path against a bare DynamoDB PutItem on the same
 * DynamoDB Local, plus GET /api/health and GET /api/system-checks/{id} for reference.
 */
export async function benchApi(runtime: LocalRuntime, options: ApiOptions): Promise<void> {
  heading('2. API latency vs bare DynamoDB (sequential, one request at a time)');
  const api = runtime.urls.api;
  const admin = adminHeaders(runtime);
  const table = runtime.env.TABLE_NAME as string;
  const dynamo = new DynamoDBClient({
    endpoint: runtime.urls.dynamodb,
    region: runtime.env.AWS_REGION as string,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const mailsBefore = await mailCount(runtime);
  let posted = 0;
  try {
    const plainPut = async () => {
      await dynamo.send(
        new PutItemCommand({
          TableName: table,
          Item: { pk: { S: `BENCH#${randomUUID()}` }, sk: { S: 'BENCH' } },
        }),
      );
    };
    // The same shape and condition as the system-check store's create (functions/shared/adapters).
    const checkLikePut = async () => {
      const id = randomUUID();
      const now = new Date().toISOString();
      await dynamo.send(
        new PutItemCommand({
          TableName: table,
          Item: {
            pk: { S: `BENCH#${id}` },
            sk: { S: 'CHECK' },
            type: { S: 'SystemCheck' },
            checkId: { S: id },
            recipient: { S: `bench-${id}@example.org` },
            locale: { S: 'en' },
            status: { S: 'pending' },
            createdAt: { S: now },
            updatedAt: { S: now },
            failedAttempts: { N: '0' },
            expiresAt: { N: String(Math.floor(Date.now() / 1000) + 3600) },
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    };
    const health = async () => expect((await request(`${api}/health`)).status, 200, 'GET /api/health');
    const post = async () => {
      await postSystemCheck(api, admin);
      posted += 1;
    };

    // Warm-up: load every handler module, open keep-alive connections, let the JVM JIT settle a bit.
    for (let i = 0; i < options.warmup; i++) {
      await plainPut();
      await checkLikePut();
      await health();
      await post();
    }
    // Let the warm-up's workflows (mail sending) finish before measuring.
    await waitForMails(runtime, mailsBefore + posted, 10_000);

    const budget = options.seriesBudgetMs;
    const healthMs = await series(options.count, budget, health);
    const plainMs = await series(options.count, budget, plainPut);
    const conditionalMs = await series(options.count, budget, checkLikePut);
    const ids: string[] = [];
    const postStarted = performance.now();
    const { result: postMs, loop: postLoop } = await withLoopDelay(() =>
      series(options.count, budget, async () => {
        ids.push(await postSystemCheck(api, admin));
        posted += 1;
      }),
    );
    const postSeriesMs = since(postStarted);
    const drained = await waitForMails(runtime, mailsBefore + posted, 20_000);
    const getMs = await series(options.count, budget, async (i) => {
      const reply = await request(`${api}/system-checks/${ids[i % ids.length]}`, { headers: admin });
      expect(reply.status, 200, 'GET /api/system-checks/{id}');
    });

    printTable(latencyHeader, [
      latencyRow('GET /api/health', summarize(healthMs)),
      latencyRow('DynamoDB PutItem (pk/sk only)', summarize(plainMs)),
      latencyRow('DynamoDB PutItem (check-like item, conditional)', summarize(conditionalMs)),
      latencyRow('POST /api/system-checks', summarize(postMs)),
      latencyRow('GET /api/system-checks/{id}', summarize(getMs)),
    ]);
    const ratio = median(postMs) / median(plainMs);
    const ratioConditional = median(postMs) / median(conditionalMs);
    console.log(`  ratio of medians POST /api/system-checks ÷ PutItem (pk/sk only):       ${fmt(ratio, 1)}x`);
    console.log(
      `  ratio of medians POST /api/system-checks ÷ PutItem (check-like, cond.): ${fmt(ratioConditional, 1)}x`,
    );
    console.log(
      '  note: each POST is the real path — conditional put in DynamoDB, then StartExecution on the',
    );
    console.log(
      '  local Step Functions service; the workflow then sends a mail through local SES asynchronously,',
    );
    console.log('  in this same process, so it competes with the following requests.');
    console.log(
      `  ${ids.length} POSTs took ${fmt(postSeriesMs, 0)} ms; mails in local SES afterwards: ` +
        `${drained.count - mailsBefore}/${posted} (waited ${fmt(drained.waitedMs, 0)} ms after the last POST for the backlog)`,
    );
    console.log(`  POST series ${postLoop}`);
  } finally {
    dynamo.destroy();
  }
}
