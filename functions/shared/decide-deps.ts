import { answerTask } from './adapters/workflow.ts';
import { isWorkflowRunning } from './adapters/workflow-runs.ts';
import type { ApprovalsDeps } from './approvals-deps.ts';
import { stateMachineArnVariable } from './definitions/state-machines.ts';
import type { DecideDeps } from './domain/decide.ts';
import { logger } from './logger.ts';

/** The decision use case wired to the approval store and Step Functions (e-mail link and console alike). */
export function decideDeps(base: Pick<ApprovalsDeps, 'approvals' | 'sfn'>): DecideDeps {
  const onboardingArn = process.env[stateMachineArnVariable('volunteer-onboarding')] ?? '';
  return {
    approvals: base.approvals,
    resume: (taskToken, output) => answerTask(base.sfn, taskToken, output),
    isWorkflowRunning: (submissionId) => isWorkflowRunning(base.sfn, onboardingArn, submissionId),
    warn: (message, details) => logger.warn(message, details),
  };
}
