import { routeDispatcher } from '#shared/http/route-dispatch.ts';
import { handler as attendanceMark } from './attendance-mark.ts';
import { handler as certificateRevoke } from './certificate-revoke.ts';
import { handler as courseCancel } from './course-cancel.ts';
import { handler as courseCreate } from './course-create.ts';
import { handler as courseSave } from './course-save.ts';
import { handler as enrolmentCreate } from './enrolment-create.ts';
import { handler as invitationSend } from './invitation-send.ts';
import { handler as sessionCancel } from './session-cancel.ts';
import { handler as sessionComplete } from './session-complete.ts';
import { handler as waitingListReorder } from './waiting-list-reorder.ts';

/** The console's changing course routes in one Lambda function (see routeDispatcher for why). */
export const handler = routeDispatcher({
  'POST /api/admin/courses': courseCreate,
  'PUT /api/admin/courses/{courseId}': courseSave,
  'POST /api/admin/courses/{courseId}/cancel': courseCancel,
  'POST /api/admin/courses/{courseId}/sessions/{sessionId}/cancel': sessionCancel,
  'POST /api/admin/courses/{courseId}/enrolments': enrolmentCreate,
  'POST /api/admin/courses/{courseId}/invitations': invitationSend,
  'PUT /api/admin/courses/{courseId}/waiting-list': waitingListReorder,
  'PUT /api/admin/courses/{courseId}/sessions/{sessionId}/attendance/{participantId}': attendanceMark,
  'POST /api/admin/courses/{courseId}/sessions/{sessionId}/complete': sessionComplete,
  'POST /api/admin/certificates/{number}/revoke': certificateRevoke,
});
