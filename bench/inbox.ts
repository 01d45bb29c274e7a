import { randomUUID } from 'node:crypto';
import { documentClient } from '../functions/shared/adapters/dynamo.ts';
import { dynamoInboxStore } from '../functions/shared/adapters/inbox-store.ts';
import { projectEntry } from '../functions/shared/domain/inbox-projection.ts';
import { receiptNumber, type Submission } from '../functions/shared/domain/submissions.ts';
import type { LocalRuntime } from '../infra/local/runtime.ts';
import { request } from './http.ts';
import { fmt, heading, latencyHeader, latencyRow, printTable, since, summarize } from './stats.ts';

const NAMES = ['Müller', 'Schmidt', 'Yılmaz', 'Haddad', 'Kowalski', 'Nguyen', 'Weber', 'Öztürk', 'Fischer'];
const STATUSES = ['pending', 'pending', 'approved', 'rejected', 'question'] as const;

/**
 * The inbox with `count` applications in one form (npm run bench -- --only=inbox). Entries are
 * seeded through the projection's own store (`project`: the entry, its counts move and its search
 * terms in one transaction, as the stream function writes them), not through the stream, which
 * would start `count` workflows. Then the routes a coordinator uses are timed over HTTP.
 */
export async function benchInbox(runtime: LocalRuntime, options: { count: number; samples: number }) {
  heading(`Inbox: ${options.count} applications in one form`);
  const slug = `bench-${randomUUID().slice(0, 8)}`;
  const store = dynamoInboxStore(documentClient(), runtime.env.TABLE_NAME as string);
  const seedStarted = performance.now();
  const emails: string[] = [];
  let next = 0;
  const start = Date.now() - options.count * 60_000;
  const worker = async () => {
    while (next < options.count) {
      const i = next++;
      const submission = syntheticSubmission(slug, i, start + i * 60_000);
      emails.push(String(submission.data.email));
      const approval = { status: STATUSES[i % STATUSES.length] as (typeof STATUSES)[number] };
      await store.project(
        projectEntry({ submission, approval, workflowFailed: false, settings: {} }),
        new Date().toISOString(),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const seedMs = since(seedStarted);
  console.log(
    `seeded ${options.count} entries in ${fmt(seedMs / 1000, 1)} s (${fmt(options.count / (seedMs / 1000), 0)}/s, concurrency 4)`,
  );

  const token = runtime.auth.issueFor('bench-admin', ['admin']).AccessToken;
  const headers = { authorization: `Bearer ${token}` };
  const get = async (path: string) => {
    const reply = await request(`${runtime.urls.api}${path}`, { headers });
    if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.body}`);
    return JSON.parse(reply.body) as { items: unknown[]; cursor?: string };
  };
  const post = async (path: string, json: unknown) => {
    const reply = await request(`${runtime.urls.api}${path}`, { method: 'POST', headers, json });
    if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.body}`);
    return JSON.parse(reply.body) as { items: unknown[] };
  };
  const time = async (what: string, run: (i: number) => Promise<unknown>) => {
    await run(-1); // warm-up: cold start of the function
    const samples: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const started = performance.now();
      await run(i);
      samples.push(since(started));
    }
    return latencyRow(what, summarize(samples));
  };
  const page5Cursor = async () => {
    let cursor: string | undefined;
    for (let page = 1; page < 5; page++)
      cursor = (await get(`/inbox?form=${slug}&limit=25${cursor ? `&cursor=${cursor}` : ''}`)).cursor;
    return cursor as string;
  };
  const cursor = await page5Cursor();
  const rows = [
    await time('first page (25)', () => get(`/inbox?form=${slug}&limit=25`)),
    await time('page 5 via cursor', () => get(`/inbox?form=${slug}&limit=25&cursor=${cursor}`)),
    await time('status=approved', () => get(`/inbox?form=${slug}&status=approved&limit=25`)),
    await time('step=question', () => get(`/inbox?form=${slug}&step=question&limit=25`)),
    await time('search by e-mail', async (i) => {
      const email = emails[((i + 1) * 97) % emails.length] as string;
      const found = await post('/inbox/search', { q: email, form: slug });
      if (found.items.length !== 1) throw new Error(`search found ${found.items.length}, not 1`);
    }),
    await time('search by name prefix "mül"', () =>
      post('/inbox/search', { q: 'mül', form: slug, limit: 25 }),
    ),
    await time('counts', () => get(`/inbox/counts?form=${slug}`)),
  ];
  printTable(latencyHeader, rows);
  console.log('target: each under 300 ms on the local runtime');
}

function syntheticSubmission(slug: string, i: number, at: number): Submission {
  const submissionId = randomUUID();
  return {
    submissionId,
    receiptNumber: receiptNumber(submissionId),
    formSlug: slug,
    formVersion: 1,
    workflow: 'volunteer-onboarding',
    locale: 'de',
    data: {
      firstName: `Person${i}`,
      lastName: NAMES[i % NAMES.length],
      email: `person${i}-${submissionId.slice(0, 6)}@example.org`,
    },
    consent: { version: '1', acceptedAt: new Date(at).toISOString(), locale: 'de' },
    receivedAt: new Date(at).toISOString(),
    expiresAt: Math.floor(at / 1000) + 365 * 86_400,
    payloadHash: '',
    workflowStatus: 'started',
  };
}
