import { RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { substitute } from '#definitions/state-machines.ts';
import { acknowledgeFindings } from '../nag.ts';

export interface WorkflowProps {
  /** Physical name; fixed so that functions can know the ARN before the machine exists. */
  readonly stateMachineName: string;
  /** The ASL document (JSONPath), with `${Key}` placeholders for function ARNs. */
  readonly definition: string;
  /** Every placeholder key of the definition and the function it stands for; each may be invoked. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /**
   * A log group several state machines share (its name must start with `/aws/vendedlogs/states/`);
   * each event names its machine in `execution_arn`. @default - a log group of its own
   */
  readonly logGroup?: logs.ILogGroup;
  /** Of the log group of its own. @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * A Standard state machine built from an ASL file. Placeholders are filled in CDK with the same
 * `substitute()` the local engine uses, so a placeholder without a function fails synth, not a deploy.
 */
export class Workflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const used = new Set([...props.definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]));
    const unused = Object.keys(props.functions).filter((key) => !used.has(key));
    if (unused.length > 0) {
      throw new Error(
        `${this.node.path}: the definition never refers to \${${unused.join('}, ${')}}; remove the function from \`invokes\` or use it in the ASL`,
      );
    }
    const definition = substitute(
      props.definition,
      Object.fromEntries(Object.entries(props.functions).map(([key, fn]) => [key, fn.functionArn])),
    );

    const logGroup =
      props.logGroup ??
      new logs.LogGroup(this, 'Logs', {
        // The vended-logs prefix keeps Step Functions from growing the account's log resource policy.
        logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
        retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(definition),
      tracingEnabled: true,
      // Payloads carry ids only, but execution data stays out of the logs in case one ever does not.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });

    for (const fn of Object.values(props.functions)) fn.grantInvoke(this.stateMachine);

    acknowledgeFindings(
      this.stateMachine,
      {
        rule: 'AwsSolutions-IAM5',
        finding: /^Resource::\*$/,
        reason:
          'X-Ray tracing (PutTraceSegments, GetSamplingRules, ...) and CloudWatch Logs delivery (CreateLogDelivery, ...) support no resource-level permissions; aws-cdk-lib grants them with tracing and logging.',
      },
      {
        rule: 'AwsSolutions-IAM5',
        finding: /^Resource::<[A-Za-z0-9]+\.Arn>:\*$/,
        reason:
          'grantInvoke also covers versions and aliases (<function ARN>:*) of exactly the functions the definition names.',
      },
    );
  }
}
