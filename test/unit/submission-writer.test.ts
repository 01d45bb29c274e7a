import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { dynamoSubmissionWriter } from '../../functions/shared/adapters/submission-writer.ts';
import { sizedLruCache } from '../../functions/shared/adapters/version-cache.ts';
import type { Submission } from '../../functions/shared/domain/submissions.ts';

// DynamoDB's cancellations are injected here; the real transaction is tested in
// test/local/submission-write.test.ts.
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-central-1' }));
const writer = dynamoSubmissionWriter(client, 'lotse-main', { limit: 20, windowSeconds: 300 });
const submission = { submissionId: 'a1b2c3d4-0000-4000-8000-000000000000', formSlug: 'help' } as Submission;
const write = { submission, publishedVersion: 3, rateLimitKey: 'submit#10.0.0.1', maxSubmissions: 5 };

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled [${codes.join(', ')}]`,
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('the submission writer reads why DynamoDB cancelled its transaction', () => {
  it.each([
    [['None', 'ConditionalCheckFailed', 'None', 'None'], 'changed'],
    [['None', 'None', 'ConditionalCheckFailed', 'None'], 'rate-limited'],
    [['None', 'None', 'None', 'ConditionalCheckFailed'], 'full'],
    [['ConditionalCheckFailed', 'None', 'ConditionalCheckFailed', 'None'], 'exists'],
    [['None', 'ConditionalCheckFailed', 'ConditionalCheckFailed', 'None'], 'rate-limited'],
  ])('%j is %s', async (codes, outcome) => {
    const dynamo = mockClient(client);
    dynamo.on(TransactWriteCommand).rejects(cancelled(...codes));
    expect(await writer.write(write, new Date())).toBe(outcome);
    dynamo.restore();
  });

  it('writes put, version check, rate-limit hit and seat in that order', async () => {
    const dynamo = mockClient(client);
    dynamo.on(TransactWriteCommand).resolves({});
    expect(await writer.write(write, new Date())).toBe('created');
    const items = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((item) => Object.keys(item)[0])).toEqual(['Put', 'ConditionCheck', 'Update', 'Update']);
    dynamo.restore();
  });

  it('tries again after a transaction conflict, and gives up after ten', async () => {
    const dynamo = mockClient(client);
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'None', 'TransactionConflict', 'None'))
      .resolves({});
    expect(await writer.write(write, new Date())).toBe('created');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
    dynamo.reset();
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'TransactionConflict', 'None'));
    await expect(writer.write(write, new Date())).rejects.toThrow('Transaction cancelled');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(10);
    dynamo.restore();
  });
});

describe('the version cache', () => {
  it('keeps at most its bytes, dropping the least recently used first', () => {
    const cache = sizedLruCache<string>(100);
    cache.set('a', 'A', 40);
    cache.set('b', 'B', 40);
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C', 40);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.bytes]).toEqual(['A', 'C', 80]);
  });

  it('does not keep an entry larger than the whole cache', () => {
    const cache = sizedLruCache<string>(100);
    cache.set('a', 'A', 40);
    cache.set('huge', 'H', 101);
    expect([cache.get('huge'), cache.get('a'), cache.size]).toEqual([undefined, 'A', 1]);
  });
});
