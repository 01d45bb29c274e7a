import { randomUUID } from 'node:crypto';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoStaffReader } from './adapters/staff-store.ts';
import { dynamoSystemCheckReader, dynamoSystemCheckStore } from './adapters/system-check-store.ts';
import { sfnClient, stepFunctionsWorkflow } from './adapters/workflow.ts';
import { parseConfig } from './config.ts';
import { systemCheckStateMachine, tableName } from './env.ts';

/** Wires the system-check use cases to DynamoDB and Step Functions, once per cold start. */
export function systemCheckDeps() {
  const config = parseConfig({ ...tableName, ...systemCheckStateMachine });
  return {
    store: dynamoSystemCheckStore(documentClient(), config.TABLE_NAME),
    staff: dynamoStaffReader(documentClient(), config.TABLE_NAME),
    workflow: stepFunctionsWorkflow(sfnClient(), config.SYSTEM_CHECK_STATE_MACHINE_ARN),
    now: () => new Date(),
    newId: () => randomUUID(),
  };
}

/** What the status route needs: reading a check, no writes and no workflow. */
export function systemCheckReadDeps() {
  const config = parseConfig(tableName);
  return {
    store: dynamoSystemCheckReader(documentClient(), config.TABLE_NAME),
    staff: dynamoStaffReader(documentClient(), config.TABLE_NAME),
  };
}
