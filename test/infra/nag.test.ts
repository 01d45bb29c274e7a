import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeFindings, LotseSolutionsChecks } from '../../infra/nag.ts';
import { buildTestApp } from './lotse-app-fixture.ts';

interface ValidationReport {
  readonly pluginReports: ReadonlyArray<{
    readonly pluginName: string;
    readonly violations: ReadonlyArray<{ readonly ruleName: string; readonly severity: string }>;
  }>;
}

const reportOf = (assembly: CloudAssembly): ValidationReport =>
  JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));

/** Acknowledged rule ids recorded anywhere in the construct tree. */
function acknowledgedIds(app: App): string[] {
  return app.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.keys(entry.data as Record<string, string>));
}

describe('the Lotse app under the AWS Solutions checks', () => {
  let app: App;
  let assembly: CloudAssembly;

  beforeAll(() => {
    app = buildTestApp().app;
    // Synthesis throws when a check reports an error that is not acknowledged.
    assembly = app.synth();
  });

  it('has no unacknowledged finding, error or warning', () => {
    const nag = reportOf(assembly).pluginReports.filter((report) => report.pluginName === 'AwsSolutions');
    expect(nag.flatMap((report) => report.violations)).toEqual([]);
  });

  it('passes CloudFormation schema validation', () => {
    const cfn = reportOf(assembly).pluginReports.filter(
      (report) => report.pluginName === 'CloudFormation Validate',
    );
    expect(cfn).toHaveLength(1);
    expect(cfn.flatMap((report) => report.violations)).toEqual([]);
  });

  it('ran the checks: the wildcard grants of the functions are acknowledged finding by finding', () => {
    const ids = acknowledgedIds(app);
    expect(ids).toContainEqual(
      expect.stringMatching(/AwsSolutions-IAM5\[Resource::.*:ExportsOutput.*\/index\/\*\]$/),
    );
    expect(ids).toContainEqual(expect.stringMatching(/AwsSolutions-IAM5\[Action::kms:GenerateDataKey\*\]$/));
  });
});

describe('the Lotse app deployed into a known account', () => {
  it('passes the checks too: acknowledgements do not depend on the account being unknown', () => {
    const { app } = buildTestApp({
      env: { CDK_DEFAULT_ACCOUNT: '123456789012' },
      context: { 'lotse:mailFrom': 'lotse@example.org', 'lotse:region': 'eu-west-1' },
      cloudFormationValidation: false,
    });
    const nag = reportOf(app.synth()).pluginReports.filter((report) => report.pluginName === 'AwsSolutions');
    expect(nag.flatMap((report) => report.violations)).toEqual([]);
    expect(acknowledgedIds(app)).toContainEqual(
      expect.stringContaining(
        'IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-123456789012-eu-west-1/*]',
      ),
    );
  });
});

describe('the checks themselves', () => {
  const appWith = (build: (stack: Stack) => void) => {
    const app = new App();
    Validations.of(app).addPlugins(new LotseSolutionsChecks(app));
    build(new Stack(app, 'Probe'));
    return app;
  };
  const wildcardRole = (stack: Stack) => {
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::probe/*'] }),
    );
    return role;
  };

  it('fail synthesis on an error nobody acknowledged', () => {
    const app = appWith((stack) => new s3.Bucket(stack, 'Unlogged', { enforceSSL: true }));
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });

  it('fail synthesis on a wildcard whose pattern does not match', () => {
    const app = appWith((stack) =>
      acknowledgeFindings(wildcardRole(stack), {
        rule: 'AwsSolutions-IAM5',
        finding: /^Resource::arn:aws:s3:::other\/\*$/,
        reason: 'test',
      }),
    );
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5\[Resource::arn:aws:s3:::probe\/\*\]/);
  });

  it('pass a wildcard acknowledged by a matching pattern', () => {
    const app = appWith((stack) =>
      acknowledgeFindings(wildcardRole(stack), {
        rule: 'AwsSolutions-IAM5',
        finding: /^Resource::arn:aws:s3:::probe\/\*$/,
        reason: 'test',
      }),
    );
    expect(() => app.synth()).not.toThrow();
  });
});
