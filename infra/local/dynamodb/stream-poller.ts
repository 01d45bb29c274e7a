import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { type StreamFilter, streamFilterPatterns } from '../../../functions/shared/definitions/functions.ts';
import { StreamCheckpoint } from './stream-checkpoint.ts';

export interface StreamTarget {
  readonly name: string;
  readonly filter: StreamFilter | readonly StreamFilter[];
  readonly batchSize: number;
  readonly maxRetries: number;
  /** Invokes the function; a returned `batchItemFailures` entry means "retry from this record". */
  readonly invoke: (event: unknown) => Promise<unknown>;
}

export interface StreamPollerOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly streamArn: string;
  readonly targets: readonly StreamTarget[];
  /** Base delay between retries of a failing batch; doubles each time. @default 200 */
  readonly retryBaseMs?: number;
  /** Longest delay between two retries of a batch. @default 10000 */
  readonly retryMaxMs?: number;
  /**
   * File keeping each shard's last delivered sequence number, so a restart resumes after it.
   * Only useful when the database outlives the process; without it, shards are read from their start.
   */
  readonly checkpointFile?: string;
  readonly pollIntervalMs?: number;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
}

/**
 * The local stand-in for Lambda's DynamoDB stream event source mapping: reads every shard of the
 * table's stream from its checkpoint (or its start), applies each target's filter, invokes it with
 * batches in the Lambda event format, retries a failing batch from the failed record (partial
 * batch response) with capped backoff, and after maxRetries sets that one record aside, as
 * bisect-on-error does on AWS (there it goes to the dead-letter queue; the redrive function starts
 * what is still pending), so the records behind it are not held up. A page of records
 * is checkpointed once every target has had it, so a crash re-delivers at most that page.
 */
export function startStreamPoller(options: StreamPollerOptions): { stop(): Promise<void> } {
  const client = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region });
  const checkpoint = new StreamCheckpoint(options.checkpointFile, options.streamArn);
  const iterators = new Map<string, string | undefined>();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function refreshShards() {
    const { StreamDescription } = await client.send(
      new DescribeStreamCommand({ StreamArn: options.streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      iterators.set(shard.ShardId, await openShard(shard.ShardId));
    }
  }

  /** After the checkpoint when there is one; from the oldest record kept otherwise, or when the checkpoint is gone. */
  async function openShard(shardId: string): Promise<string | undefined> {
    const after = checkpoint.get(shardId);
    const open = (position: {
      ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON';
      SequenceNumber?: string;
    }) =>
      client
        .send(new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shardId, ...position }))
        .then((result) => result.ShardIterator);
    if (!after) return open({ ShardIteratorType: 'TRIM_HORIZON' });
    try {
      return await open({ ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after });
    } catch (error) {
      options.log?.('stream checkpoint unusable; reading the shard from its start', {
        shardId,
        error: (error as Error).name,
      });
      return open({ ShardIteratorType: 'TRIM_HORIZON' });
    }
  }

  async function deliver(target: StreamTarget, records: _Record[]) {
    let pending = records;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const failedFrom = await invokeBatch(target, pending).catch((error: unknown) => {
        options.log?.('stream target failed', { target: target.name, error: String(error) });
        return 0;
      });
      if (failedFrom === undefined) return;
      if (failedFrom > 0) attempt = 0; // progress: the retries count for the record that now fails
      pending = pending.slice(failedFrom);
      if (attempt >= target.maxRetries) {
        // What bisect-on-error ends in on AWS: only the record that keeps failing goes to the
        // dead-letter queue (the redrive still starts it), and the records behind it go on.
        options.log?.('stream record dropped after retries (dead-letter)', {
          target: target.name,
          sequenceNumber: pending[0]?.dynamodb?.SequenceNumber,
        });
        pending = pending.slice(1);
        attempt = -1;
        continue;
      }
      const delay = Math.min(options.retryMaxMs ?? 10_000, (options.retryBaseMs ?? 200) * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopped) return;
    }
  }

  /** Returns the index to retry from, or undefined when the whole batch succeeded. */
  async function invokeBatch(target: StreamTarget, records: _Record[]): Promise<number | undefined> {
    const result = (await target.invoke({ Records: records.map((r) => toLambdaRecord(r, options)) })) as
      | { batchItemFailures?: { itemIdentifier: string }[] }
      | undefined;
    const failed = result?.batchItemFailures?.[0]?.itemIdentifier;
    if (!failed) return undefined;
    const index = records.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
    return index < 0 ? 0 : index;
  }

  async function pollOnce() {
    await refreshShards();
    for (const [shardId, iterator] of iterators) {
      if (!iterator || stopped) continue;
      await pollShard(shardId, iterator).catch((error: unknown) => {
        // An expired or trimmed iterator: open the shard again from the checkpoint next time.
        iterators.delete(shardId);
        options.log?.('stream read failed', { shardId, error: String(error) });
      });
    }
  }

  async function pollShard(shardId: string, iterator: string) {
    const { Records = [], NextShardIterator } = await client.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }),
    );
    for (const target of options.targets) {
      const patterns = streamFilterPatterns(target.filter);
      const matching = Records.filter((r) =>
        patterns.some(
          (p) =>
            (p.eventNames as readonly string[]).includes(r.eventName ?? '') &&
            p.itemTypes.includes(r.dynamodb?.[p.image]?.type?.S ?? ''),
        ),
      );
      for (let i = 0; i < matching.length; i += target.batchSize) {
        await deliver(target, matching.slice(i, i + target.batchSize));
      }
    }
    // Stopped mid-page: the page was not fully delivered, so the checkpoint stays before it.
    if (stopped) return;
    const last = Records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) checkpoint.set(shardId, last);
    iterators.set(shardId, NextShardIterator);
  }

  const loop = async () => {
    while (!stopped) {
      running = pollOnce().catch((error: unknown) =>
        options.log?.('stream poll failed', { error: String(error) }),
      );
      await running;
      await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 100));
    }
  };
  void loop();
  return {
    async stop() {
      stopped = true;
      await running;
    },
  };
}

function toLambdaRecord(record: _Record, options: StreamPollerOptions) {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: options.region,
    dynamodb: {
      ...record.dynamodb,
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
    },
    eventSourceARN: options.streamArn,
  };
}
