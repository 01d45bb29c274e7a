import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAIL_REPUTATION_THRESHOLDS } from '../../infra/constructs/alarms.ts';
import { buildTestApp, testContext } from './lotse-app-fixture.ts';

/**
 * Issue 13: the sender is a domain signed with DKIM, every mail goes through a configuration set
 * that keeps addresses that bounced or complained from being mailed again, and one alarm watches
 * the account's reputation.
 */

// biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; the assertions are the type check.
type Resource = { Type: string; Properties: Record<string, any> };

let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  // A sender on a subdomain: the identity is that subdomain, not the organisation's whole domain.
  const lotse = buildTestApp({
    bundle: false,
    cloudFormationValidation: false,
    context: { ...testContext, 'lotse:mailFrom': 'Lotse@Mail.Lotsen-Nord.de' },
  });
  template = Template.fromStack(lotse.stateless);
  resources = template.toJSON().Resources;
}, 120_000);

const logicalIdOf = (type: string): string => {
  const found = Object.entries(resources).filter(([, r]) => r.Type === type);
  expect(found, type).toHaveLength(1);
  return (found[0] as [string, Resource])[0];
};

const sendStatements = () =>
  Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .flatMap((p) => p.Properties.PolicyDocument.Statement)
    .filter((s: { Action: unknown }) => [s.Action].flat().includes('ses:SendEmail'));

/** An ARN built with Fn::Join, with its tokens written as `<Ref>` or `<Id.Attribute>`. */
const render = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::Join']) return v['Fn::Join'][1].map(render).join(v['Fn::Join'][0]);
  return JSON.stringify(value);
};

describe('the sender identity', () => {
  it("is the sender's domain, signed with Easy DKIM (RSA 2048)", () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mail.lotsen-nord.de',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
    });
  });

  it('sends every mail through the configuration set, as its default', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      ConfigurationSetAttributes: {
        ConfigurationSetName: { Ref: logicalIdOf('AWS::SES::ConfigurationSet') },
      },
    });
  });

  it('puts out the three DKIM CNAME records the domain needs', () => {
    const identity = logicalIdOf('AWS::SES::EmailIdentity');
    for (const n of [1, 2, 3]) {
      template.hasOutput(`DkimRecord${n}`, {
        Description: Match.stringLikeRegexp('mail\\.lotsen-nord\\.de'),
        Value: {
          'Fn::Join': [
            ' ',
            [
              { 'Fn::GetAtt': [identity, `DkimDNSTokenName${n}`] },
              'CNAME',
              { 'Fn::GetAtt': [identity, `DkimDNSTokenValue${n}`] },
            ],
          ],
        },
      });
    }
  });
});

describe('the configuration set', () => {
  it('never mails again an address that bounced or complained, requires TLS and records reputation', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'test-lotse',
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
  });

  it('counts bounces, complaints, rejects and delivery delays in CloudWatch', () => {
    const set = logicalIdOf('AWS::SES::ConfigurationSet');
    const destination = resources[logicalIdOf('AWS::SES::ConfigurationSetEventDestination')] as Resource;
    expect(destination.Properties.ConfigurationSetName).toEqual({ Ref: set });
    const { EventDestination: events } = destination.Properties;
    expect(events.Enabled).toBe(true);
    expect([...events.MatchingEventTypes].sort()).toEqual(['bounce', 'complaint', 'deliveryDelay', 'reject']);
    expect(events.CloudWatchDestination.DimensionConfigurations).toEqual([
      {
        DimensionName: 'ses:configuration-set',
        DimensionValueSource: 'messageTag',
        DefaultDimensionValue: { Ref: set },
      },
    ]);
  });
});

describe('sending', () => {
  it('is granted on the identities and the configuration set, only from the configured address', () => {
    const statements = sendStatements();
    expect(statements.length).toBeGreaterThan(0);
    const set = logicalIdOf('AWS::SES::ConfigurationSet');
    for (const statement of statements) {
      expect(statement.Action).toBe('ses:SendEmail');
      expect([statement.Resource].flat().map(render)).toEqual([
        'arn:<AWS::Partition>:ses:eu-central-1:<AWS::AccountId>:identity/*',
        `arn:<AWS::Partition>:ses:eu-central-1:<AWS::AccountId>:configuration-set/<${set}>`,
      ]);
      // Exactly as configured: the functions send it so (MAIL_FROM), and StringEquals is case-sensitive.
      expect(statement.Condition).toEqual({
        StringEquals: { 'ses:FromAddress': 'Lotse@Mail.Lotsen-Nord.de' },
      });
    }
  });
});

describe('the mail reputation alarm', () => {
  const reputationAlarms = (of: Record<string, Resource>) =>
    Object.values(of).filter(
      (r) =>
        r.Type === 'AWS::CloudWatch::Alarm' &&
        (r.Properties.Metrics ?? []).some(
          (m: { MetricStat?: { Metric: { Namespace: string } } }) =>
            m.MetricStat?.Metric.Namespace === 'AWS/SES',
        ),
    );

  it('is one alarm on the larger of the bounce and the complaint rate, each against its threshold', () => {
    const alarms = reputationAlarms(resources);
    expect(alarms).toHaveLength(1);
    const { Properties: alarm } = alarms[0] as Resource;
    expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(alarm.AlarmActions).toHaveLength(1);
    const metrics = alarm.Metrics as Array<{
      Id: string;
      Expression?: string;
      ReturnData: boolean;
      MetricStat?: { Metric: { MetricName: string; Namespace: string; Dimensions?: unknown } };
    }>;
    const byId = Object.fromEntries(metrics.map((m) => [m.Id, m]));
    const returned = metrics.filter((m) => m.ReturnData);
    expect(returned.map((m) => m.Expression)).toEqual(['MAX([bounceRatio, complaintRatio])']);
    expect(byId.bounceRatio?.Expression).toBe(`bounceRate / ${MAIL_REPUTATION_THRESHOLDS.bounceRate}`);
    expect(byId.complaintRatio?.Expression).toBe(
      `complaintRate / ${MAIL_REPUTATION_THRESHOLDS.complaintRate}`,
    );
    // The account's rates: no dimensions.
    expect(byId.bounceRate?.MetricStat?.Metric).toEqual({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
    });
    expect(byId.complaintRate?.MetricStat?.Metric).toEqual({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.ComplaintRate',
    });
    // Below the rates at which AWS reviews an account.
    expect(MAIL_REPUTATION_THRESHOLDS.bounceRate).toBeLessThan(0.05);
    expect(MAIL_REPUTATION_THRESHOLDS.complaintRate).toBeLessThan(0.001);
  });

  it('is not there without an alarm address', () => {
    const { 'lotse:alarmEmail': _, ...context } = testContext;
    const lotse = buildTestApp({ bundle: false, cloudFormationValidation: false, context });
    const withoutAlarms = Template.fromStack(lotse.stateless).toJSON().Resources as Record<string, Resource>;
    expect(reputationAlarms(withoutAlarms)).toEqual([]);
    // The configuration set does not depend on it.
    expect(Object.values(withoutAlarms).filter((r) => r.Type === 'AWS::SES::ConfigurationSet')).toHaveLength(
      1,
    );
  }, 120_000);
});
