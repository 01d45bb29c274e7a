import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import type { FunctionTrigger } from '#definitions/functions.ts';
import { countResources } from '../../infra/cli/cost/inventory.ts';
import { Alarms, WORKFLOW_FAILURE_METRIC, WORKFLOW_FAILURE_PATTERN } from '../../infra/constructs/alarms.ts';
import { addTrigger } from '../../infra/constructs/function-trigger.ts';

/** A stack with a table (with or without a stream) and an inline function: no bundling, fast. */
function probe(withStream = true) {
  const stack = new Stack(new App(), 'Probe', { env: { region: 'eu-central-1' } });
  const table = new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    ...(withStream ? { stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES } : {}),
  });
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  return { stack, table, fn };
}

const stream: FunctionTrigger = {
  type: 'table-stream',
  filter: { eventName: 'MODIFY', itemType: 'Thing' },
  batchSize: 25,
  maxRetries: 3,
};

describe('function triggers', () => {
  it('a table stream: filter, retries and dead-letter queue as the trigger says', () => {
    const { stack, table, fn } = probe();
    const { deadLetterQueue } = addTrigger(fn, fn, stream, { table });
    expect(deadLetterQueue).toBeDefined();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 25,
      MaximumRetryAttempts: 3,
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['MODIFY'],
              dynamodb: { NewImage: { type: { S: ['Thing'] } } },
            }),
          },
        ],
      },
    });
    template.resourceCountIs('AWS::SQS::Queue', 1);
  });

  it('refuses a table without a stream and impossible numbers', () => {
    const noStream = probe(false);
    expect(() => addTrigger(noStream.fn, noStream.fn, stream, { table: noStream.table })).toThrow(
      /needs a table with a stream/,
    );
    const { table, fn } = probe();
    expect(() => addTrigger(fn, fn, { ...stream, batchSize: 0 }, { table })).toThrow(/batchSize 0/);
    expect(() => addTrigger(fn, fn, { ...stream, maxRetries: 1.5 }, { table })).toThrow(/maxRetries 1.5/);
    expect(() => addTrigger(fn, fn, { type: 'schedule', everyMinutes: 0 }, { table })).toThrow(
      /everyMinutes 0/,
    );
  });

  it('a schedule: a rule at the interval, events older than one interval dropped', () => {
    const { stack, table, fn } = probe();
    expect(addTrigger(fn, fn, { type: 'schedule', everyMinutes: 1 }, { table })).toEqual({});
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [{ RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 } }],
    });
  });
});

describe('alarms', () => {
  function alarmsWith(queueCount: number) {
    const stack = new Stack(new App(), 'Probe', { env: { region: 'eu-central-1' } });
    const workflowLogs = new logs.LogGroup(stack, 'WorkflowLogs');
    const deadLetterQueues = Object.fromEntries(
      Array.from({ length: queueCount }, (_, i) => [`feeder-${i}`, new sqs.Queue(stack, `Dlq${i}`)]),
    );
    new Alarms(stack, 'Alarms', {
      email: 'ops@example.org',
      workflowLogs,
      api: new apigw.HttpApi(stack, 'Api'),
      deadLetterQueues,
    });
    const template = Template.fromStack(stack);
    return {
      template,
      workflowLogsId: stack.getLogicalId(workflowLogs.node.defaultChild as logs.CfnLogGroup),
    };
  }

  it('one alarm per kind of failure: functions, workflows, API, attention, dead letters, mail reputation', () => {
    const { template } = alarmsWith(2);
    const inventory = countResources(Object.values(template.toJSON().Resources));
    expect(inventory.alarms).toBe(6);
    // One metric each, the two queues two, the two reputation rates two: what CloudWatch bills at
    // $0.10 a month each.
    expect(inventory.alarmMetrics).toBe(8);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Dimensions: Match.absent(),
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: WORKFLOW_FAILURE_METRIC.namespace,
      MetricName: WORKFLOW_FAILURE_METRIC.name,
      Statistic: 'Sum',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Lotse',
      MetricName: 'NeedsAttention',
      Dimensions: [{ Name: 'service', Value: 'attention' }],
      Statistic: 'Maximum',
      Period: 900,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'MAX(METRICS())' })]),
      AlarmDescription: Match.stringLikeRegexp('feeder-0 or feeder-1'),
    });
  });

  it('one dead-letter queue is read without metric math, none needs no alarm', () => {
    expect(countResources(Object.values(alarmsWith(1).template.toJSON().Resources)).alarmMetrics).toBe(7);
    expect(countResources(Object.values(alarmsWith(0).template.toJSON().Resources)).alarms).toBe(5);
  });

  it('counts failed, timed-out and stopped executions from the shared workflow log group', () => {
    // The documented shape of a Step Functions log event (fields of the Step Functions developer
    // guide, "Log levels for execution events"); CloudWatch Logs has no local emulator to run the
    // pattern against, so the pattern is pinned here and the event names come from the API's
    // HistoryEventType: ExecutionFailed, ExecutionTimedOut, ExecutionAborted.
    expect(WORKFLOW_FAILURE_PATTERN).toBe(
      '{ ($.type = "ExecutionFailed") || ($.type = "ExecutionTimedOut") || ($.type = "ExecutionAborted") }',
    );
    const { template, workflowLogsId } = alarmsWith(0);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: workflowLogsId },
      FilterPattern: WORKFLOW_FAILURE_PATTERN,
      // No default value: nothing is published while nothing fails, so an idle month costs nothing.
      MetricTransformations: [
        {
          MetricNamespace: WORKFLOW_FAILURE_METRIC.namespace,
          MetricName: WORKFLOW_FAILURE_METRIC.name,
          MetricValue: '1',
        },
      ],
    });
  });
});
