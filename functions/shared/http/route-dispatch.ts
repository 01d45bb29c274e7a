import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

type RouteHandler = (event: never, context: Context) => Promise<unknown>;

/**
 * One Lambda function serving several routes: picks each route's own handler module by the route
 * API Gateway matched. One function per route made the stateless stack outgrow CloudFormation's
 * 500 resources (592 with the form editor's twelve routes).
 */
export function routeDispatcher(byRoute: Readonly<Record<string, RouteHandler>>) {
  return (event: APIGatewayProxyEventV2, context: Context) => {
    const route = byRoute[event.routeKey];
    if (!route)
      return Promise.resolve({
        statusCode: 404,
        body: JSON.stringify({ error: 'not_found', message: 'No such route.' }),
      });
    return route(event as never, context);
  };
}
