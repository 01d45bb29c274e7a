import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import type { FunctionTrigger } from '#definitions/functions.ts';
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
