import { courseAdminReader } from '#shared/course-admin-deps.ts';
import { courseInScope, coursePath, parseParams } from '#shared/course-admin-http.ts';
import { toCourseView } from '#shared/domain/courses.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

/** One course with its sessions, seat counts and certification state. */
export const handler = httpHandler(async ({ event }) => {
  const deps = courseAdminReader();
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { courseId } = parseParams(coursePath, event.pathParameters);
  return json(200, toCourseView(await courseInScope(deps.courses, scope, courseId)));
});
