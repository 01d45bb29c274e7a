import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type FunctionTrigger, streamFilterPatterns } from '#definitions/functions.ts';

export interface TriggerResources {
  /** The main table; it must have a stream for `table-stream` triggers. */
  readonly table: dynamodb.ITable;
  /** State machine ARNs by id, for `workflow-status` triggers. @default - none */
  readonly stateMachineArns?: Readonly<Record<string, string>>;
}

export interface AddedTrigger {
  /** Where a stream batch goes when every retry failed; watched by an alarm. */
  readonly deadLetterQueue?: sqs.Queue;
}

/** Stream batches older than this are given up (to the dead-letter queue); the redrive schedule takes over. */
const streamMaxRecordAge = Duration.hours(1);

/**
 * Connects a function to what its `trigger` in functions/shared/definitions/functions.ts names, in `scope`
 * (the function's own construct, so its acknowledgements cover what is created here).
 */
export function addTrigger(
  scope: Construct,
  fn: lambda.IFunction,
  trigger: FunctionTrigger,
  resources: TriggerResources,
): AddedTrigger {
  switch (trigger.type) {
    case 'table-stream':
      return addTableStream(scope, fn, trigger, resources.table);
    case 'schedule':
      addSchedule(scope, fn, trigger);
      return {};
    case 'workflow-status':
      addWorkflowStatus(scope, fn, trigger, resources.stateMachineArns ?? {});
      return {};
  }
}

function addWorkflowStatus(
  scope: Construct,
  fn: lambda.IFunction,
  trigger: Extract<FunctionTrigger, { type: 'workflow-status' }>,
  stateMachineArns: Readonly<Record<string, string>>,
): void {
  const arns = trigger.stateMachines.map((id) => {
    const arn = stateMachineArns[id];
    if (!arn) throw new Error(`${scope.node.path}: no state machine "${id}" for its workflow-status trigger`);
    return arn;
  });
  new events.Rule(scope, 'WorkflowStatus', {
    description: `Lotse: ${scope.node.id} hears when a workflow ends ${trigger.statuses.join(' or ')}`,
    eventPattern: {
      source: ['aws.states'],
      detailType: ['Step Functions Execution Status Change'],
      detail: { status: [...trigger.statuses], stateMachineArn: arns },
    },
    // EventBridge retries for up to a day; what still fails shows as the function's error alarm.
    targets: [new targets.LambdaFunction(fn, { retryAttempts: 10, maxEventAge: Duration.hours(24) })],
  });
}

function addTableStream(
  scope: Construct,
  fn: lambda.IFunction,
  trigger: Extract<FunctionTrigger, { type: 'table-stream' }>,
  table: dynamodb.ITable,
): AddedTrigger {
  if (!table.tableStreamArn) {
    throw new Error(`${scope.node.path}: a table-stream trigger needs a table with a stream`);
  }
  if (!Number.isInteger(trigger.batchSize) || trigger.batchSize < 1 || trigger.batchSize > 10_000) {
    throw new Error(
      `${scope.node.path}: batchSize ${trigger.batchSize} must be a whole number from 1 to 10000`,
    );
  }
  if (!Number.isInteger(trigger.maxRetries) || trigger.maxRetries < 0 || trigger.maxRetries > 10_000) {
    throw new Error(
      `${scope.node.path}: maxRetries ${trigger.maxRetries} must be a whole number from 0 to 10000`,
    );
  }

  // What lands here is Lambda's record of the failed batch (shard, sequence numbers), not the
  // items themselves, so SQS-managed encryption is enough. 14 days: the longest SQS keeps a message.
  const deadLetterQueue = new sqs.Queue(scope, 'StreamDeadLetters', {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(deadLetterQueue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue is itself a dead-letter queue: the on-failure destination of the table stream event source mapping, which cdk-nag does not recognise as such.',
  });

  fn.addEventSource(
    new DynamoEventSource(table, {
      // LATEST, not TRIM_HORIZON: a mapping that is created again (a rebuilt stateless stack) would
      // otherwise replay up to 24 hours of records that were handled already, most of them older
      // than maxRecordAge and so straight into the dead-letter queue and its alarm. A record written
      // before the mapping reads is not lost either way: the redrive schedule starts every
      // submission still pending.
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: trigger.batchSize,
      retryAttempts: trigger.maxRetries,
      bisectBatchOnError: true,
      // The handler names the first record that failed; later ones of the shard are retried after it, in order.
      reportBatchItemFailures: true,
      maxRecordAge: streamMaxRecordAge,
      onFailure: new SqsDlq(deadLetterQueue),
      filters: streamFilterPatterns(trigger.filter).map((pattern) =>
        lambda.FilterCriteria.filter({
          eventName: lambda.FilterRule.or(...pattern.eventNames),
          dynamodb: { [pattern.image]: { type: { S: lambda.FilterRule.or(...pattern.itemTypes) } } },
        }),
      ),
    }),
  );
  return { deadLetterQueue };
}

function addSchedule(
  scope: Construct,
  fn: lambda.IFunction,
  trigger: Extract<FunctionTrigger, { type: 'schedule' }>,
): void {
  if (!Number.isInteger(trigger.everyMinutes) || trigger.everyMinutes < 1) {
    throw new Error(
      `${scope.node.path}: everyMinutes ${trigger.everyMinutes} must be a whole number of at least 1`,
    );
  }
  const every = Duration.minutes(trigger.everyMinutes);
  new events.Rule(scope, 'Schedule', {
    description: `Lotse: runs ${scope.node.id} every ${trigger.everyMinutes} minute(s)`,
    schedule: events.Schedule.rate(every),
    targets: [
      // No dead-letter queue: a scheduled run carries no data, and the next run comes anyway. An
      // event older than the interval is dropped because the next one has replaced it; a run that
      // fails raises the function's error alarm.
      new targets.LambdaFunction(fn, { retryAttempts: 2, maxEventAge: every }),
    ],
  });
}
