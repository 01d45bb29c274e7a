import { documentClient } from './adapters/dynamo.ts';
import { dynamoSubmissionStore } from './adapters/submission-store.ts';
import { submissionWorkflowStarter } from './adapters/submission-workflow.ts';
import { sfnClient } from './adapters/workflow.ts';
import { parseConfig } from './config.ts';
import type { Submission } from './domain/submissions.ts';
import { tableName } from './env.ts';

/** What the stream handler and the redrive share: start a submission's workflow, then mark it started. */
export function submissionStartDeps() {
  const config = parseConfig(tableName);
  const store = dynamoSubmissionStore(documentClient(), config.TABLE_NAME);
  const start = submissionWorkflowStarter(sfnClient());
  return {
    store,
    async startAndMark(submission: Submission): Promise<void> {
      const executionArn = await start(submission);
      await store.markWorkflowStarted(submission.submissionId, executionArn, new Date().toISOString());
    },
  };
}
