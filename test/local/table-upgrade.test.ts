import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mainTable } from '../../functions/shared/definitions/table.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local.ts';
import { ensureTable } from '../../infra/local/dynamodb/tables.ts';
import { freePort } from '../../infra/local/ports.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';

/** A data folder from an older version gets the indexes added since, without losing its items. */
let dir: string;
let dynamo: DynamoDbLocal;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lotse-upgrade-'));
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  dynamo = await startDynamoDbLocal({
    host: '127.0.0.1',
    port: await freePort(),
    cacheDir: join(repositoryRoot, '.lotse', 'cache'),
  });
});

afterAll(async () => {
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('adds the indexes an older table lacks', async () => {
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-central-1' });
  const older = { ...mainTable, globalSecondaryIndexes: mainTable.globalSecondaryIndexes.slice(0, 1) };
  const before = await ensureTable(client, 'lotse-main', older);
  expect(before?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['gsi1']);

  const after = await ensureTable(client, 'lotse-main');
  expect(after?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
    mainTable.globalSecondaryIndexes.map((index) => index.indexName).sort(),
  );
  expect(after?.GlobalSecondaryIndexes?.every((index) => index.IndexStatus === 'ACTIVE')).toBe(true);
});
