import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handler as diff } from '../admin-form-diff/handler.ts';
import { handler as draftGet } from '../admin-form-draft-get/handler.ts';
import { handler as exportVersion } from '../admin-form-export/handler.ts';
import { handler as impact } from '../admin-form-impact/handler.ts';
import { handler as importCheck } from '../admin-form-import/handler.ts';
import { handler as list } from '../admin-form-list/handler.ts';
import { handler as previewMail } from '../admin-form-preview-mail/handler.ts';
import { handler as templates } from '../admin-form-templates/handler.ts';

/*
 * The form editor's reading routes (lists, drafts, diffs, impact, import check, export, mail preview) in one Lambda function: one function per route made the stateless stack outgrow
 * CloudFormation's 500 resources (592 with the editor's twelve routes). Each route keeps its own
 * handler module (tested on its own); this only picks it by the route API Gateway matched.
 */
const byRoute = {
  'GET /api/admin/forms': list,
  'GET /api/admin/forms/templates': templates,
  'POST /api/admin/forms/import': importCheck,
  'GET /api/admin/forms/{slug}/draft': draftGet,
  'GET /api/admin/forms/{slug}/diff': diff,
  'GET /api/admin/forms/{slug}/impact': impact,
  'GET /api/admin/forms/{slug}/versions/{version}/export': exportVersion,
  'POST /api/admin/forms/preview-mail': previewMail,
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
