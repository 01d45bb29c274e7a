import { Duration, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  /** Receives every alarm; SNS asks this address to confirm the subscription once. */
  readonly email: string;
  /** The one log group every state machine writes its execution events to (level ALL or ERROR). */
  readonly workflowLogs: logs.ILogGroup;
  readonly api: apigw.IHttpApi;
  /** Dead-letter queues by the name of what feeds them; any message in one is an alarm. @default - none */
  readonly deadLetterQueues?: Readonly<Record<string, sqs.IQueue>>;
}

/** Where the mail reputation alarm fires: four fifths of the rates at which AWS reviews an account. */
export const MAIL_REPUTATION_THRESHOLDS = { bounceRate: 0.04, complaintRate: 0.0008 } as const;

/**
 * The execution history events that end a Standard execution without success, by the names the
 * Step Functions API gives them (HistoryEventType) and its CloudWatch Logs events carry in `type`,
 * e.g. `{"id":"5","type":"ExecutionFailed","details":{…},"previous_event_id":"4",
 * "event_timestamp":"…","execution_arn":"arn:aws:states:…"}` (Step Functions developer guide,
 * "Log levels for execution events": ERROR and ALL log all three).
 */
export const workflowEndsUnsuccessful = ['ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted'] as const;

/** CloudWatch Logs filter pattern of {@link workflowEndsUnsuccessful}, one metric for all machines. */
export const WORKFLOW_FAILURE_PATTERN = `{ ${workflowEndsUnsuccessful.map((type) => `($.type = "${type}")`).join(' || ')} }`;

/** What the metric filter publishes: namespace and name; only when a line matches, so idle is free. */
export const WORKFLOW_FAILURE_METRIC = {
  namespace: 'Lotse',
  name: 'WorkflowExecutionsUnsuccessful',
} as const;

/**
 * Mails an operator when a function fails, a workflow fails, times out or is stopped, the API
 * answers 5xx, something lands in a dead-letter queue, applications need attention, or the SES
 * account's bounce or complaint rate nears the point where AWS reviews it: one alarm
 * per kind of failure, each reading as few metrics as it can (CloudWatch bills every metric an
 * alarm reads, $0.10 a month each; issue 13: 25 alarms reading 85 metrics became 6 reading 8, the SES reputation alarm included).
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
    // Lambda's Errors metric without dimensions: every function of the account and region in one
    // metric. It counts what the per-function metrics counted (exceptions of the code, timeouts,
    // runtime crashes and out-of-memory), so nothing Lotse's functions did is missed; what it adds
    // is the functions of whatever else runs in the same account and region (another stage too),
    // so give a stage an account of its own. A metric filter on the functions' shared log group
    // (`platform.report` with a `record.status` other than "success") would see Lotse only, but
    // needs Lambda's JSON log format, and that changes logging: Lambda's application log level
    // then overrides LOG_LEVEL in Powertools (AWS_LAMBDA_LOG_LEVEL wins, functions/shared/logger.ts),
    // and lines without a "level", such as the digest's embedded-metric lines, count as INFO and
    // are dropped below it, so NeedsAttention would vanish with WARN.
    alarm(
      'function-errors',
      new cloudwatch.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        statistic: cloudwatch.Stats.SUM,
        period,
      }),
      'A Lambda function of this account and region failed (an error, a timeout or a crash). Which one: CloudWatch metrics, AWS/Lambda > By Function Name > Errors; why: the FunctionLogs log group (Logs Insights: filter @message like /Invoke Error|Task timed out|Runtime exited/).',
    );

    const workflowFailures = new logs.MetricFilter(this, 'WorkflowFailures', {
      logGroup: props.workflowLogs,
      filterPattern: logs.FilterPattern.literal(WORKFLOW_FAILURE_PATTERN),
      metricNamespace: WORKFLOW_FAILURE_METRIC.namespace,
      metricName: WORKFLOW_FAILURE_METRIC.name,
      metricValue: '1',
    });
    alarm(
      'workflow-failures',
      workflowFailures.metric({ statistic: cloudwatch.Stats.SUM, period }),
      `A workflow execution failed, timed out or was stopped. Which one: its execution_arn in the log group ${props.workflowLogs.logGroupName} (Logs Insights: filter type in ["${workflowEndsUnsuccessful.join('", "')}"]); GET /api/admin/attention?kind=workflow-failed lists the applications it concerns.`,
    );

    alarm('api-5xx', props.api.metricServerError({ period }), 'The HTTP API answered with 5xx');

    // Published by the attention-digest function every 15 minutes (embedded metric format), the
    // total over all kinds and only while it is not 0; the digest mail and the console say which.
    alarm(
      'attention',
      new cloudwatch.Metric({
        namespace: 'Lotse',
        metricName: 'NeedsAttention',
        dimensionsMap: { service: 'attention' },
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.minutes(15),
      }),
      'Applications need attention (a workflow failed or never started, a mail was refused): see the console or GET /api/admin/attention?kind=workflow-failed|workflow-not-started|mail-refused',
    );

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

    const queues = Object.entries(props.deadLetterQueues ?? {});
    if (queues.length > 0) {
      const visible = (queue: sqs.IQueue) =>
        queue.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM });
      const [first] = queues;
      alarm(
        'dead-letters',
        queues.length === 1 && first
          ? visible(first[1])
          : new cloudwatch.MathExpression({
              expression: 'MAX(METRICS())',
              usingMetrics: Object.fromEntries(
                queues.map(([, queue], index) => [`queue${index}`, visible(queue)]),
              ),
              period,
            }),
        `A batch failed every retry and is in the dead-letter queue of ${queues.map(([name]) => name).join(' or ')}; the redrive schedule starts what is still pending (see docs/deploy.md)`,
      );
    }
  }
}
