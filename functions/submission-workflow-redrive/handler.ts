import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '#shared/logger.ts';
import { submissionStartDeps } from '#shared/submission-start-deps.ts';
import { type DrainReport, drainPending } from './drain.ts';
import { startExecutionQuota, TokenBucket } from './token-bucket.ts';

const deps = submissionStartDeps();
const quota = startExecutionQuota(process.env.AWS_REGION);

/** Submissions stored longer ago than this without a started workflow are started again. */
const GRACE_MS = 2 * 60 * 1000;
const PAGE_SIZE = 100;

/**
 * Runs on a schedule (and when the local runtime starts): the safety net behind the stream. It
 * starts every pending submission that is due, however many there are, at the rate Step Functions
 * allows, and stops in time to report what it did and what is left.
 */
export const handler = middy<{ graceMs?: number }, DrainReport>().handler(async (event, context: Context) => {
  const now = Date.now();
  const query = {
    receivedBefore: new Date(now - (event?.graceMs ?? GRACE_MS)).toISOString(),
    dueBy: new Date(now).toISOString(),
  };
  const report = await drainPending(
    {
      listPage: (startKey) =>
        deps.store.pendingWorkflowStarts({ ...query, limit: PAGE_SIZE, ...(startKey ? { startKey } : {}) }),
      countFrom: (startKey) => deps.store.countPendingWorkflowStarts({ ...query, startKey }),
      start: (submission) => deps.startAndMark(submission),
      recordFailure: async (submission, error) => {
        await deps.recordStartFailure(submission.submissionId, error);
      },
      remainingMs: () => context.getRemainingTimeInMillis(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onError: (submission, error, kind) =>
        logger[kind === 'permanent' ? 'error' : 'warn']('redrive: workflow start failed', {
          submissionId: submission.submissionId,
          workflow: submission.workflow,
          error: error.name,
          kind,
        }),
    },
    {
      bucket: new TokenBucket(quota.burst, quota.perSecond),
      concurrency: 32,
      stopBeforeEndMs: 15_000,
      throttleRetries: 8,
    },
  );
  if (report.remaining > 0) logger.warn('redrive done; submissions still pending', { ...report });
  else if (report.started > 0) logger.info('redrive done', { ...report });
  return report;
});
