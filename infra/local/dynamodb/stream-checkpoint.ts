import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Per shard, the sequence number of the last stream record fully delivered, kept in a file so a
 * restart (even after kill -9) resumes after it, as Lambda's event source mapping does. Records
 * after the checkpoint may be delivered twice: at least once, never skipped.
 */
export class StreamCheckpoint {
  private readonly shards: Map<string, string>;

  constructor(
    private readonly file: string | undefined,
    private readonly streamArn: string,
  ) {
    this.shards = new Map(Object.entries(this.load()));
  }

  get(shardId: string): string | undefined {
    return this.shards.get(shardId);
  }

  /** Remembers the position and writes the file (to a temporary file, then renamed). */
  set(shardId: string, sequenceNumber: string): void {
    this.shards.set(shardId, sequenceNumber);
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(
      temporary,
      JSON.stringify({ streamArn: this.streamArn, shards: Object.fromEntries(this.shards) }),
    );
    renameSync(temporary, this.file);
  }

  /** A checkpoint of another stream (the table was created again) says nothing about this one. */
  private load(): Record<string, string> {
    if (!this.file || !existsSync(this.file)) return {};
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as {
        streamArn?: string;
        shards?: Record<string, string>;
      };
      return saved.streamArn === this.streamArn ? (saved.shards ?? {}) : {};
    } catch {
      return {};
    }
  }
}
