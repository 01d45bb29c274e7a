import * as z from '#shared/zod.ts';
import { type RouteDefinition, routes } from '../shared/definitions/routes.ts';

/** Builds an OpenAPI 3.1 document from the route table, so the description cannot drift from the API. */
export function openApiDocument(routeList: readonly RouteDefinition[] = routes) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    const parameters = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema
            ? {
                content: {
                  'application/json': { schema: z.toJSONSchema(response.schema, { io: 'output' }) },
                },
              }
            : {}),
        },
      ]),
    );
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: route.function,
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      // `x-lotse-roles` is what a test or client reads; `x-lotse-groups` stays for older readers.
      ...(route.auth
        ? {
            security: [{ cognito: [] }],
            'x-lotse-roles': route.auth.groups,
            'x-lotse-groups': route.auth.groups,
          }
        : {}),
      ...(route.scope ? { 'x-lotse-scope': route.scope } : {}),
      ...(route.requestBody
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: z.toJSONSchema(route.requestBody, { io: 'input' }) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lotse API',
      version: '0.1.0',
      description: 'Forms and workflows for volunteer programmes.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token of the Cognito user pool (locally: the local sign-in); the route also needs a group',
        },
      },
    },
  };
}
