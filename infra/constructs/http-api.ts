import { Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface HttpApiRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path as API Gateway writes it, with `{name}` parameters. */
  readonly path: string;
  readonly handler: lambda.IFunction;
  /** Checks the caller before the handler runs. @default - none: anyone may call the route */
  readonly authorizer?: apigw.IHttpRouteAuthorizer;
  /**
   * Whether API Gateway's permission to invoke the handler names this route's path. A function that
   * serves several routes gets one permission for the whole API instead: one permission per route
   * cost a CloudFormation resource each, and the stack has at most 500.
   * @default true
   */
  readonly permissionPerRoute?: boolean;
}

export interface LotseHttpApiProps {
  readonly apiName: string;
  /** More can be added with addRoute. @default - none */
  readonly routes?: readonly HttpApiRoute[];
  /** @default 100 */
  readonly burstLimit?: number;
  /** Requests per second, steady state. @default 50 */
  readonly rateLimit?: number;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The HTTP API: one Lambda integration per function, one route per route definition, a throttled
 * `$default` stage with access logs. No CORS: the web app reaches it through the same CloudFront
 * origin.
 */
export class LotseHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  /** Host name of the API's own endpoint, for use as a CloudFront origin. */
  readonly domainName: string;
  /** Each route by its key, e.g. `GET /api/health`. */
  readonly routes = new Map<string, apigw.HttpRoute>();
  private readonly integrations = new Map<lambda.IFunction, HttpLambdaIntegration>();

  constructor(scope: Construct, id: string, props: LotseHttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', { apiName: props.apiName, createDefaultStage: false });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: props.burstLimit ?? 100, rateLimit: props.rateLimit ?? 50 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // No source IP or user agent: those are personal data, and ids are enough to follow a request.
        // No path either: links from e-mails carry their secret token in it (`/api/offers/{token}`);
        // the route key names the route without the token.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const stack = Stack.of(this);
    this.domainName = `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    for (const route of props.routes ?? []) this.addRoute(route);
  }

  /** Adds a route; a function serving several routes gets one integration (and one permission each route). */
  addRoute(route: HttpApiRoute): apigw.HttpRoute {
    const key = `${route.method} ${route.path}`;
    if (this.routes.has(key)) throw new Error(`${this.node.path}: route ${key} is defined twice`);
    if (!route.path.startsWith('/'))
      throw new Error(`${this.node.path}: route ${key}: the path must start with /`);
    let integration = this.integrations.get(route.handler);
    if (!integration) {
      integration = new HttpLambdaIntegration(
        `Integration${Names.nodeUniqueId(route.handler.node)}`,
        route.handler,
        { scopePermissionToRoute: route.permissionPerRoute ?? true },
      );
      this.integrations.set(route.handler, integration);
    }
    const [added] = this.api.addRoutes({
      path: route.path,
      methods: [apigw.HttpMethod[route.method]],
      integration,
      ...(route.authorizer ? { authorizer: route.authorizer } : {}),
    });
    if (!added) throw new Error(`${this.node.path}: API Gateway created no route for ${key}`);
    this.routes.set(key, added);
    return added;
  }
}
