import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { attentionDeps } from '#shared/attention-deps.ts';
import { submissionIdOfExecution } from '#shared/domain/attention.ts';
import { logger } from '#shared/logger.ts';

const deps = attentionDeps();

interface ExecutionStatusChange {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: string;
  readonly stopDate?: number | null;
  readonly error?: string | null;
}

/**
 * Step Functions' "Execution Status Change" event (EventBridge on AWS, the local engine locally)
 * for an execution that failed or timed out: kept on the submission as needing attention and shown
 * in its timeline, so that no applicant is left waiting unseen. Only the error name is kept, never
 * the cause, which may quote answers.
 */
export const handler = middy<EventBridgeEvent<string, ExecutionStatusChange>, void>().handler(
  async (event) => {
    const { name, status, stateMachineArn, stopDate, error } = event.detail;
    const submissionId = submissionIdOfExecution(name);
    if (!submissionId) return;
    const submission = await deps.submissions.get(submissionId);
    if (!submission) return;
    const at = new Date(stopDate ?? Date.now()).toISOString();
    const workflow = stateMachineArn.split(':').at(-1) ?? '';
    const detail = { status, error: error ?? '', workflow, execution: name };
    await deps.attention.raise({
      kind: 'workflow-failed',
      submissionId,
      since: at,
      detail,
      expiresAt: submission.expiresAt,
    });
    await deps.timeline.addEvent(submissionId, {
      at,
      action: status === 'TIMED_OUT' ? 'workflow-timed-out' : 'workflow-failed',
      actor: 'system',
      detail,
    });
    logger.warn('workflow ended without success', { submissionId, status, error });
  },
);
