import { NotFoundError } from '#shared/domain/errors.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { tokenHashOf } from './links.ts';
import { currentEnrolment, openPage } from './page.ts';
import type { PublicDeps } from './ports.ts';

/** `GET /api/me/{token}/calendar.ics`: the current course's sessions for the volunteer's calendar. */
export const meCalendar = (deps: PublicDeps) =>
  httpHandler(async ({ event }) => {
    const participant = await openPage(deps, tokenHashOf(event));
    const current = await currentEnrolment(deps, participant);
    if (!current || !['offered', 'enrolled'].includes(current.enrolment.status))
      throw new NotFoundError('You have no course to put in a calendar.');
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="course.ics"',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      },
      body: await deps.calendar(current.course, participant),
    };
  });
