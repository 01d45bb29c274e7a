import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionIds } from '#definitions/functions.ts';
import { immutableCacheControl, revalidateCacheControl } from '#definitions/web-headers.ts';
import type { LotseApp } from '../../infra/lotse-app.ts';
import { buildTestApp, testContext } from './lotse-app-fixture.ts';

const domainName = 'lotse.your-organisation.org';
const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const customDomain = { 'lotse:domainName': domainName, 'lotse:certificateArn': certificateArn };
/** Managed-CachingOptimized (MinTTL 1 s), the policy the no-invalidation choice relies on. */
const cachingOptimizedId = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/** The properties of every resource of a type, as the caller expects them to look. */
const propertiesOf = <T>(template: Template, type: string): T[] =>
  Object.values(template.findResources(type)).map((resource) => (resource as { Properties: T }).Properties);

/** A web build as Vite writes it: index.html and content-hashed assets. */
function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>',
  );
  writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log(1)');
  return dir;
}

interface Synthesized {
  readonly lotse: LotseApp;
  readonly template: Template;
  readonly assembly: CloudAssembly;
}

function synthesize(context: Record<string, unknown>): Synthesized {
  const lotse = buildTestApp({ bundle: false, context, webAssetsPath: fakeWebBuild() });
  // Synthesis runs the AWS Solutions checks and throws on any finding nobody acknowledged.
  const assembly = lotse.app.synth();
  return { lotse, assembly, template: Template.fromStack(lotse.stateless) };
}

const distributionConfig = (template: Template) => {
  const [distribution] = propertiesOf<{ DistributionConfig: Record<string, unknown> }>(
    template,
    'AWS::CloudFront::Distribution',
  );
  return distribution?.DistributionConfig ?? {};
};

const publicBaseUrls = (template: Template) =>
  propertiesOf<{ Environment?: { Variables?: Record<string, unknown> } }>(template, 'AWS::Lambda::Function')
    .map((fn) => fn.Environment?.Variables?.PUBLIC_BASE_URL)
    .filter((url) => url !== undefined);

const consoleClient = (template: Template) => {
  const clients = propertiesOf<{ CallbackURLs: unknown[]; LogoutURLs: unknown[] }>(
    template,
    'AWS::Cognito::UserPoolClient',
  );
  expect(clients).toHaveLength(1);
  return clients[0];
};

const acknowledgesCfr4 = ({ lotse }: Synthesized) =>
  lotse.app.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .some((entry) => Object.keys(entry.data as object).some((id) => id.endsWith('AwsSolutions-CFR4')));

const nagViolations = ({ assembly }: Synthesized) =>
  (
    JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: Array<{ pluginName: string; violations: unknown[] }>;
    }
  ).pluginReports
    .filter((report) => report.pluginName === 'AwsSolutions')
    .flatMap((report) => report.violations);

describe('a custom domain with its ACM certificate (the recommended setup)', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize({ ...testContext, ...customDomain });
  }, 120_000);

  it('serves the domain with the certificate, TLS 1.2 or newer, by SNI', () => {
    const config = distributionConfig(synthesized.template);
    expect(config.Aliases).toEqual([domainName]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('makes https://<domain> the public URL of every function, and of the console sign-in', () => {
    const urls = publicBaseUrls(synthesized.template);
    expect(urls).toHaveLength(functionIds.length);
    expect(new Set(urls)).toEqual(new Set([`https://${domainName}`]));
    expect(consoleClient(synthesized.template)).toMatchObject({
      CallbackURLs: [`https://${domainName}/console/callback`],
      LogoutURLs: [`https://${domainName}/`, `https://${domainName}/console/signed-out`],
    });
    synthesized.template.hasOutput('WebUrl', { Value: `https://${domainName}` });
  });

  it('says which DNS record to create', () => {
    const output = synthesized.template.findOutputs('DnsRecord');
    expect(JSON.stringify(output.DnsRecord?.Value)).toMatch(
      new RegExp(`${domainName.replaceAll('.', '\\.')} CNAME .*DomainName`),
    );
  });

  it('passes the checks without acknowledging the outdated viewer TLS (CFR4)', () => {
    expect(nagViolations(synthesized)).toEqual([]);
    expect(acknowledgesCfr4(synthesized)).toBe(false);
  });
});

describe('without a custom domain', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize(testContext);
  }, 120_000);

  it('keeps the distribution name and the default certificate, and acknowledges CFR4 for it', () => {
    const config = distributionConfig(synthesized.template);
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
    const distributionUrl = {
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^WebDistribution/), 'DomainName'] }],
      ],
    };
    for (const url of publicBaseUrls(synthesized.template)) expect(url).toEqual(distributionUrl);
    expect(consoleClient(synthesized.template)?.CallbackURLs).toEqual([
      { 'Fn::Join': ['', ['https://', expect.anything(), '/console/callback']] },
    ]);
    expect(synthesized.template.findOutputs('DnsRecord')).toEqual({});
    expect(nagViolations(synthesized)).toEqual([]);
    expect(acknowledgesCfr4(synthesized)).toBe(true);
  });

  it('grants no CloudFront invalidation on every distribution: the edges keep no-cache files 1 s at most', () => {
    const statements = propertiesOf<{
      PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> };
    }>(synthesized.template, 'AWS::IAM::Policy').flatMap((policy) => policy.PolicyDocument.Statement);
    expect(statements.length).toBeGreaterThan(0);
    const invalidations = statements.filter((s) =>
      [s.Action].flat().some((a) => a.startsWith('cloudfront:')),
    );
    expect(invalidations.filter((s) => [s.Resource].flat().includes('*'))).toEqual([]);
    expect(invalidations).toEqual([]);

    // What makes the invalidation unnecessary: the default behavior's cache policy has MinTTL 1 s, and
    // only content-hashed assets are stored with anything but no-cache.
    expect(distributionConfig(synthesized.template).DefaultCacheBehavior).toMatchObject({
      CachePolicyId: cachingOptimizedId,
    });
    const deployments = propertiesOf<{
      DestinationBucketKeyPrefix?: string;
      SystemMetadata: Record<string, string>;
    }>(synthesized.template, 'Custom::CDKBucketDeployment');
    expect(
      deployments.map((d) => [d.DestinationBucketKeyPrefix, d.SystemMetadata['cache-control']]).sort(),
    ).toEqual(
      [
        ['assets/', immutableCacheControl],
        [undefined, revalidateCacheControl],
      ].sort(),
    );
    for (const deployment of deployments) expect(deployment).not.toHaveProperty('DistributionId');
  });
});

describe('a custom domain configured wrongly', () => {
  const build = (context: Record<string, unknown>) => () =>
    buildTestApp({ bundle: false, cloudFormationValidation: false, context: { ...testContext, ...context } });

  it('stops the app before any stack exists, naming the key', () => {
    expect(build({ 'lotse:domainName': domainName })).toThrow(/lotse:certificateArn is missing/);
    expect(build({ 'lotse:certificateArn': certificateArn })).toThrow(/lotse:domainName is missing/);
    expect(
      build({ ...customDomain, 'lotse:certificateArn': certificateArn.replace('us-east-1', 'eu-central-1') }),
    ).toThrow(
      /lotse:certificateArn is a certificate in eu-central-1, but CloudFront uses certificates from us-east-1 only/,
    );
    expect(
      build({ ...customDomain, 'lotse:certificateArn': 'arn:aws:acm:us-east-1:123:certificate/x' }),
    ).toThrow(
      /lotse:certificateArn "arn:aws:acm:us-east-1:123:certificate\/x" is not the ARN of an ACM certificate/,
    );
  });
});
