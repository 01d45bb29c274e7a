import { routeDispatcher } from '#shared/http/route-dispatch.ts';
import { handler as reports } from '../admin-reports/handler.ts';
import { handler as candidateList } from './candidate-list.ts';
import { handler as certificateList } from './certificate-list.ts';
import { handler as courseGet } from './course-get.ts';
import { handler as courseList } from './course-list.ts';
import { handler as enrolmentList } from './enrolment-list.ts';

/** The console's reading course routes in one Lambda function (see routeDispatcher for why). */
export const handler = routeDispatcher({
  'GET /api/admin/courses': courseList,
  'GET /api/admin/courses/{courseId}': courseGet,
  'GET /api/admin/courses/{courseId}/enrolments': enrolmentList,
  'GET /api/admin/course-candidates': candidateList,
  'GET /api/admin/certificates': certificateList,
  'GET /api/admin/reports': reports,
});
