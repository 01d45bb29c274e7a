import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local.ts';
import { type StreamTarget, startStreamPoller } from '../../infra/local/dynamodb/stream-poller.ts';
import { ensureTable } from '../../infra/local/dynamodb/tables.ts';
import { freePort } from '../../infra/local/ports.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { eventually } from '../support/poll.ts';

/**
 * The local stream reader against DynamoDB Local on disk, which keeps its stream (same shard, same
 * sequence numbers) across a restart, even a kill -9: so the reader's checkpoint means something.
 */
let dir: string;
let port: number;
let dynamo: DynamoDbLocal;
let streamArn: string;
const checkpointFile = () => join(dir, 'stream-checkpoint.json');

const startDynamo = async () => {
  dynamo = await startDynamoDbLocal({
    host: '127.0.0.1',
    port,
    cacheDir: join(repositoryRoot, '.lotse', 'cache'),
    dbPath: join(dir, 'dynamodb'),
  });
  const table = await ensureTable(client(), 'lotse-main');
  streamArn = table?.LatestStreamArn as string;
};
const client = () =>
  new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lotse-stream-'));
  port = await freePort();
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  await startDynamo();
});

afterAll(async () => {
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const put = (id: string) =>
  client().send(
    new PutItemCommand({
      TableName: 'lotse-main',
      Item: { pk: { S: `SUBMISSION#${id}` }, sk: { S: 'SUBMISSION' }, type: { S: 'Submission' } },
    }),
  );

type LambdaEvent = { Records: { dynamodb: { Keys: { pk: { S: string } }; SequenceNumber: string } }[] };
const idOf = (record: LambdaEvent['Records'][number]) => record.dynamodb.Keys.pk.S.replace('SUBMISSION#', '');

/** A target that records what it got; `failing` ids are answered as failed every time. */
function recorder(failing: ReadonlySet<string> = new Set()) {
  const delivered: string[] = [];
  const target: StreamTarget = {
    name: 'recorder',
    filter: { eventName: 'INSERT', itemType: 'Submission' },
    batchSize: 10,
    maxRetries: 2,
    invoke: async (event) => {
      const records = (event as LambdaEvent).Records;
      const failed = records.find((r) => failing.has(idOf(r)));
      const upTo = failed ? records.indexOf(failed) : records.length;
      delivered.push(...records.slice(0, upTo).map(idOf));
      return { batchItemFailures: failed ? [{ itemIdentifier: failed.dynamodb.SequenceNumber }] : [] };
    },
  };
  return { target, delivered };
}

const poll = (target: StreamTarget) =>
  startStreamPoller({
    endpoint: dynamo.endpoint,
    region: 'eu-central-1',
    streamArn,
    targets: [target],
    retryBaseMs: 10,
    pollIntervalMs: 20,
    checkpointFile: checkpointFile(),
  });

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const got = (delivered: string[], expected: string[]) => () =>
  expected.every((id) => delivered.includes(id)) ? true : undefined;

describe('the local stream reader', () => {
  it('resumes after its checkpoint across a restart of both itself and DynamoDB Local', async () => {
    const first = recorder();
    const reader = poll(first.target);
    await Promise.all(ids('a', 5).map(put));
    await eventually(got(first.delivered, ids('a', 5)), { what: 'the first five' });
    await reader.stop();

    // Written while nothing reads; then DynamoDB Local dies the hard way and comes back.
    await Promise.all(ids('b', 3).map(put));
    dynamo.process.kill('SIGKILL');
    await dynamo.stop();
    await startDynamo();

    const second = recorder();
    const resumed = poll(second.target);
    await put('c-0');
    await eventually(got(second.delivered, [...ids('b', 3), 'c-0']), {
      what: 'the records after the checkpoint',
    });
    await resumed.stop();
    expect(second.delivered.filter((id) => id.startsWith('a-'))).toEqual([]);
    expect(second.delivered.sort()).toEqual([...ids('b', 3), 'c-0']);
  });

  it('moves past a record that keeps failing, after its retries', async () => {
    const { target, delivered } = recorder(new Set(['d-1']));
    const reader = poll(target);
    await put('d-0');
    await put('d-1');
    await put('d-2');
    await eventually(got(delivered, ['d-0', 'd-2']), { what: 'the record behind the failing one' });
    await reader.stop();
    expect(delivered).not.toContain('d-1');
  });

  it('reads a shard from its start when the checkpoint does not know it', async () => {
    writeFileSync(checkpointFile(), JSON.stringify({ streamArn, shards: { 'shardId-gone': '1' } }));
    const { target, delivered } = recorder();
    const reader = poll(target);
    await eventually(got(delivered, [...ids('a', 5), ...ids('b', 3), 'c-0', 'd-2']), {
      what: 'every record from the start',
    });
    await reader.stop();
  });
});
