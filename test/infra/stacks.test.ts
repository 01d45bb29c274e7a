import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type FunctionDefinition,
  type FunctionId,
  type FunctionTrigger,
  functionIds,
  functions,
  streamFilterPatterns,
} from '#definitions/functions.ts';
import { routeKey, routes } from '#definitions/routes.ts';
import {
  readWorkflow,
  stateMachineArnVariable,
  stateMachineIds,
  stateMachines,
} from '#definitions/state-machines.ts';
import { mainTable } from '#definitions/table.ts';
import { countResources } from '../../infra/cli/cost/inventory.ts';
import { WORKFLOW_FAILURE_METRIC, WORKFLOW_FAILURE_PATTERN } from '../../infra/constructs/alarms.ts';
import { userGroups } from '../../infra/constructs/user-pool.ts';
import { spaFallback } from '../../infra/constructs/web-distribution.ts';
import type { LotseApp } from '../../infra/lotse-app.ts';
import { buildTestApp } from './lotse-app-fixture.ts';

// biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; the assertions are the type check.
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

let lotse: LotseApp;
let stateful: Template;
let stateless: Template;
let resources: Record<string, Resource>;
let statefulResources: Record<string, Resource>;

beforeAll(() => {
  // nag.test.ts runs CloudFormation's schema validation; here it would only add ~10 s. This is the
  // one test file that bundles the functions.
  lotse = buildTestApp({ cloudFormationValidation: false, bundle: true });
  stateful = Template.fromStack(lotse.stateful);
  stateless = Template.fromStack(lotse.stateless);
  resources = stateless.toJSON().Resources;
  statefulResources = stateful.toJSON().Resources;
  // Bundling every function (50 with the console) takes 60–250 s on a loaded two-core machine.
}, 600_000);

interface MetricRead {
  readonly Namespace: string;
  readonly MetricName: string;
  readonly Dimensions?: readonly { Name: string; Value: unknown }[];
}

/** The metrics an alarm reads: its one metric, or each metric of its metric math. */
function metricsReadBy(alarm: Resource): MetricRead[] {
  const p = alarm.Properties;
  if (!p.Metrics) return [{ Namespace: p.Namespace, MetricName: p.MetricName, Dimensions: p.Dimensions }];
  return p.Metrics.flatMap((m: { MetricStat?: { Metric: MetricRead } }) =>
    m.MetricStat ? [m.MetricStat.Metric] : [],
  );
}

const pascalCase = (id: string) =>
  id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

/** Logical id of the only stateful resource of a type. */
function statefulLogicalId(type: string): string {
  const found = Object.entries(statefulResources).filter(([, r]) => r.Type === type);
  expect(found).toHaveLength(1);
  return (found[0] as [string, Resource])[0];
}

const triggerOf = (id: FunctionId): FunctionTrigger | undefined =>
  (functions[id] as FunctionDefinition).trigger;
const streamFunctions = functionIds.filter((id) => triggerOf(id)?.type === 'table-stream');
const scheduledFunctions = functionIds.filter((id) => triggerOf(id)?.type === 'schedule');
const statusFunctions = functionIds.filter((id) => triggerOf(id)?.type === 'workflow-status');

/** Logical id of the Lambda function built for a function definition. */
function functionLogicalId(id: FunctionId): string {
  const found = ofType('AWS::Lambda::Function').find(
    ([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === id,
  );
  if (!found) throw new Error(`no function for ${id}`);
  return found[0];
}

/** Every IAM action the function's role may perform, with the statements that grant it. */
function actionsOf(id: FunctionId): Set<string> {
  const roleRef = resources[functionLogicalId(id)]?.Properties.Role['Fn::GetAtt'][0];
  const statements = ofType('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleRef))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
  return new Set(statements.flatMap((s: { Action: string | string[] }) => [s.Action].flat()));
}

/**
 * Renders an Fn::Join as a string, writing `<LogicalId.Attr>` for GetAtt, `<Ref>` for Ref, and
 * `stateful(<...>)` for an import of what the stateful stack exports.
 */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as {
    'Fn::Join'?: [string, unknown[]];
    'Fn::GetAtt'?: string[];
    Ref?: string;
    'Fn::ImportValue'?: string;
  };
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'].join('.')}>`;
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::ImportValue']) {
    const name = v['Fn::ImportValue'];
    const exported = Object.values(
      stateful.toJSON().Outputs as Record<string, { Value: unknown; Export?: { Name: string } }>,
    ).find((output) => output.Export?.Name === name);
    if (!exported) throw new Error(`the stateful stack exports no ${name}`);
    return `stateful(${render(exported.Value)})`;
  }
  return JSON.stringify(value);
}

describe('stateful stack', () => {
  it('builds the main table from the table definition: on demand, PITR, TTL, stream, protected, encrypted', () => {
    stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: mainTable.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: mainTable.sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: mainTable.globalSecondaryIndexes.map((index) =>
          Match.objectLike({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
            ],
          }),
        ),
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: mainTable.timeToLiveAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: mainTable.stream },
        DeletionProtectionEnabled: true,
      },
    });
  });

  it('names the table in an output', () => {
    stateful.hasOutput('TableName', Match.anyValue());
  });
});

describe('user pool', () => {
  it('is retained and protected, takes no sign-ups, and asks for strong passwords, optional TOTP and e-mail recovery', () => {
    stateful.resourceCountIs('AWS::Cognito::UserPool', 1);
    stateful.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtection: 'ACTIVE',
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        // The e-mail address is the username (an e-mail-shaped username can't also have an e-mail alias).
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireNumbers: true,
            RequireLowercase: true,
            RequireUppercase: true,
          }),
        },
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      }),
    });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolRiskConfigurationAttachment', {
      UserPoolId: { Ref: statefulLogicalId('AWS::Cognito::UserPool') },
      ClientId: 'ALL',
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
    });
  });

  it('has the groups admin, coordinator and viewer, which include every group a route asks for', () => {
    const groups = Object.values(statefulResources)
      .filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup')
      .map((r) => {
        expect(r.Properties.UserPoolId).toEqual({ Ref: statefulLogicalId('AWS::Cognito::UserPool') });
        expect(r.DeletionPolicy).toBe('Retain');
        return r.Properties.GroupName as string;
      });
    expect(groups.sort()).toEqual(['admin', 'coordinator', 'viewer']);
    expect(Object.keys(userGroups).sort()).toEqual(groups);
    const asked = new Set(routes.flatMap((route) => route.auth?.groups ?? []));
    expect([...asked].filter((group) => !groups.includes(group))).toEqual([]);
  });

  it('has one public app client for password and SRP sign-in, with short-lived tokens', () => {
    stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: statefulLogicalId('AWS::Cognito::UserPool') },
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayEquals([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
      AllowedOAuthFlowsUserPoolClient: false,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30 * 24 * 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('names the pool, the client and the token issuer in outputs', () => {
    const outputs = stateful.toJSON().Outputs;
    expect(outputs.UserPoolId.Value).toEqual({ Ref: statefulLogicalId('AWS::Cognito::UserPool') });
    expect(outputs.UserPoolClientId.Value).toEqual({
      Ref: statefulLogicalId('AWS::Cognito::UserPoolClient'),
    });
    expect(render(outputs.UserPoolIssuerUrl.Value)).toBe(
      `https://cognito-idp.eu-central-1.<AWS::URLSuffix>/<${statefulLogicalId('AWS::Cognito::UserPool')}>`,
    );
  });
});

describe('functions', () => {
  it('builds one Node.js 22+ ARM function per definition, bundled as ESM', () => {
    const built = ofType('AWS::Lambda::Function').filter(
      ([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    );
    expect(built.map(([, r]) => r.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort()).toEqual(
      [...functionIds].sort(),
    );
    for (const [, fn] of built) {
      const service = fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME as FunctionId;
      const major = Number(/^nodejs(\d+)\.x$/.exec(fn.Properties.Runtime)?.[1]);
      expect(major).toBeGreaterThanOrEqual(22);
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
      // Scheduled runs are not traced: nothing calls them, and their traces were the idle bill's X-Ray part.
      if (scheduledFunctions.includes(service)) expect(fn.Properties.TracingConfig).toBeUndefined();
      else expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      // The bundle esbuild wrote: ESM, with the banner that gives bundled CommonJS its `require`.
      const assetDirectory = join(
        lotse.app.outdir,
        `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`,
      );
      expect(existsSync(join(assetDirectory, 'index.mjs'))).toBe(true);
      const code = readFileSync(join(assetDirectory, 'index.mjs'), 'utf8');
      expect(code).toContain('lotseCreateRequire');
      // Credentials from the environment only (infra/bundling/lambda-credentials.ts), not the SDK's whole chain.
      expect(code).not.toContain('defaultProvider::fromSSO');
      // Text outside ASCII as itself (UTF-8), not as \uXXXX escapes: Cyrillic at 2 bytes a letter, not 6.
      expect(code, String(service)).not.toMatch(/\\u04[0-9a-f]{2}/i);
    }
  });

  it.each(functionIds)('%s: memory, timeout and environment from its definition', (id) => {
    const definition: FunctionDefinition = functions[id];
    const fn = resources[functionLogicalId(id)] as Resource;
    expect(fn.Properties.Description).toBe(definition.description);
    expect(fn.Properties.MemorySize).toBe(definition.memoryMb ?? 256);
    expect(fn.Properties.Timeout).toBe(definition.timeoutSeconds ?? 10);
    const env = fn.Properties.Environment.Variables;
    expect(Object.keys(env).sort()).toEqual(
      [
        'MAIL_FROM',
        // The same default as npm start (functions/shared/logger.ts), not the runtime's INFO.
        'LOG_LEVEL',
        // No NODE_OPTIONS: the bundles have no source maps to enable (infra/bundling/esbuild-options.ts).
        'ORGANISATION_NAME',
        'POWERTOOLS_SERVICE_NAME',
        'PUBLIC_BASE_URL',
        'TABLE_NAME',
        'LOTSE_USER_POOL_CLIENT_ID',
        // The pool whose accounts the user-management functions manage.
        'USER_POOL_ID',
        // The alarm address of the test context, as no lotse:adminEmail is given.
        'ADMIN_EMAIL',
        // Set in the test context; the window is not, so the handler's default applies.
        'SUBMISSION_RATE_LIMIT',
        ...stateMachineIds.map(stateMachineArnVariable),
        // Where the organisation's signing key is kept (Parameter Store by default): its public
        // half for those that sign credentials or publish it, the private one for those that sign.
        ...(definition.access.signCredentials || definition.access.readCredentialKey
          ? ['CREDENTIAL_PUBLIC_KEY_PARAMETER']
          : []),
        ...(definition.access.signCredentials ? ['CREDENTIAL_KEY_PARAMETER'] : []),
        // The secret CloudFront sends, for the functions behind the API (test/infra/origin-secret.test.ts).
        ...(routes.some((route) => route.function === id) ? ['ORIGIN_SECRET', 'ORIGIN_SECRET_PREVIOUS'] : []),
      ].sort(),
    );
    expect(env.SUBMISSION_RATE_LIMIT).toBe('30');
    expect(render(env.LOTSE_USER_POOL_CLIENT_ID)).toBe(
      `stateful(<${statefulLogicalId('AWS::Cognito::UserPoolClient')}>)`,
    );
    expect(env.MAIL_FROM).toBe('lotse@example.org');
    expect(env.ADMIN_EMAIL).toBe('ops@example.org');
    expect(env.ORGANISATION_NAME).toBe('Lotse Test');
    expect(env.LOG_LEVEL).toBe('WARN');
    expect(render(env.PUBLIC_BASE_URL)).toMatch(/^https:\/\/<WebDistribution[A-Za-z0-9]+\.DomainName>$/);
    for (const sm of stateMachineIds) {
      expect(render(env[stateMachineArnVariable(sm)])).toBe(
        `arn:<AWS::Partition>:states:eu-central-1:<AWS::AccountId>:stateMachine:test-${sm}`,
      );
    }
  });

  it.each(functionIds)('%s: may do exactly what its access lists', (id) => {
    const access = functions[id].access as FunctionDefinition['access'];
    const actions = actionsOf(id);
    // Which table actions exactly: test/infra/table-access.test.ts.
    expect(actions.has('dynamodb:GetItem')).toBe(access.table?.actions.includes('GetItem') ?? false);
    expect(actions.has('dynamodb:PutItem')).toBe(access.table?.actions.includes('PutItem') ?? false);
    expect(actions.has('dynamodb:Scan')).toBe(false);
    expect(actions.has('states:StartExecution')).toBe((access.startExecution?.length ?? 0) > 0);
    expect(actions.has('states:SendTaskSuccess')).toBe((access.answerTasks?.length ?? 0) > 0);
    expect(actions.has('states:DescribeStateMachine')).toBe((access.describeStateMachines?.length ?? 0) > 0);
    expect(actions.has('ses:SendEmail')).toBe(access.sendMail === true);
    expect(actions.has('ses:GetAccount')).toBe(access.readMailAccount === true);
    // A stream trigger reads the stream and sends what fails to its dead-letter queue.
    const streamTriggered = triggerOf(id)?.type === 'table-stream';
    expect(actions.has('dynamodb:DescribeStream')).toBe(streamTriggered);
    expect(actions.has('sqs:SendMessage')).toBe(streamTriggered);
    expect(actions.has('cognito-idp:ListUsers')).toBe(access.userPool !== undefined);
    expect(actions.has('cognito-idp:AdminCreateUser')).toBe(access.userPool === 'manage');
    // The credential signing key in Parameter Store (the default): signers may make it, publishers read its public half.
    expect(actions.has('ssm:GetParameter')).toBe(
      access.signCredentials === true || access.readCredentialKey === true,
    );
    expect(actions.has('ssm:PutParameter')).toBe(access.signCredentials === true);
    const known =
      /^(dynamodb|kms|states|ses|ssm:(GetParameter|PutParameter)$|cognito-idp:(ListUsers|ListUsersInGroup|AdminGetUser|AdminListGroupsForUser|AdminCreateUser|AdminAddUserToGroup|AdminRemoveUserFromGroup|AdminDisableUser|AdminEnableUser|AdminUserGlobalSignOut)$|logs:(CreateLogStream|PutLogEvents)$|xray:Put|sqs:(SendMessage|GetQueueAttributes|GetQueueUrl)$)/;
    expect([...actions].filter((action) => !known.test(action))).toEqual([]);
  });

  it.each(functionIds)('%s: starts executions of exactly the machines its access names', (id) => {
    const roleRef = resources[functionLogicalId(id)]?.Properties.Role['Fn::GetAtt'][0];
    const started = ofType('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleRef))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: unknown }) => [s.Action].flat().includes('states:StartExecution'))
      .flatMap((s: { Resource: unknown }) => [s.Resource].flat().map(render));
    const named = (functions[id].access as FunctionDefinition['access']).startExecution ?? [];
    expect(started.sort()).toEqual(
      named
        .map((sm) => `arn:<AWS::Partition>:states:eu-central-1:<AWS::AccountId>:stateMachine:test-${sm}`)
        .sort(),
    );
  });

  it('sends mail only from the configured address', () => {
    const sendStatements = ofType('AWS::IAM::Policy')
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: unknown }) => [s.Action].flat().includes('ses:SendEmail'));
    expect(sendStatements.length).toBeGreaterThan(0);
    for (const statement of sendStatements) {
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'lotse@example.org' } });
    }
    // The identity is the sender's domain (test/infra/mail-sender.test.ts).
    stateless.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.org' });
  });
});

describe('triggers', () => {
  it('connects exactly the stream-triggered functions to the table stream, and schedules exactly the scheduled ones', () => {
    expect(ofType('AWS::Lambda::EventSourceMapping')).toHaveLength(streamFunctions.length);
    expect(ofType('AWS::Events::Rule')).toHaveLength(scheduledFunctions.length + statusFunctions.length);
  });

  for (const id of statusFunctions) {
    it(`${id}: hears when a workflow of its state machines ends as its trigger says`, () => {
      const trigger = triggerOf(id) as Extract<FunctionTrigger, { type: 'workflow-status' }>;
      const rules = ofType('AWS::Events::Rule').filter(([, r]) =>
        r.Properties.Targets.some(
          (t: { Arn: unknown }) => render(t.Arn) === `<${functionLogicalId(id)}.Arn>`,
        ),
      );
      expect(rules).toHaveLength(1);
      const [, rule] = rules[0] as [string, Resource];
      expect(rule.Properties.EventPattern).toMatchObject({
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: { status: [...trigger.statuses] },
      });
      const arns = rule.Properties.EventPattern.detail.stateMachineArn.map(render);
      expect(arns).toHaveLength(trigger.stateMachines.length);
      for (const machine of trigger.stateMachines) {
        expect(arns.some((arn: string) => arn.includes(`:stateMachine:test-${machine}`))).toBe(true);
      }
    });
  }

  for (const id of streamFunctions) {
    it(`${id}: reads the main table's stream through its filter, retries, bisects, and keeps what fails`, () => {
      const trigger = triggerOf(id) as Extract<FunctionTrigger, { type: 'table-stream' }>;
      const mappings = ofType('AWS::Lambda::EventSourceMapping').filter(
        ([, m]) => m.Properties.FunctionName.Ref === functionLogicalId(id),
      );
      expect(mappings).toHaveLength(1);
      const [, mapping] = mappings[0] as [string, Resource];
      expect(render(mapping.Properties.EventSourceArn)).toBe(
        `stateful(<${statefulLogicalId('AWS::DynamoDB::Table')}.StreamArn>)`,
      );
      expect(mapping.Properties).toMatchObject({
        StartingPosition: 'LATEST',
        BatchSize: trigger.batchSize,
        MaximumRetryAttempts: trigger.maxRetries,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRecordAgeInSeconds: 3600,
      });
      expect(
        mapping.Properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern)),
      ).toEqual(
        streamFilterPatterns(trigger.filter).map((pattern) => ({
          eventName: pattern.eventNames,
          dynamodb: { [pattern.image]: { type: { S: pattern.itemTypes } } },
        })),
      );

      // The dead-letter queue: encrypted, TLS only, kept 14 days, watched by an alarm.
      const queueId = mapping.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      const queue = resources[queueId] as Resource;
      expect(queue.Type).toBe('AWS::SQS::Queue');
      expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 60 * 60);
      expect(
        queue.Properties.SqsManagedSseEnabled === true || queue.Properties.KmsMasterKeyId !== undefined,
      ).toBe(true);
      const policies = ofType('AWS::SQS::QueuePolicy').filter(([, p]) =>
        p.Properties.Queues.some((q: { Ref: string }) => q.Ref === queueId),
      );
      expect(policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement)).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      const alarms = ofType('AWS::CloudWatch::Alarm').filter(([, a]) =>
        metricsReadBy(a).some(
          (m) =>
            m.MetricName === 'ApproximateNumberOfMessagesVisible' &&
            m.Dimensions?.some((d) => render(d.Value) === `<${queueId}.QueueName>`),
        ),
      );
      expect(alarms).toHaveLength(1);
      expect((alarms[0] as [string, Resource])[1].Properties).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    });
  }

  for (const id of scheduledFunctions) {
    it(`${id}: runs on its schedule`, () => {
      const { everyMinutes } = triggerOf(id) as Extract<FunctionTrigger, { type: 'schedule' }>;
      const rules = ofType('AWS::Events::Rule').filter(([, r]) =>
        r.Properties.Targets.some(
          (t: { Arn: unknown }) => render(t.Arn) === `<${functionLogicalId(id)}.Arn>`,
        ),
      );
      expect(rules).toHaveLength(1);
      const [ruleId, rule] = rules[0] as [string, Resource];
      expect(rule.Properties.ScheduleExpression).toBe(
        `rate(${everyMinutes} ${everyMinutes === 1 ? 'minute' : 'minutes'})`,
      );
      expect(rule.Properties.State).toBe('ENABLED');
      expect(rule.Properties.Targets[0].RetryPolicy).toEqual({
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: everyMinutes * 60,
      });
      stateless.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionLogicalId(id), 'Arn'] },
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
      });
    });
  }
});

describe('state machines', () => {
  it.each(stateMachineIds)('%s: Standard, traced, logged without execution data', (id) => {
    stateless.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: `test-${id}`,
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        // Every machine into the one group the workflow-failure metric filter reads.
        Destinations: [
          { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [workflowLogsId(), 'Arn'] } } },
        ],
      },
    });
  });

  it.each(stateMachineIds)('%s: every function placeholder is replaced by that function ARN', (id) => {
    const [, machine] = ofType('AWS::StepFunctions::StateMachine').find(
      ([, r]) => r.Properties.StateMachineName === `test-${id}`,
    ) as [string, Resource];
    const definition = render(machine.Properties.DefinitionString);
    expect(definition).not.toContain('${');
    expect(machine.Properties.DefinitionSubstitutions).toBeUndefined();

    const arnsInDefinition = new Set(
      [...definition.matchAll(/"FunctionName": "<([A-Za-z0-9]+)\.Arn>"/g)].map((m) => m[1]),
    );
    expect([...arnsInDefinition].sort()).toEqual(stateMachines[id].invokes.map(functionLogicalId).sort());
    // Apart from the ARNs, the deployed definition is the ASL file.
    const placeholders = readWorkflow(id).replace(/\$\{[A-Za-z0-9]+\}/g, 'ARN');
    expect(JSON.parse(definition.replace(/<[A-Za-z0-9]+\.Arn>/g, 'ARN'))).toEqual(JSON.parse(placeholders));
  });

  it.each(stateMachineIds)('%s: may invoke exactly the functions it names', (id) => {
    const invoked = ofType('AWS::IAM::Policy')
      .filter(([name]) => name.startsWith(`${pascalCase(id)}WorkflowStateMachineRole`))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: unknown }) => s.Action === 'lambda:InvokeFunction')
      .flatMap((s: { Resource: unknown[] }) => s.Resource.map(render))
      .filter((arn: string) => !arn.endsWith(':*'));
    expect(invoked.sort()).toEqual(
      stateMachines[id].invokes.map((f) => `<${functionLogicalId(f)}.Arn>`).sort(),
    );
  });
});

describe('HTTP API', () => {
  it('has exactly one route per route definition, each integrated with its function', () => {
    const built = ofType('AWS::ApiGatewayV2::Route');
    expect(built.map(([, r]) => r.Properties.RouteKey).sort()).toEqual(routes.map(routeKey).sort());
    for (const route of routes) {
      const [, apiRoute] = built.find(([, r]) => r.Properties.RouteKey === routeKey(route)) as [
        string,
        Resource,
      ];
      const integrationId = render(apiRoute.Properties.Target).replace(/^integrations\/<(.+)>$/, '$1');
      const integration = resources[integrationId] as Resource;
      expect(integration.Properties.IntegrationUri['Fn::GetAtt'][0]).toBe(functionLogicalId(route.function));
    }
  });

  it('checks the token of every route with `auth` with the user pool and its client, and of no other route', () => {
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0] as [string, Resource];
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(render(authorizer.Properties.JwtConfiguration.Issuer)).toBe(
      `https://cognito-idp.eu-central-1.<AWS::URLSuffix>/stateful(<${statefulLogicalId('AWS::Cognito::UserPool')}>)`,
    );
    expect(authorizer.Properties.JwtConfiguration.Audience.map(render)).toEqual([
      `stateful(<${statefulLogicalId('AWS::Cognito::UserPoolClient')}>)`,
      // The console's client (test/infra/user-pool.test.ts), in this stack with the distribution.
      expect.stringMatching(/^<ConsoleClient[A-Za-z0-9]+>$/),
    ]);

    expect(routes.some((route) => route.auth)).toBe(true);
    expect(routes.some((route) => !route.auth)).toBe(true);
    for (const route of routes) {
      const [, apiRoute] = ofType('AWS::ApiGatewayV2::Route').find(
        ([, r]) => r.Properties.RouteKey === routeKey(route),
      ) as [string, Resource];
      if (route.auth) {
        expect(apiRoute.Properties.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(apiRoute.Properties.AuthorizerId, routeKey(route)).toEqual({ Ref: authorizerId });
      } else {
        expect(apiRoute.Properties.AuthorizationType, routeKey(route)).toBe('NONE');
        expect(apiRoute.Properties.AuthorizerId, routeKey(route)).toBeUndefined();
      }
    }
  });

  it('throttles the default stage and writes access logs', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

/** Logical id of the log group all state machines share. */
function workflowLogsId(): string {
  const found = ofType('AWS::Logs::LogGroup').filter(
    ([, g]) => g.Properties.LogGroupName === '/aws/vendedlogs/states/test-lotse',
  );
  expect(found).toHaveLength(1);
  return (found[0] as [string, Resource])[0];
}

describe('logs', () => {
  it('keeps every log group for a month', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    // One shared by the functions, one shared by the state machines, one for API access logs.
    expect(groups.length).toBe(3);
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBe(30);
  });

  it.each(functionIds)("%s logs into the functions' shared log group", (id) => {
    const fn = resources[functionLogicalId(id)] as Resource;
    const group = fn.Properties.LoggingConfig.LogGroup.Ref;
    expect(resources[group]?.Type).toBe('AWS::Logs::LogGroup');
    expect(group).toMatch(/^FunctionLogs/);
  });
});

describe('web', () => {
  it('serves the bucket through CloudFront and forwards /api/* uncached to the HTTP API', () => {
    stateless.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        CacheBehaviors: [
          // The console: the bucket as above, with its own looser response headers policy.
          ...['/console', '/console/*'].map((PathPattern) =>
            Match.objectLike({
              PathPattern,
              ViewerProtocolPolicy: 'redirect-to-https',
              CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', // CachingOptimized
              FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
              ResponseHeadersPolicyId: Match.anyValue(),
            }),
          ),
          Match.objectLike({
            PathPattern: '/api/*',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
            OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
            ViewerProtocolPolicy: 'https-only',
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({ OriginAccessControlId: Match.anyValue(), S3OriginConfig: Match.anyValue() }),
          Match.objectLike({
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ]),
        Logging: Match.anyValue(),
      }),
    });
  });

  it('answers /console* with index.html, /f/<form> with form.html, every other app route with public.html, and files as they are', () => {
    const cloudFrontFunctions = ofType('AWS::CloudFront::Function');
    expect(
      cloudFrontFunctions.map(([, resource]) => (resource as Resource).Properties.FunctionCode),
    ).toContain(spaFallback);

    const handler = new Function(`${spaFallback}\nreturn handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const served = (uri: string) => handler({ request: { uri } }).uri;
    expect(served('/f/beratung-anfrage')).toBe('/form.html');
    expect(served('/f/beratung-anfrage/')).toBe('/form.html');
    expect(served('/console/f/x')).toBe('/index.html');
    expect(served('/console')).toBe('/index.html');
    expect(served('/console/inbox')).toBe('/index.html');
    expect(served('/consoles')).toBe('/public.html');
    expect(served('/decide/abc_DEF-123')).toBe('/public.html');
    expect(served('/system-checks/0b7e4a52-5f0c-4c4e-9d6e-2a1f0c3b9e11')).toBe('/public.html');
    expect(served('/')).toBe('/public.html');
    expect(served('/assets/index-4f3a2b.js')).toBe('/assets/index-4f3a2b.js');
    expect(served('/favicon.ico')).toBe('/favicon.ico');
  });

  it('hands the viewer address to the API in a header the viewer cannot set', () => {
    const code = ofType('AWS::CloudFront::Function')
      .map(([, resource]) => String((resource as Resource).Properties.FunctionCode))
      .find((text) => text.includes('x-lotse-viewer-ip'));
    expect(code).toBeDefined();
    const handler = new Function(`${code}\nreturn handler;`)() as (event: unknown) => {
      headers: Record<string, { value: string }>;
    };
    const request = handler({
      viewer: { ip: '203.0.113.7' },
      request: { headers: { 'x-lotse-viewer-ip': { value: 'forged' } } },
    });
    expect(request.headers['x-lotse-viewer-ip']).toEqual({ value: '203.0.113.7' });
  });

  it('keeps the bucket private and TLS-only', () => {
    stateless.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.anyValue(),
    });
    stateless.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('deploys a placeholder page and warns when the web app is not built', () => {
    stateless.resourceCountIs('Custom::CDKBucketDeployment', 1);
    Annotations.fromStack(lotse.stateless).hasWarning(
      '/test-lotse-stateless/Web',
      Match.stringLikeRegexp('index.html does not exist'),
    );
  });
});

describe('outputs and alarms', () => {
  it('names the web URL, the API URL and each state machine', () => {
    stateless.hasOutput('WebUrl', Match.anyValue());
    stateless.hasOutput('ApiUrl', Match.anyValue());
    for (const id of stateMachineIds) {
      const outputs = stateless.findOutputs('*', { Description: stateMachines[id].description });
      expect(Object.keys(outputs)).toHaveLength(1);
    }
  });

  it('mails one alarm per kind of failure, each reading as few metrics as it can', () => {
    stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
    const alarms = ofType('AWS::CloudWatch::Alarm');
    const read = alarms.map(([, a]) => metricsReadBy(a).map((m) => `${m.Namespace}/${m.MetricName}`));
    expect(read).toEqual(
      expect.arrayContaining([
        // Every function of the account and region: no dimension.
        ['AWS/Lambda/Errors'],
        [`${WORKFLOW_FAILURE_METRIC.namespace}/${WORKFLOW_FAILURE_METRIC.name}`],
        ['AWS/ApiGateway/5xx'],
        ['Lotse/NeedsAttention'],
        streamFunctions.map(() => 'AWS/SQS/ApproximateNumberOfMessagesVisible'),
        // The SES account's reputation: bounce and complaint rate.
        ['AWS/SES/Reputation.BounceRate', 'AWS/SES/Reputation.ComplaintRate'],
      ]),
    );
    expect(alarms).toHaveLength(6);
    const lambdaErrors = alarms
      .flatMap(([, a]) => metricsReadBy(a))
      .find((m) => m.Namespace === 'AWS/Lambda');
    expect(lambdaErrors?.Dimensions).toBeUndefined();
    const attention = alarms
      .flatMap(([, a]) => metricsReadBy(a))
      .find((m) => m.MetricName === 'NeedsAttention');
    expect(attention?.Dimensions).toEqual([{ Name: 'service', Value: 'attention' }]);
    // What CloudWatch bills: 2 dead-letter queues, 2 reputation rates, 1 metric for everything else.
    const inventory = countResources(Object.values(resources));
    expect(inventory.alarms).toBe(6);
    expect(inventory.alarmMetrics).toBe(4 + streamFunctions.length + 2);
    expect(inventory.alarmMetrics).toBeLessThanOrEqual(8);
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('counts unsuccessful executions of every state machine with one metric filter', () => {
    const filters = ofType('AWS::Logs::MetricFilter');
    expect(filters).toHaveLength(1);
    expect((filters[0] as [string, Resource])[1].Properties).toEqual({
      LogGroupName: { Ref: workflowLogsId() },
      FilterPattern: WORKFLOW_FAILURE_PATTERN,
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
