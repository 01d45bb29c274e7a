import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteDefinition, routeKey, routes } from '#definitions/routes.ts';
import { acknowledgeFindings, LotseSolutionsChecks } from '../../infra/nag.ts';
import { checkPublicRouteReasons, publicRouteReasons } from '../../infra/stacks/stateless-nag.ts';
import { buildTestApp } from './lotse-app-fixture.ts';

interface ValidationReport {
  readonly pluginReports: ReadonlyArray<{
    readonly pluginName: string;
    readonly violations: ReadonlyArray<{ readonly ruleName: string; readonly severity: string }>;
  }>;
}

const reportOf = (assembly: CloudAssembly): ValidationReport =>
  JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));

/** Every acknowledgement recorded in the construct tree: the construct's path, the rule id, the reason. */
function acknowledgements(app: App): Array<{ path: string; id: string; reason: string }> {
  return app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id,
          reason,
        })),
      ),
  );
}

/** Whether an acknowledged id (`Annotation::AwsSolutions-APIG4`, ...) is of this rule, without a finding. */
const isRule = (id: string, rule: string) => id === rule || id.endsWith(`::${rule}`);

/** Acknowledged rule ids recorded anywhere in the construct tree. */
const acknowledgedIds = (app: App): string[] => acknowledgements(app).map((a) => a.id);

describe('the Lotse app under the AWS Solutions checks', () => {
  let app: App;
  let assembly: CloudAssembly;

  beforeAll(() => {
    // Bundling changes no resource the checks look at; stacks.test.ts bundles.
    app = buildTestApp({ bundle: false }).app;
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
    // No kms:GenerateDataKey* finding any more: the table uses the AWS owned key unless an
    // organisation chooses its own (lotse:tableKey), so functions get no table-key grant by default.
  });

  it('gives a reason for every acknowledgement', () => {
    const all = acknowledgements(app);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter(({ reason }) => typeof reason !== 'string' || reason.trim().length < 20)).toEqual([]);
  });

  it('acknowledges the missing authorizer (APIG4) on exactly the routes without `auth`, each with its reason', () => {
    const apig4 = acknowledgements(app).filter(({ id }) => isRule(id, 'AwsSolutions-APIG4'));
    const routeOf = (path: string) => routes.find((route) => path.endsWith(`/Http/Api/${apiRouteId(route)}`));
    expect(
      apig4
        .map(({ path }) => routeOf(path))
        .map((route) => route && routeKey(route))
        .sort(),
    ).toEqual(
      routes
        .filter((route) => !route.auth)
        .map(routeKey)
        .sort(),
    );
    for (const { path, reason } of apig4) {
      expect(reason).toContain(publicRouteReasons[routeKey(routeOf(path) as RouteDefinition)]);
    }
  });

  it('acknowledges what the user pool does not do as cdk-nag would like, with reasons (COG1, COG2)', () => {
    const pool = acknowledgements(app).filter(({ path }) => path.endsWith('/Users/UserPool'));
    expect(pool).toHaveLength(2);
    expect(pool.some(({ id }) => isRule(id, 'AwsSolutions-COG1'))).toBe(true);
    expect(pool.some(({ id }) => isRule(id, 'AwsSolutions-COG2'))).toBe(true);
  });
});

/** The construct id aws-cdk-lib gives a route, e.g. `GET--api--forms--{slug}`. */
const apiRouteId = (route: RouteDefinition) => `${route.method}${route.path.replaceAll('/', '--')}`;

describe('public routes', () => {
  const route = (method: RouteDefinition['method'], path: `/api/${string}`, auth?: RouteDefinition['auth']) =>
    ({
      method,
      path,
      function: 'health',
      summary: '',
      tag: '',
      responses: {},
      ...(auth ? { auth } : {}),
    }) as RouteDefinition;

  it('are exactly the routes the definitions leave without `auth`, each with a reason', () => {
    expect(() => checkPublicRouteReasons()).not.toThrow();
  });

  it('fail synthesis when a route without `auth` has no reason', () => {
    expect(() => checkPublicRouteReasons([route('GET', '/api/open')], {})).toThrow(
      /GET \/api\/open has no `auth`: add `auth` to its definition, or say why it is public/,
    );
  });

  it('fail synthesis when a reason names a route that has `auth` (or none at all)', () => {
    expect(() =>
      checkPublicRouteReasons([route('GET', '/api/closed', { groups: ['admin'] })], {
        'GET /api/closed': 'was public once',
        'GET /api/gone': 'removed',
      }),
    ).toThrow(/names GET \/api\/closed, which is not a route without `auth`[\s\S]*names GET \/api\/gone/);
  });
});

describe('the Lotse app deployed into a known account', () => {
  it('passes the checks too: acknowledgements do not depend on the account being unknown', () => {
    const { app } = buildTestApp({
      env: { CDK_DEFAULT_ACCOUNT: '123456789012' },
      context: { 'lotse:mailFrom': 'lotse@example.org', 'lotse:region': 'eu-west-1' },
      cloudFormationValidation: false,
      bundle: false,
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
