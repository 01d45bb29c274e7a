import { saveCourseRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import {
  assertRealDates,
  courseDates,
  courseInScope,
  coursePath,
  parseParams,
} from '#shared/course-admin-http.ts';
import { editCourse, toCourseView } from '#shared/domain/courses.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { assertFormInScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { changedFields } from './course-diff.ts';
import { wakeEveryone } from './wake.ts';

/**
 * Saves an edit over the revision the editor loaded. Someone else's save in between is a 409 that
 * names the fields in which this save differs from the course now, and carries the course now.
 */
export const handler = httpHandler(
  async ({ event, body }) => {
    const deps = courseAdmin();
    const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
    const { courseId } = parseParams(coursePath, event.pathParameters);
    const { revision, ...input } = parseOrThrow(saveCourseRequest, body);
    assertRealDates(courseDates(input));
    const course = await courseInScope(deps.courses, scope, courseId);
    if (revision === undefined)
      throw new ValidationError([{ field: 'revision', message: 'is required to save an edit' }]);
    assertFormInScope(scope, input.formSlug);
    const fields = changedFields(course, input);
    if (revision !== course.revision)
      return json(409, {
        error: {
          code: 'conflict',
          message: `Someone saved this course in between (revision ${course.revision}); this save would change: ${fields.join(', ') || 'nothing'}.`,
        },
        changedFields: fields,
        course: toCourseView(course),
      });
    // Sessions someone has attendance marks for stay, even before their attendance is completed.
    const recorded = new Set(
      (await deps.courses.listEnrolments(courseId)).flatMap((enrolment) => Object.keys(enrolment.attendance)),
    );
    const next = editCourse(course, input, revision, deps.now(), recorded);
    await deps.courses.updateCourse(next, course.revision);
    await deps.audit.record({
      at: next.updatedAt,
      actor: deps.actor(caller),
      action: 'course.update',
      target: { type: 'course', id: courseId },
      before: { revision: course.revision },
      after: { revision: next.revision },
      details: { fields },
    });
    await wakeAboutMovedSessions(deps, course, next);
    if (next.capacity > course.capacity) {
      // More seats: they go to the first waiting at once, each with a fresh offer, as a freed seat does.
      const promoted = await deps.courses.fillFreeSeats(courseId, deps.now());
      for (const person of promoted) await deps.wake(person.participantId, { event: 'promoted', courseId });
    }
    return json(200, toCourseView((await deps.courses.getCourse(courseId)) ?? next));
  },
  { maxBodyBytes: 128 * 1024 },
);

/** People with a seat hear of a session whose date or time changed (their calendar needs it). */
async function wakeAboutMovedSessions(
  deps: ReturnType<typeof courseAdmin>,
  before: Parameters<typeof changedFields>[0],
  after: Parameters<typeof changedFields>[0],
) {
  const moved = after.sessions.filter((session) => {
    const old = before.sessions.find((candidate) => candidate.sessionId === session.sessionId);
    return old && (old.date !== session.date || old.start !== session.start || old.end !== session.end);
  });
  for (const session of moved)
    await wakeEveryone(deps, after.courseId, {
      event: 'session-changed',
      courseId: after.courseId,
      sessionId: session.sessionId,
    });
}
