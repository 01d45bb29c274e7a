import { courseAdminReader } from '#shared/course-admin-deps.ts';
import { courseInScope, courseQuery, parseParams } from '#shared/course-admin-http.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { toCertificateView } from './certificate-view.ts';

/** The certificates issued for one course (?course=), valid and revoked. */
export const handler = httpHandler(async ({ event }) => {
  const deps = courseAdminReader();
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { course: courseId } = parseParams(courseQuery, event.queryStringParameters);
  await courseInScope(deps.courses, scope, courseId);
  const certificates = await deps.courses.certificatesOfCourse(courseId);
  return json(200, { certificates: certificates.map(toCertificateView) });
});
