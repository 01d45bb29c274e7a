import { courseAdminReader } from '#shared/course-admin-deps.ts';
import { toCourseView } from '#shared/domain/courses.ts';
import { assertFormInScope, inScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import * as z from '#shared/zod.ts';

const query = z.object({ form: z.optional(z.string().check(z.minLength(1), z.maxLength(64))) });

/** Courses with their seat counts, soonest first: of one programme (?form=), else of every one in scope. */
export const handler = httpHandler(async ({ event }) => {
  const deps = courseAdminReader();
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { form } = parseOrThrow(query, event.queryStringParameters ?? {});
  if (form) assertFormInScope(scope, form);
  const courses = await deps.courses.listCourses(form);
  return json(200, {
    courses: courses.filter((course) => inScope(scope, course.formSlug)).map(toCourseView),
  });
});
