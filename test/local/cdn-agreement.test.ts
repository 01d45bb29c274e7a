import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaFallback, spaRewrite } from '#definitions/spa-fallback.ts';
import {
  consolePathPatterns,
  isConsolePath,
  securityHeaders,
  strictTransportSecurityValue,
} from '#definitions/web-headers.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { buildTestApp } from '../infra/lotse-app-fixture.ts';
import { decoded, type RawResponse, rawRequest } from '../support/raw-http.ts';
import { startTestRuntime } from '../support/runtime.ts';

// biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; the assertions are the type check.
type Json = any;

/** What the managed cache policies do (AWS documents them; the template holds only their ids). */
const managedCachePolicies: Record<string, { name: string; compresses: boolean }> = {
  '658327ea-f89d-4fab-a63d-7e88639e58f6': { name: 'CachingOptimized', compresses: true },
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': { name: 'CachingDisabled', compresses: false },
};

/** A template string with CloudFormation functions in it, each shown as <token>. */
function rendered(value: Json): string {
  if (typeof value === 'string') return value;
  if (value?.['Fn::Join']) return (value['Fn::Join'][1] as Json[]).map(rendered).join(value['Fn::Join'][0]);
  return '<token>';
}

/** The response headers policy as the header names and values a viewer receives. */
function headersOfPolicy(config: Json): Map<string, { value: string; override: boolean }> {
  const security = config.SecurityHeadersConfig;
  const sts = security.StrictTransportSecurity;
  const found = new Map<string, { value: string; override: boolean }>([
    [
      'content-security-policy',
      {
        value: rendered(security.ContentSecurityPolicy.ContentSecurityPolicy),
        override: security.ContentSecurityPolicy.Override,
      },
    ],
    ['x-content-type-options', { value: 'nosniff', override: security.ContentTypeOptions.Override }],
    [
      'x-frame-options',
      { value: security.FrameOptions.FrameOption, override: security.FrameOptions.Override },
    ],
    [
      'referrer-policy',
      { value: security.ReferrerPolicy.ReferrerPolicy, override: security.ReferrerPolicy.Override },
    ],
    [
      'strict-transport-security',
      {
        value: `max-age=${sts.AccessControlMaxAgeSec}${sts.IncludeSubdomains ? '; includeSubDomains' : ''}${sts.Preload ? '; preload' : ''}`,
        override: sts.Override,
      },
    ],
  ]);
  for (const item of config.CustomHeadersConfig?.Items ?? []) {
    found.set(String(item.Header).toLowerCase(), { value: item.Value, override: item.Override });
  }
  return found;
}

const directives = (csp: string) => new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d]));

let template: Template;
let resources: Record<string, Json>;
let distribution: Json;
let policyHeaders: Map<string, { value: string; override: boolean }>;
/** The /console and /console/* behaviours' policy: the console's. */
let consolePolicyHeaders: Map<string, { value: string; override: boolean }>;
/** The behaviour CloudFront picks for a path: the first whose pattern matches, else the default. */
let behaviourOf: (path: string) => Json;

/** CloudFront's path patterns: `*` any characters, `?` one, the rest literally. */
const matchesPattern = (pattern: string, path: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(path);
let test: Awaited<ReturnType<typeof startTestRuntime>>;
const served: Record<string, RawResponse> = {};
let hashedAsset = '';

beforeAll(async () => {
  const app = buildTestApp({
    cloudFormationValidation: false,
    bundle: false,
    webAssetsPath: join(repositoryRoot, 'web', 'dist'),
  });
  template = Template.fromStack(app.stateless);
  resources = template.toJSON().Resources;
  const ofType = (type: string) => Object.values(resources).filter((r: Json) => r.Type === type);
  distribution = (ofType('AWS::CloudFront::Distribution')[0] as Json).Properties.DistributionConfig;
  const policies = ofType('AWS::CloudFront::ResponseHeadersPolicy') as Json[];
  expect(policies).toHaveLength(2);
  const policyOf = (behaviour: Json) => {
    const id = behaviour.ResponseHeadersPolicyId.Ref;
    return headersOfPolicy(resources[id].Properties.ResponseHeadersPolicyConfig);
  };
  const behaviourFor = (pattern: string) =>
    distribution.CacheBehaviors.find((b: Json) => b.PathPattern === pattern);
  policyHeaders = policyOf(distribution.DefaultCacheBehavior);
  expect(policyOf(behaviourFor('/api/*'))).toEqual(policyHeaders);
  consolePolicyHeaders = policyOf(behaviourFor('/console'));
  expect(policyOf(behaviourFor('/console/*'))).toEqual(consolePolicyHeaders);
  behaviourOf = (path) =>
    distribution.CacheBehaviors.find((b: Json) => matchesPattern(b.PathPattern, path)) ??
    distribution.DefaultCacheBehavior;

  test = await startTestRuntime();
  const web = test.runtime.urls.web;
  const page = await rawRequest(`${web}/`);
  hashedAsset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body.toString())?.[1] ?? '';
  const accept = { 'accept-encoding': 'br, gzip' };
  for (const path of paths()) {
    served[path] = await rawRequest(`${web}${path}`, { headers: accept });
  }
}, 300_000);

afterAll(() => test?.stop());

const paths = () => [
  '/',
  '/f/some-form',
  '/decide/some-token',
  hashedAsset,
  '/api/health',
  '/console',
  '/console/inbox',
  // Not the console: the public shell, and the public policy.
  '/consoles',
];

describe('the local server and the CloudFront distribution agree', () => {
  it('found a hashed asset in the built index.html', () => {
    expect(hashedAsset).toMatch(/^\/assets\/.+-[A-Za-z0-9_-]{6,}\.js$/);
  });

  it('on every header of the response headers policies, HSTS excepted, for pages, assets, the API and the console', () => {
    for (const policy of [policyHeaders, consolePolicyHeaders]) {
      expect([...policy.keys()].sort()).toEqual(
        securityHeaders({ https: true, page: 'public' })
          .map((rule) => rule.name)
          .sort(),
      );
    }
    for (const path of paths()) {
      const headers = (served[path] as RawResponse).headers;
      // The policy of the behaviour CloudFront would pick for this path, against the local server's.
      const console =
        behaviourOf(path).ResponseHeadersPolicyId.Ref === behaviourOf('/console').ResponseHeadersPolicyId.Ref;
      expect(console, path).toBe(isConsolePath(path));
      for (const [name, { value }] of console ? consolePolicyHeaders : policyHeaders) {
        // HSTS pins a host to https for a year; the local server speaks plain http on 127.0.0.1.
        if (name === 'strict-transport-security') {
          expect(headers[name], path).toBeUndefined();
          expect(value).toBe(strictTransportSecurityValue());
          continue;
        }
        if (name !== 'content-security-policy' || !console) {
          expect(headers[name], `${path} ${name}`).toBe(value);
          continue;
        }
        // The same policy; only where the console's sign-in fetches from differs by deployment.
        const local = directives(String(headers[name]));
        const aws = directives(value);
        expect([...local.keys()], path).toEqual([...aws.keys()]);
        for (const [directive, text] of aws) {
          if (directive !== 'connect-src') expect(local.get(directive), `${path} ${directive}`).toBe(text);
        }
        expect(local.get('connect-src')).toBe(`connect-src 'self' ${test.runtime.urls.auth}/`);
        expect(aws.get('connect-src')).toMatch(
          /^connect-src 'self' https:\/\/cognito-idp\.eu-central-1\.\S+\/ \S+$/,
        );
      }
    }
  });

  it("on the console's looser CSP: 'unsafe-eval' and the sign-in's sources there only, the rest as everywhere", () => {
    const publicPolicy = directives(policyHeaders.get('content-security-policy')?.value ?? '');
    const consolePolicy = directives(consolePolicyHeaders.get('content-security-policy')?.value ?? '');
    expect(publicPolicy.get('script-src')).toBe("script-src 'self'");
    expect(publicPolicy.get('connect-src')).toBe("connect-src 'self'");
    expect(consolePolicy.get('script-src')).toBe("script-src 'self' 'unsafe-eval'");
    for (const [directive, text] of publicPolicy) {
      if (directive !== 'script-src' && directive !== 'connect-src')
        expect(consolePolicy.get(directive)).toBe(text);
    }
    const { 'content-security-policy': _public, ...others } = Object.fromEntries(policyHeaders);
    const { 'content-security-policy': _console, ...consoleOthers } =
      Object.fromEntries(consolePolicyHeaders);
    expect(consoleOthers).toEqual(others);
    // The console's behaviour serves the bucket as the default one does, with the same shell rewrite.
    const site = distribution.DefaultCacheBehavior;
    for (const pattern of consolePathPatterns) {
      const console = distribution.CacheBehaviors.find((b: Json) => b.PathPattern === pattern);
      for (const key of [
        'TargetOriginId',
        'CachePolicyId',
        'Compress',
        'ViewerProtocolPolicy',
        'FunctionAssociations',
      ])
        expect(console[key], `${pattern} ${key}`).toEqual(site[key]);
    }
  });

  it('on which headers a handler may set itself (override) and which the policy replaces', () => {
    for (const [page, policy] of [
      ['public', policyHeaders],
      ['console', consolePolicyHeaders],
    ] as const) {
      for (const rule of securityHeaders({ https: true, page }))
        expect(policy.get(rule.name)?.override, `${page} ${rule.name}`).toBe(rule.override);
    }
  });

  it('on caching: hashed assets immutable, HTML and app routes revalidated, as the deployments store them', () => {
    const deployments = Object.values(resources).filter(
      (r: Json) => r.Type === 'Custom::CDKBucketDeployment',
    ) as Json[];
    const cacheControlOf = (d: Json) => String(d.Properties.SystemMetadata?.['cache-control'] ?? 'none');
    const assets = deployments.find((d) => d.Properties.DestinationBucketKeyPrefix === 'assets/');
    const site = deployments.find((d) => d !== assets);
    expect(deployments).toHaveLength(2);
    expect(cacheControlOf(assets)).toBe((served[hashedAsset] as RawResponse).headers['cache-control']);
    expect(assets.Properties.Prune).toBe(false);
    expect(cacheControlOf(site)).toBe('no-cache');
    expect(site.Properties.Exclude).toEqual(['assets/*']);
    for (const path of ['/', '/f/some-form']) {
      expect((served[path] as RawResponse).headers['cache-control'], path).toBe(cacheControlOf(site));
    }
  });

  it('on compression: the web app compressed as CachingOptimized does, the API left as CachingDisabled leaves it', () => {
    const web = managedCachePolicies[distribution.DefaultCacheBehavior.CachePolicyId];
    const apiBehaviour = distribution.CacheBehaviors.find((b: Json) => b.PathPattern === '/api/*');
    const api = managedCachePolicies[apiBehaviour.CachePolicyId];
    expect(web).toEqual({ name: 'CachingOptimized', compresses: true });
    expect(distribution.DefaultCacheBehavior.Compress).toBe(true);
    expect(api).toEqual({ name: 'CachingDisabled', compresses: false });

    const asset = served[hashedAsset] as RawResponse;
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers.vary).toBe('Accept-Encoding');
    expect(decoded(asset).byteLength).toBeGreaterThan(asset.body.byteLength);
    expect((served['/api/health'] as RawResponse).headers['content-encoding']).toBeUndefined();
  });

  it('on app routes: the same SPA fallback function, so /f/<form> is form.html, / public.html, /console/… index.html', () => {
    const functions = Object.values(resources).filter((r: Json) => r.Type === 'AWS::CloudFront::Function');
    expect(functions.map((f: Json) => f.Properties.FunctionCode)).toContain(spaFallback);
    const shell = served['/f/some-form'] as RawResponse;
    expect(shell.status).toBe(200);
    const dist = join(repositoryRoot, 'web', 'dist');
    expect(decoded(shell).equals(readFileSync(join(dist, 'form.html')))).toBe(true);
    expect(decoded(served['/'] as RawResponse).equals(readFileSync(join(dist, 'public.html')))).toBe(true);
    for (const path of ['/console', '/console/inbox']) {
      expect(decoded(served[path] as RawResponse).equals(readFileSync(join(dist, 'index.html'))), path).toBe(
        true,
      );
    }
    // The shell and the policy go together: what is not the console's shell is not its policy.
    expect(decoded(served['/consoles'] as RawResponse).equals(readFileSync(join(dist, 'public.html')))).toBe(
      true,
    );
    for (const path of paths().filter((p) => !p.startsWith('/assets/') && !p.startsWith('/api/')))
      expect(spaRewrite(path) === '/index.html', path).toBe(isConsolePath(path));
  });
});
