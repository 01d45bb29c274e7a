import { randomUUID } from 'node:crypto';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { LocalRuntime } from '../infra/local/runtime.ts';
import { fixtureForm } from '../test/support/fixture-form.ts';
import { request } from './http.ts';
import { fmt, heading, latencyHeader, latencyRow, median, printTable, since, summarize } from './stats.ts';

export interface SubmissionBenchOptions {
  readonly count: number;
  readonly warmup: number;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly maxRequests: number;
}

/**
 * Benchmark 5: the submit handler (envelope check, ajv against the form version, rate limit,
 * conditional put) against a bare PutItem of a submission-sized item on the same DynamoDB Local,
 * then submissions per second at a fixed concurrency. Each request comes from its own simulated
 * client (X-Forwarded-For) so the per-client rate limit does not cut the series short.
 */
export async function benchSubmissions(
  runtime: LocalRuntime,
  options: SubmissionBenchOptions,
): Promise<void> {
  heading('5. Form submissions: POST /api/forms/{slug}/submissions vs bare DynamoDB PutItem');
  const api = runtime.urls.api;
  const slug = 'bench-form';
  const token = runtime.auth.issueFor('bench', ['admin']).AccessToken;
  const admin = { authorization: `Bearer ${token}` };
  const saved = await request(`${api}/admin/forms/${slug}/versions`, {
    method: 'POST',
    json: fixtureForm(slug),
    headers: admin,
  });
  const { version } = JSON.parse(saved.body) as { version: number };
  await request(`${api}/admin/forms/${slug}/versions/${version}/publish`, { method: 'POST', headers: admin });

  const data = () => ({
    name: 'Amal',
    email: `bench-${randomUUID()}@example.org`,
    age: 31,
    topics: ['housing', 'work'],
  });
  let client = 0;
  const submit = async () => {
    client += 1;
    const reply = await request(`${api}/forms/${slug}/submissions`, {
      method: 'POST',
      json: {
        submissionId: randomUUID(),
        formVersion: version,
        locale: 'de',
        data: data(),
        consent: { version: '2026-11-01', accepted: true },
      },
      headers: { 'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}` },
    });
    if (reply.status !== 202)
      throw new Error(`submission answered ${reply.status}: ${reply.body.slice(0, 200)}`);
  };
  const dynamo = new DynamoDBClient({
    endpoint: runtime.urls.dynamodb,
    region: runtime.env.AWS_REGION as string,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const put = async () => {
    const id = randomUUID();
    await dynamo.send(
      new PutItemCommand({
        TableName: runtime.env.TABLE_NAME as string,
        Item: {
          pk: { S: `BENCH#${id}` },
          sk: { S: 'SUBMISSION' },
          data: { S: JSON.stringify(data()) },
          receivedAt: { S: new Date().toISOString() },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  };
  for (let i = 0; i < options.warmup; i++) {
    await submit();
    await put();
  }
  const measure = async (once: () => Promise<void>) => {
    const samples: number[] = [];
    for (let i = 0; i < options.count; i++) {
      const started = performance.now();
      await once();
      samples.push(since(started));
    }
    return samples;
  };
  // Interleave in blocks so both series see the same machine load.
  const putMs: number[] = [];
  const submitMs: number[] = [];
  for (let block = 0; block < 4; block++) {
    putMs.push(...(await measure(put)));
    submitMs.push(...(await measure(submit)));
  }
  printTable(latencyHeader, [
    latencyRow('DynamoDB PutItem (submission-sized, conditional)', summarize(putMs)),
    latencyRow('POST /api/forms/{slug}/submissions', summarize(submitMs)),
  ]);
  console.log(`  ratio of medians submit ÷ PutItem: ${fmt(median(submitMs) / median(putMs), 1)}x`);

  let done = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (since(started) < options.durationMs && done + errors < options.maxRequests) {
      try {
        await submit();
        done += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = since(started) / 1000;
  console.log(
    `  throughput at concurrency ${options.concurrency}: ${fmt(done / seconds, 1)} submissions/s (${done} in ${fmt(seconds, 1)} s, ${errors} errors)`,
  );
  console.log(
    '  each accepted submission also starts its workflow from the stream and sends a confirmation e-mail, in this process',
  );
}
