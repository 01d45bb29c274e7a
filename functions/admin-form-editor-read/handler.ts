import { routeDispatcher } from '#shared/http/route-dispatch.ts';
import { handler as diff } from '../admin-form-diff/handler.ts';
import { handler as draftGet } from '../admin-form-draft-get/handler.ts';
import { handler as exportVersion } from '../admin-form-export/handler.ts';
import { handler as impact } from '../admin-form-impact/handler.ts';
import { handler as importCheck } from '../admin-form-import/handler.ts';
import { handler as list } from '../admin-form-list/handler.ts';
import { handler as previewMail } from '../admin-form-preview-mail/handler.ts';
import { handler as templates } from '../admin-form-templates/handler.ts';

/** The form editor's reading routes in one Lambda function (see routeDispatcher for why). */
export const handler = routeDispatcher({
  'GET /api/admin/forms': list,
  'GET /api/admin/forms/templates': templates,
  'POST /api/admin/forms/import': importCheck,
  'GET /api/admin/forms/{slug}/draft': draftGet,
  'GET /api/admin/forms/{slug}/diff': diff,
  'GET /api/admin/forms/{slug}/impact': impact,
  'GET /api/admin/forms/{slug}/versions/{version}/export': exportVersion,
  'POST /api/admin/forms/preview-mail': previewMail,
});
