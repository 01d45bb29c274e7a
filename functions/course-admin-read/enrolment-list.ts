import { courseAdminReader } from '#shared/course-admin-deps.ts';
import { courseInScope, coursePath, parseParams, seesEmail } from '#shared/course-admin-http.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { enrolmentViews } from './enrolment-views.ts';

/** Everyone offered, enrolled, waiting or done in a course, with names; e-mail not for viewers. */
export const handler = httpHandler(async ({ event }) => {
  const deps = courseAdminReader();
  const { caller, scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { courseId } = parseParams(coursePath, event.pathParameters);
  const course = await courseInScope(deps.courses, scope, courseId);
  return json(200, { enrolments: await enrolmentViews(deps, course, seesEmail(caller)) });
});
