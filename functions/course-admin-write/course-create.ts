import { saveCourseRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import { assertRealDates, courseDates } from '#shared/course-admin-http.ts';
import { newCourse, toCourseView } from '#shared/domain/courses.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { assertFormInScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';

/** Creates a course for a programme the caller works on (403 for another programme). */
export const handler = httpHandler(
  async ({ event, body }) => {
    const deps = courseAdmin();
    const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
    const { revision: _ignored, ...input } = parseOrThrow(saveCourseRequest, body);
    assertRealDates(courseDates(input));
    assertFormInScope(scope, input.formSlug);
    if (!(await deps.forms.getSummary(input.formSlug)))
      throw new ValidationError([{ field: 'formSlug', message: 'is not a form of this organisation' }]);
    const course = newCourse(input, deps.now(), caller.email ?? caller.username);
    await deps.courses.createCourse(course);
    await deps.audit.record({
      at: course.createdAt,
      actor: deps.actor(caller),
      action: 'course.create',
      target: { type: 'course', id: course.courseId },
      after: { formSlug: course.formSlug, capacity: course.capacity, sessions: course.sessions.length },
    });
    return json(201, toCourseView(course));
  },
  { maxBodyBytes: 128 * 1024 },
);
