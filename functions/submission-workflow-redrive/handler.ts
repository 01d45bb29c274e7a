import middy from '@middy/core';
import { logger } from '#shared/logger.ts';
import { submissionStartDeps } from '#shared/submission-start-deps.ts';

const deps = submissionStartDeps();

/** Submissions stored longer ago than this without a started workflow are started again. */
const GRACE_MS = 2 * 60 * 1000;

/**
 * Runs on a schedule (and when the local runtime starts): the safety net behind the stream, so a
 * submission whose workflow start failed past every retry is still started.
 */
export const handler = middy<{ graceMs?: number }, { started: number; failed: number }>().handler(
  async (event) => {
    const before = new Date(Date.now() - (event?.graceMs ?? GRACE_MS)).toISOString();
    const pending = await deps.store.listPendingWorkflowStarts(before, 100);
    let started = 0;
    let failed = 0;
    for (const submission of pending) {
      try {
        await deps.startAndMark(submission);
        started += 1;
      } catch (error) {
        failed += 1;
        logger.warn('redrive failed', {
          submissionId: submission.submissionId,
          error: (error as Error).name,
        });
      }
    }
    if (pending.length > 0) logger.info('redrive done', { started, failed });
    return { started, failed };
  },
);
