import { Duration, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { attentionKinds } from '../../functions/shared/domain/attention.ts';

export interface AlarmsProps {
  /** Receives every alarm; SNS asks this address to confirm the subscription once. */
  readonly email: string;
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  readonly stateMachines: Readonly<Record<string, sfn.IStateMachine>>;
  readonly api: apigw.IHttpApi;
  /** Dead-letter queues by the name of what feeds them; any message in one is an alarm. @default - none */
  readonly deadLetterQueues?: Readonly<Record<string, sqs.IQueue>>;
}

/** Where the mail reputation alarm fires: four fifths of the rates at which AWS reviews an account. */
export const MAIL_REPUTATION_THRESHOLDS = { bounceRate: 0.04, complaintRate: 0.0008 } as const;

/** CloudWatch lets one alarm's metric math read at most ten metrics. */
export const FUNCTIONS_PER_ALARM = 10;
/**
 * Mails an operator when a function fails, a workflow fails or times out, the API answers 5xx,
 * something lands in a dead-letter queue, applications need attention, or the SES account's bounce
 * or complaint rate nears the point where AWS reviews it.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Lotse alarms', enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications name a resource and a metric, no personal data; CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key, and a key of our own only for this is not worth it.',
    });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    const action = new actions.SnsAction(this.topic);

    const alarm = (
      alarmId: string,
      metric: cloudwatch.Metric | cloudwatch.MathExpression,
      description: string,
    ) =>
      metric
        .createAlarm(this, alarmId, {
          alarmDescription: description,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        })
        .addAlarmAction(action);

    const period = Duration.minutes(5);
    // Ten functions per alarm (the most metrics one alarm's math may read): one alarm per function
    // made the stack outgrow CloudFormation's 500 resources once the form editor came (592).
    const functions = Object.entries(props.functions);
    for (let start = 0; start < functions.length; start += FUNCTIONS_PER_ALARM) {
      const group = functions.slice(start, start + FUNCTIONS_PER_ALARM);
      const usingMetrics = Object.fromEntries(
        group.map(([, fn], index) => [`errors${index}`, fn.metricErrors({ period })]),
      );
      alarm(
        `function-errors-${start / FUNCTIONS_PER_ALARM + 1}`,
        new cloudwatch.MathExpression({ expression: 'SUM(METRICS())', usingMetrics, period }),
        `One of these functions failed: ${group.map(([name]) => name).join(', ')}`,
      );
    }
    for (const [name, machine] of Object.entries(props.stateMachines)) {
      alarm(`${name}-failed`, machine.metricFailed({ period }), `Workflow ${name}: an execution failed`);
      alarm(
        `${name}-timed-out`,
        machine.metricTimedOut({ period }),
        `Workflow ${name}: an execution timed out`,
      );
    }
    alarm('api-5xx', props.api.metricServerError({ period }), 'The HTTP API answered with 5xx');
    // Published by the attention-digest function every 15 minutes (embedded metric format).
    for (const kind of attentionKinds) {
      alarm(
        `attention-${kind}`,
        new cloudwatch.Metric({
          namespace: 'Lotse',
          metricName: 'NeedsAttention',
          dimensionsMap: { service: 'attention', kind },
          statistic: cloudwatch.Stats.MAXIMUM,
          period: Duration.minutes(15),
        }),
        `Applications need attention (${kind}): see /api/health and GET /api/admin/attention?kind=${kind}`,
      );
    }
    // SES puts an account under review at a 5 % bounce or 0.1 % complaint rate and may pause it
    // later; one alarm at four fifths of either (each rate over its threshold, the larger of the two).
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.hours(1),
      });
    const ratio = (rate: string, threshold: number, metricName: string) =>
      new cloudwatch.MathExpression({
        expression: `${rate} / ${threshold}`,
        usingMetrics: { [rate]: reputation(metricName) },
        period: Duration.hours(1),
      });
    alarm(
      'mail-reputation',
      new cloudwatch.MathExpression({
        expression: 'MAX([bounceRatio, complaintRatio])',
        usingMetrics: {
          bounceRatio: ratio('bounceRate', MAIL_REPUTATION_THRESHOLDS.bounceRate, 'Reputation.BounceRate'),
          complaintRatio: ratio(
            'complaintRate',
            MAIL_REPUTATION_THRESHOLDS.complaintRate,
            'Reputation.ComplaintRate',
          ),
        },
        period: Duration.hours(1),
      }),
      `SES: the account's bounce rate reached ${MAIL_REPUTATION_THRESHOLDS.bounceRate * 100} % or its complaint rate ${MAIL_REPUTATION_THRESHOLDS.complaintRate * 100} % (AWS reviews at 5 % / 0.1 % and may pause sending); see the SES console, Reputation metrics, and docs/deploy.md`,
    );
    for (const [name, queue] of Object.entries(props.deadLetterQueues ?? {})) {
      alarm(
        `${name}-dead-letters`,
        queue.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM }),
        `${name}: a batch failed every retry and is in its dead-letter queue; the redrive schedule starts what is still pending (see docs/deploy.md)`,
      );
    }
  }
}
