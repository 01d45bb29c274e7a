import { randomUUID } from 'node:crypto';
import type { LocalRuntime } from '../infra/local/runtime.ts';
import { fixtureForm } from '../test/support/fixture-form.ts';
import { bareSubmissionWrites } from './bare-writes.ts';
import { request } from './http.ts';
import { fmt, heading, latencyHeader, latencyRow, median, printTable, since, summarize } from './stats.ts';

/** Issue 12: a submission costs at most 1.5 times a bare conditional PutItem (p50, same run). */
const SUBMIT_TARGET = 1.5;

export interface SubmissionBenchOptions {
  readonly count: number;
  readonly warmup: number;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly maxRequests: number;
}

/**
 * Benchmark 5: the submit handler (envelope check, ajv against the cached form version, one
 * transaction with the rate-limit hit and the published-version check) against a bare conditional
 * PutItem of the same submission item on the same DynamoDB Local, and the bare transaction; then
 * submissions per second at a fixed concurrency. Each request comes from its own simulated client
 * (X-Forwarded-For) so the per-client rate limit does not cut the series short.
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
  const bare = bareSubmissionWrites(runtime, { slug, version }, data);
  for (let i = 0; i < options.warmup; i++) {
    await submit();
    await bare.put();
    await bare.transaction();
    await bare.threeRoundTrips();
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
  // Interleave in blocks so every series sees the same machine load.
  const putMs: number[] = [];
  const transactionMs: number[] = [];
  const beforeMs: number[] = [];
  const submitMs: number[] = [];
  for (let block = 0; block < 4; block++) {
    putMs.push(...(await measure(bare.put)));
    submitMs.push(...(await measure(submit)));
    transactionMs.push(...(await measure(bare.transaction)));
    beforeMs.push(...(await measure(() => bare.threeRoundTrips())));
  }
  printTable(latencyHeader, [
    latencyRow('DynamoDB PutItem (a submission, conditional)', summarize(putMs)),
    latencyRow("DynamoDB TransactWriteItems (the submit's write)", summarize(transactionMs)),
    latencyRow('DynamoDB before issue 12: UpdateItem, GetItem, PutItem', summarize(beforeMs)),
    latencyRow('POST /api/forms/{slug}/submissions', summarize(submitMs)),
  ]);
  const ratio = median(submitMs) / median(putMs);
  console.log(
    `  ratio of medians submit ÷ PutItem: ${fmt(ratio, 2)}x (target ≤ ${SUBMIT_TARGET}x: ${ratio <= SUBMIT_TARGET ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  ratio of medians TransactWriteItems ÷ PutItem: ${fmt(median(transactionMs) / median(putMs), 2)}x (what the transaction itself adds)`,
  );
  console.log(
    `  ratio of medians UpdateItem+GetItem+PutItem ÷ PutItem: ${fmt(median(beforeMs) / median(putMs), 2)}x (the round trips the submit made before, without API)`,
  );

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
