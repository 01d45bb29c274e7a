import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handler as create } from '../admin-form-create/handler.ts';
import { handler as draftDiscard } from '../admin-form-draft-discard/handler.ts';
import { handler as draftPublish } from '../admin-form-draft-publish/handler.ts';
import { handler as draftSave } from '../admin-form-draft-save/handler.ts';

/*
 * The form editor's writing routes (create, save and discard a draft, publish it) in one Lambda function: one function per route made the stateless stack outgrow
 * CloudFormation's 500 resources (592 with the editor's twelve routes). Each route keeps its own
 * handler module (tested on its own); this only picks it by the route API Gateway matched.
 */
const byRoute = {
  'POST /api/admin/forms': create,
  'PUT /api/admin/forms/{slug}/draft': draftSave,
  'DELETE /api/admin/forms/{slug}/draft': draftDiscard,
  'POST /api/admin/forms/{slug}/draft/publish': draftPublish,
} as const;

type Route = keyof typeof byRoute;

export const handler = (event: APIGatewayProxyEventV2, context: Context) => {
  const route = byRoute[event.routeKey as Route];
  if (!route)
    return Promise.resolve({
      statusCode: 404,
      body: JSON.stringify({ error: 'not_found', message: 'No such route.' }),
    });
  return route(event as never, context);
};
