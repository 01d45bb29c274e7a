import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface HistoryEvent {
  readonly id: number;
  readonly timestamp: string;
  readonly type: string;
  readonly details?: Record<string, unknown>;
}

/** A task waiting for SendTaskSuccess/Failure. Persisted so that a restart can resume the wait. */
export interface WaitingTask {
  readonly token: string;
  readonly stateName: string;
  readonly startedAt: string;
  /** Absolute deadline from the state's TimeoutSeconds (already scaled); none means no timeout. */
  readonly timeoutAt?: string;
  readonly heartbeatSeconds?: number;
  lastHeartbeatAt: string;
  status: 'waiting' | 'succeeded' | 'failed' | 'timed-out' | 'cancelled';
}

export interface CurrentState {
  readonly stateName: string;
  readonly input: unknown;
  readonly enteredAt: string;
  /** A Wait state's due time, so a restart neither restarts nor skips the wait. */
  wakeAt?: string;
  /** A task between attempts: attempts used per retrier and when the next one is due. */
  retry?: { readonly attempts: readonly number[]; readonly at: string };
}

export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  status: ExecutionStatus;
  readonly input: string;
  output?: string;
  error?: string;
  cause?: string;
  readonly startDate: string;
  stopDate?: string;
  /** Absolute deadline from the definition's top-level TimeoutSeconds. */
  readonly deadline?: string;
  /** The top-level state the execution is in, with its raw input: where a restart resumes. */
  current?: CurrentState;
  tasks: WaitingTask[];
  history: HistoryEvent[];
}

/**
 * Keeps executions as one JSON file each. Every write goes to a temporary file that is renamed
 * over the old one, so a process killed mid-write leaves the previous version, never half a file.
 */
export class ExecutionStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'executions');
    mkdirSync(this.dir, { recursive: true });
  }

  save(record: ExecutionRecord): void {
    const file = this.fileFor(record.executionArn);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(record));
    renameSync(temporary, file);
  }

  loadAll(): ExecutionRecord[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as ExecutionRecord);
  }

  private fileFor(executionArn: string): string {
    return join(this.dir, `${createHash('sha256').update(executionArn).digest('hex').slice(0, 32)}.json`);
  }
}
