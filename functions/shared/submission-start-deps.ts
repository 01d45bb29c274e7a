import { documentClient } from './adapters/dynamo.ts';
import { dynamoSubmissionStore } from './adapters/submission-store.ts';
import { submissionWorkflowStarter } from './adapters/submission-workflow.ts';
import { dynamoTimelineStore } from './adapters/timeline-store.ts';
import { sfnClient } from './adapters/workflow.ts';
import { parseConfig } from './config.ts';
import type { Submission } from './domain/submissions.ts';
import { nextStartError, type WorkflowStartError } from './domain/workflow-start.ts';
import { tableName } from './env.ts';

/** What the stream handler and the redrive share: start a submission's workflow, then mark it started. */
export function submissionStartDeps() {
  const config = parseConfig(tableName);
  const client = documentClient();
  const store = dynamoSubmissionStore(client, config.TABLE_NAME);
  const timeline = dynamoTimelineStore(client, config.TABLE_NAME);
  const start = submissionWorkflowStarter(sfnClient());
  return {
    store,
    async startAndMark(submission: Submission): Promise<void> {
      const executionArn = await start(submission);
      await store.markWorkflowStarted(submission.submissionId, executionArn, new Date().toISOString());
    },
    /**
     * Records a start that will not succeed by retrying at once: on the submission (which stays
     * pending, so the redrive tries again after `nextAttemptAt`) and on its timeline. Undefined when
     * the workflow started meanwhile.
     */
    async recordStartFailure(submissionId: string, error: Error): Promise<WorkflowStartError | undefined> {
      const now = new Date();
      const recorded = nextStartError(await store.getWorkflowError(submissionId), error, now);
      if (!(await store.recordWorkflowError(submissionId, recorded))) return undefined;
      await timeline.addEvent(submissionId, {
        at: now.toISOString(),
        action: 'workflow-start-failed',
        actor: 'system',
        detail: {
          error: recorded.name,
          attempts: String(recorded.attempts),
          nextAttemptAt: recorded.nextAttemptAt,
        },
      });
      return recorded;
    },
  };
}

export type SubmissionStartDeps = ReturnType<typeof submissionStartDeps>;
