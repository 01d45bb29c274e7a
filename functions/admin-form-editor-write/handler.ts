import { routeDispatcher } from '#shared/http/route-dispatch.ts';
import { handler as create } from '../admin-form-create/handler.ts';
import { handler as draftDiscard } from '../admin-form-draft-discard/handler.ts';
import { handler as draftPublish } from '../admin-form-draft-publish/handler.ts';
import { handler as draftSave } from '../admin-form-draft-save/handler.ts';

/** The form editor's writing routes in one Lambda function (see routeDispatcher for why). */
export const handler = routeDispatcher({
  'POST /api/admin/forms': create,
  'PUT /api/admin/forms/{slug}/draft': draftSave,
  'DELETE /api/admin/forms/{slug}/draft': draftDiscard,
  'POST /api/admin/forms/{slug}/draft/publish': draftPublish,
});
