import type { PageKey, PendingSubmission } from '#shared/adapters/submission-store.ts';
import { isPermanentStartError, isThrottling } from '#shared/domain/workflow-start.ts';
import type { TokenBucket } from './token-bucket.ts';

export interface DrainDeps {
  /** One page of pending submissions that are due, oldest first. */
  listPage(startKey?: PageKey): Promise<{ submissions: PendingSubmission[]; nextKey?: PageKey }>;
  /** How many due pending submissions follow `startKey` (for an honest report when time runs out). */
  countFrom(startKey: PageKey): Promise<number>;
  start(submission: PendingSubmission): Promise<void>;
  /** Records a permanent failure on the submission, with its next attempt time. */
  recordFailure(submission: PendingSubmission, error: Error): Promise<void>;
  /** Milliseconds until the function is stopped from outside. */
  remainingMs(): number;
  sleep(ms: number): Promise<void>;
  onError?(submission: PendingSubmission, error: Error, kind: 'transient' | 'permanent'): void;
}

export interface DrainOptions {
  readonly bucket: TokenBucket;
  /** Starts under way at once. */
  readonly concurrency: number;
  /** Stop taking new work when less time than this is left. */
  readonly stopBeforeEndMs: number;
  /** Tries of one start while Step Functions throttles, before leaving it for the next run. */
  readonly throttleRetries: number;
}

export interface DrainReport {
  started: number;
  /** Transient failures: still pending, tried again on the next run. */
  failed: number;
  /** Permanent failures: recorded on the submission, tried again after their back-off. */
  poisoned: number;
  /** Due submissions still pending after this run (failed, poisoned, and not reached in time). */
  remaining: number;
}

/**
 * Starts every due pending submission, page after page, as fast as the bucket allows, each on its
 * own: a submission that fails is counted (and, when permanent, recorded) and the rest go on.
 */
export async function drainPending(deps: DrainDeps, options: DrainOptions): Promise<DrainReport> {
  const report: DrainReport = { started: 0, failed: 0, poisoned: 0, remaining: 0 };
  const outOfTime = () => deps.remainingMs() < options.stopBeforeEndMs;
  let page = await deps.listPage();
  for (;;) {
    // The next page is read while this one is started.
    const next = page.nextKey ? deps.listPage(page.nextKey) : undefined;
    let skipped = 0;
    await forEachBounded(page.submissions, options.concurrency, async (submission) => {
      if (outOfTime()) {
        skipped += 1;
        return;
      }
      await startOne(deps, options, submission, report);
    });
    report.remaining += skipped;
    if (!next || !page.nextKey) break;
    if (outOfTime()) {
      report.remaining += await deps.countFrom(page.nextKey);
      break;
    }
    page = await next;
  }
  report.remaining += report.failed + report.poisoned;
  return report;
}

async function startOne(
  deps: DrainDeps,
  options: DrainOptions,
  submission: PendingSubmission,
  report: DrainReport,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await options.bucket.take();
    try {
      await deps.start(submission);
      report.started += 1;
      return;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (
        isThrottling(failure) &&
        attempt < options.throttleRetries &&
        deps.remainingMs() >= options.stopBeforeEndMs
      ) {
        options.bucket.empty();
        await deps.sleep(backoffMs(attempt));
        continue;
      }
      if (isPermanentStartError(failure)) {
        deps.onError?.(submission, failure, 'permanent');
        // Unrecorded, it is simply due again on the next run.
        await deps.recordFailure(submission, failure).catch(() => {});
        report.poisoned += 1;
      } else {
        deps.onError?.(submission, failure, 'transient');
        report.failed += 1;
      }
      return;
    }
  }
}

/** 100 ms doubling to 6.4 s, with full jitter so throttled workers do not return in step. */
const backoffMs = (attempt: number) => Math.random() * 100 * 2 ** Math.min(attempt, 6);

async function forEachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
