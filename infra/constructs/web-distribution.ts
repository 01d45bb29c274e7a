import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import {
  ORIGIN_SECRET_HEADER,
  VIEWER_ADDRESS_HEADER,
} from '../../functions/shared/definitions/origin-secret.ts';
import { spaFallback } from '../../functions/shared/definitions/spa-fallback.ts';
import {
  cacheControlFor,
  consolePathPatterns,
  frameOption,
  hashedAssetsPrefix,
  type PagePolicy,
  referrerPolicy,
  securityHeaders,
  strictTransportSecurity,
} from '../../functions/shared/definitions/web-headers.ts';
import { acknowledgeFindings, arnSegment } from '../nag.ts';

export interface WebDistributionProps {
  /** Host name of the HTTP API; CloudFront forwards `/api/*` to it. */
  readonly apiDomainName: string;
  /**
   * Sent to the API in the `x-lotse-origin-secret` header on every request; the functions refuse
   * requests without it, so only CloudFront reaches them (functions/shared/definitions/origin-secret.ts).
   */
  readonly originSecret: string;
  /**
   * Settings the web app reads at start from `/config.json` (e.g. where to sign in), so one build
   * runs in every deployment. @default no config.json
   */
  readonly runtimeConfig?: Readonly<Record<string, unknown>>;
  /** The built web app (contains index.html). When it has no index.html, a placeholder page is deployed. */
  readonly webAssetsPath: string;
  /** How long access logs of the bucket and the distribution are kept. @default Duration.days(90) */
  readonly logExpiration?: Duration;
  /**
   * Where the console's OpenID client fetches discovery and tokens from (the issuer with a trailing
   * `/`, the managed-login domain): allowed in the CSP's connect-src. @default none
   */
  readonly connectSources?: readonly string[];
  /**
   * A host name of the organisation's own and its certificate (ACM, us-east-1): viewers then connect
   * with TLS 1.2 or newer, and `url` is `https://<domainName>`. A DNS record must point the name at
   * the distribution. @default the distribution's `*.cloudfront.net` name, served with TLSv1 allowed
   */
  readonly customDomain?: CustomDomainProps;
}

export interface CustomDomainProps {
  /** e.g. `lotse.your-organisation.org` */
  readonly domainName: string;
  /** Issued for `domainName`, in us-east-1 (CloudFront takes certificates from there only). */
  readonly certificate: acm.ICertificate;
}

// Exported for test/infra, which runs it; defined with the local server's copy of the rule.
export { spaFallback };

const placeholderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lotse</title></head>
<body><h1>Lotse is deployed, the web app is not</h1>
<p>Build it with <code>npm run build:web</code> (writes <code>web/dist</code>), then run <code>npx cdk deploy --all</code> again.</p>
<p>The API answers under <a href="/api/health">/api/health</a>.</p></body></html>
`;

/**
 * The web app: a private bucket behind CloudFront (Origin Access Control), with `/api/*` routed to
 * the HTTP API so that the app and the API share one origin and need no CORS.
 */
export class WebDistribution extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;
  /** `https://<domainName>` with a custom domain, else `https://<distribution>.cloudfront.net`; no trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    const logExpiration = props.logExpiration ?? Duration.days(90);

    // Logs hold request paths and, for CloudFront, client IPs; they expire instead of piling up.
    const logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs, which BucketOwnerEnforced would refuse.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: logExpiration }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself; logging it into another bucket would only move the problem.',
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/',
      // Holds nothing but the build output, which can be deployed again from the repository.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    // Every page, file and API answer but the console's: no 'unsafe-eval', no sign-in sources.
    const securityHeaders = securityHeadersPolicy(this, 'SecurityHeaders', { page: 'public' });
    const consoleHeaders = securityHeadersPolicy(this, 'ConsoleSecurityHeaders', {
      page: 'console',
      connectSources: props.connectSources ?? [],
    });
    const siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    const spaFallbackFunction = new cloudfront.Function(this, 'SpaFallback', {
      code: cloudfront.FunctionCode.fromInline(spaFallback),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for app routes without a file extension',
    });
    const siteBehavior = (responseHeadersPolicy: cloudfront.IResponseHeadersPolicy) => ({
      origin: siteOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      // Gzip and Brotli by Accept-Encoding (this policy enables both); the objects' own Cache-Control
      // (set by the deployments below) decides how long browsers keep them.
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      compress: true,
      responseHeadersPolicy,
      functionAssociations: [
        { eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: spaFallbackFunction },
      ],
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Lotse web app and API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // With the default *.cloudfront.net certificate CloudFront fixes the viewer policy at TLSv1 and
      // ignores minimumProtocolVersion (CFR4 below); only a certificate of our own (SNI) lifts it.
      // Origins are reached with TLS 1.2 only.
      ...(props.customDomain
        ? {
            domainNames: [props.customDomain.domainName],
            certificate: props.customDomain.certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            sslSupportMethod: cloudfront.SSLMethod.SNI,
          }
        : {}),
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
      defaultBehavior: siteBehavior(securityHeaders),
      additionalBehaviors: {
        // The console: the same files, the policy that lets it sign in and compile schemas.
        ...Object.fromEntries(consolePathPatterns.map((pattern) => [pattern, siteBehavior(consoleHeaders)])),
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            // Overwrites a header of that name from the viewer; the API refuses requests without it.
            customHeaders: { [ORIGIN_SECRET_HEADER]: props.originSecret },
          }),
          // Redirecting would turn a POST into a GET; plain HTTP is refused instead.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          // Not cached, hence not compressed: CloudFront compresses only under a cache policy with
          // Accept-Encoding in its key, and such a policy (max TTL > 0) would cache the answers that
          // say `public, max-age` (openapi, certificate checks) without the Authorization header in
          // the key and stop forwarding that header on GET. The local server leaves /api/* alone too.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Every viewer header but Host (API Gateway needs its own), so the Authorization header
          // reaches the JWT authorizer. The viewer's address travels in a header of ours (below), not in
          // X-Forwarded-For, to which API Gateway may append CloudFront's own address; the API trusts
          // it only on requests with the origin secret, which only this distribution adds.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          // The viewer's address for the per-client submission limit (functions/submission-create/
          // handler.ts), overwritten here whatever the viewer sent.
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'ViewerAddress', {
                code: cloudfront.FunctionCode.fromInline(
                  `function handler(event) { var request = event.request; request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip }; return request; }`,
                ),
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                comment: 'Passes the viewer address to the API for per-client rate limits',
              }),
            },
          ],
        },
      },
    });
    if (!props.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain is configured, so the default *.cloudfront.net certificate is used, for which CloudFront fixes the viewer security policy at TLSv1. Set lotse:domainName and lotse:certificateArn (docs/deploy.md) for TLSv1.2_2021.',
      });
    }
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Volunteers and the people they help may be anywhere; there is no region to restrict to.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF for now: the API is throttled at the stage (burst 100, 50 rps) and a web ACL costs more than small organisations run on; add one in front of the distribution if abuse shows up.',
      },
    );
    this.url = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    const hasBuild = existsSync(join(props.webAssetsPath, 'index.html'));
    if (!hasBuild) {
      Annotations.of(this).addWarningV2(
        'lotse:web-not-built',
        `${props.webAssetsPath}/index.html does not exist, so a placeholder page is deployed. Build the web app first: npm run build:web (see docs/deploy.md).`,
      );
    }
    const deployment = deployBuild(this, {
      ...props,
      bucket: this.bucket,
      hasBuild,
    });
    acknowledgeDeploymentHandler(deployment, this.bucket);
  }
}

/** The headers CloudFront's typed security settings cover; every other rule becomes a custom header. */
const typedSecurityHeaders = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'strict-transport-security',
];

/** functions/shared/definitions/web-headers.ts as a ResponseHeadersPolicy, for the web app and the API. */
function securityHeadersPolicy(
  scope: Construct,
  id: string,
  options: { readonly connectSources?: readonly string[]; readonly page: PagePolicy },
): cloudfront.ResponseHeadersPolicy {
  const rules = securityHeaders({ https: true, ...options });
  const rule = (name: string) => {
    const found = rules.find((r) => r.name === name);
    if (!found) throw new Error(`web-headers.ts defines no ${name}; CloudFront's policy needs one`);
    return found;
  };
  const referrer = Object.values(cloudfront.HeadersReferrerPolicy).find((value) => value === referrerPolicy);
  if (!referrer) throw new Error(`CloudFront has no Referrer-Policy ${referrerPolicy}`);
  return new cloudfront.ResponseHeadersPolicy(scope, id, {
    comment:
      options.page === 'console'
        ? 'Lotse: security headers for the console (/console*)'
        : 'Lotse: security headers for the public pages, files and the API',
    securityHeadersBehavior: {
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(strictTransportSecurity.maxAgeSeconds),
        includeSubdomains: strictTransportSecurity.includeSubdomains,
        override: rule('strict-transport-security').override,
      },
      contentTypeOptions: { override: rule('x-content-type-options').override },
      frameOptions: {
        frameOption: cloudfront.HeadersFrameOption[frameOption],
        override: rule('x-frame-options').override,
      },
      referrerPolicy: { referrerPolicy: referrer, override: rule('referrer-policy').override },
      contentSecurityPolicy: {
        contentSecurityPolicy: rule('content-security-policy').value,
        override: rule('content-security-policy').override,
      },
    },
    customHeadersBehavior: {
      customHeaders: rules
        .filter((r) => !typedSecurityHeaders.includes(r.name))
        .map((r) => ({ header: r.name, value: r.value, override: r.override })),
    },
  });
}

/**
 * Two deployments, because S3 keeps one Cache-Control per object: hashed assets immutable, the rest
 * (index.html, config.json) revalidated on every use. Old hashed assets are kept (no prune), so a tab
 * opened before a deploy still loads its lazy chunks; the rest is pruned.
 *
 * No invalidation after a deploy, hence no `distribution` here (with one, aws-cdk-lib grants
 * cloudfront:CreateInvalidation on every distribution of the account). The edges hold nothing stale
 * for longer than a second: the default behavior uses the managed cache policy CachingOptimized,
 * "MinTTL: 1 second", and for objects whose origin "adds `Cache-Control: no-cache`, `no-store`,
 * and/or `private` directives", with "Minimum TTL > 0 Seconds" "CloudFront caches objects for the
 * value of the CloudFront minimum TTL" (CloudFront Developer Guide, "Using the managed cache
 * policies" and "Specifying How Long Objects Stay in a CloudFront Edge Cache (Expiration)"). Every
 * file that keeps its name across deploys is stored `no-cache` (cacheControlFor); a hashed asset
 * never changes under its name. test/infra/custom-domain.test.ts holds both facts to the template.
 */
function deployBuild(
  scope: Construct,
  props: WebDistributionProps & {
    bucket: s3.Bucket;
    hasBuild: boolean;
  },
): s3deploy.BucketDeployment {
  const assetsDir = join(props.webAssetsPath, hashedAssetsPrefix);
  const assets =
    props.hasBuild && existsSync(assetsDir)
      ? new s3deploy.BucketDeployment(scope, 'AssetsDeployment', {
          sources: [s3deploy.Source.asset(assetsDir)],
          destinationBucket: props.bucket,
          destinationKeyPrefix: hashedAssetsPrefix,
          prune: false,
          cacheControl: [s3deploy.CacheControl.fromString(cacheControlFor(hashedAssetsPrefix))],
          memoryLimit: 512,
        })
      : undefined;
  const site = new s3deploy.BucketDeployment(scope, 'Deployment', {
    sources: [
      props.hasBuild
        ? s3deploy.Source.asset(props.webAssetsPath, { exclude: [hashedAssetsPrefix.slice(0, -1)] })
        : s3deploy.Source.data('index.html', placeholderPage),
      // /f/<slug> is form.html, every other path but /console* public.html
      // (functions/shared/definitions/spa-fallback.ts): the same placeholder.
      ...(props.hasBuild
        ? []
        : ['form.html', 'public.html'].map((page) => s3deploy.Source.data(page, placeholderPage))),
      ...(props.runtimeConfig ? [s3deploy.Source.jsonData('config.json', props.runtimeConfig)] : []),
    ],
    destinationBucket: props.bucket,
    // Leaves the hashed assets to their own deployment (not pruned here, not re-uploaded).
    exclude: [`${hashedAssetsPrefix}*`],
    cacheControl: [s3deploy.CacheControl.fromString(cacheControlFor('index.html'))],
    memoryLimit: 512,
  });
  // index.html names the new assets: they are uploaded first.
  if (assets) site.node.addDependency(assets);
  return site;
}

/** The handler of BucketDeployment is aws-cdk-lib's own code; it runs during deploys only. */
function acknowledgeDeploymentHandler(deployment: s3deploy.BucketDeployment, site: s3.Bucket): void {
  const handler = deployment.handlerRole.node.scope;
  if (!handler) return;
  const siteLogicalId = Stack.of(site).getLogicalId(site.node.defaultChild as s3.CfnBucket);
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      "aws-cdk-lib's BucketDeployment picks the runtime of its handler; it moves on with aws-cdk-lib upgrades.",
  });
  acknowledgeFindings(
    handler,
    {
      rule: 'AwsSolutions-IAM4',
      finding: /^Policy::.*:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole$/,
      reason:
        "BucketDeployment's handler role, created by aws-cdk-lib with the basic execution policy (its own logs).",
    },
    {
      rule: 'AwsSolutions-IAM5',
      finding: /^Action::s3:(GetObject|GetBucket|List|DeleteObject|Abort)\*$/,
      reason:
        'BucketDeployment copies the build from the CDK asset bucket into the site bucket and prunes old files; the actions are limited to those two buckets.',
    },
    {
      rule: 'AwsSolutions-IAM5',
      finding: new RegExp(
        `^Resource::(<${siteLogicalId}\\.Arn>|arn:${arnSegment}:s3:::cdk-[a-z0-9]+-assets-[^/]+)/\\*$`,
      ),
      reason:
        'Objects of exactly two buckets: the CDK asset bucket (source) and the site bucket (destination).',
    },
  );
}
