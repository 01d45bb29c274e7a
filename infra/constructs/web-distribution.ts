import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeFindings, arnSegment } from '../nag.ts';

export interface WebDistributionProps {
  /** Host name of the HTTP API; CloudFront forwards `/api/*` to it. */
  readonly apiDomainName: string;
  /**
   * Settings the web app reads at start from `/config.json` (e.g. where to sign in), so one build
   * runs in every deployment. @default no config.json
   */
  readonly runtimeConfig?: Readonly<Record<string, unknown>>;
  /** The built web app (contains index.html). When it has no index.html, a placeholder page is deployed. */
  readonly webAssetsPath: string;
  /** How long access logs of the bucket and the distribution are kept. @default Duration.days(90) */
  readonly logExpiration?: Duration;
}

// Paths without a file extension are app routes (/f/<form>, /system-checks/<id>): serve the app shell.
// Only on the default behaviour, so an unknown /api/* path still gets the API's own 404. Exported for
// test/infra, which runs it.
export const spaFallback = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.indexOf('.', uri.lastIndexOf('/') + 1) === -1) request.uri = '/index.html';
  return request;
}`;

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
  /** `https://<distribution>.cloudfront.net`, without a trailing slash. */
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

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Lotse: security headers for the web app and the API',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        contentSecurityPolicy: {
          // Inline styles are allowed for the component library's runtime styles; scripts only from here.
          contentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
          override: false,
        },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Lotse web app and API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // No minimumProtocolVersion: with the default certificate CloudFront ignores it (see CFR4 below).
      // Origins are reached with TLS 1.2 only.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaFallback', {
              code: cloudfront.FunctionCode.fromInline(spaFallback),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              comment: 'Serves index.html for app routes without a file extension',
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          // Redirecting would turn a POST into a GET; plain HTTP is refused instead.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Every viewer header but Host (API Gateway needs its own), so the Authorization header
          // reaches the JWT authorizer, and X-Forwarded-For, to which CloudFront appends the viewer's
          // address: the submission handler limits submissions per client by it
          // (functions/submission-create/handler.ts). A policy replacing this one must forward both.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          // API Gateway may append CloudFront's own address to X-Forwarded-For, so the viewer's
          // address is handed on in a header of ours, overwritten here whatever the viewer sent.
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'ViewerAddress', {
                code: cloudfront.FunctionCode.fromInline(
                  "function handler(event) { var request = event.request; request.headers['x-lotse-viewer-ip'] = { value: event.viewer.ip }; return request; }",
                ),
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                comment: 'Passes the viewer address to the API for per-client rate limits',
              }),
            },
          ],
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Lotse uses the default *.cloudfront.net certificate (no custom domain), for which CloudFront fixes the viewer security policy at TLSv1; with a custom domain and certificate, set minimumProtocolVersion TLSv1.2_2021.',
      },
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
    this.url = `https://${this.distribution.distributionDomainName}`;

    const hasBuild = existsSync(join(props.webAssetsPath, 'index.html'));
    if (!hasBuild) {
      Annotations.of(this).addWarningV2(
        'lotse:web-not-built',
        `${props.webAssetsPath}/index.html does not exist, so a placeholder page is deployed. Build the web app first: npm run build:web (see docs/deploy.md).`,
      );
    }
    const deployment = new s3deploy.BucketDeployment(this, 'Deployment', {
      sources: [
        hasBuild
          ? s3deploy.Source.asset(props.webAssetsPath)
          : s3deploy.Source.data('index.html', placeholderPage),
        ...(props.runtimeConfig ? [s3deploy.Source.jsonData('config.json', props.runtimeConfig)] : []),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    acknowledgeDeploymentHandler(deployment, this.bucket);
  }
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
    {
      rule: 'AwsSolutions-IAM5',
      finding: /^Resource::\*$/,
      reason:
        'CloudFront invalidations after a deploy; aws-cdk-lib grants cloudfront:CreateInvalidation on every distribution.',
    },
  );
}
