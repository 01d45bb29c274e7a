import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { SignInRequired } from '../../api.ts';
import { useMe } from '../../inbox/use-me.ts';
import {
  completeSession,
  type EnrolmentView,
  enrolmentsKey,
  useCourse,
  useEnrolments,
} from '../courses-api.ts';
import { FailureText } from '../detail/failure-text.tsx';
import { useCourseChange } from '../detail/use-course-change.ts';
import { courseTitle } from '../list/courses-list.tsx';
import { formatDate, useCoursesText } from '../messages.ts';
import type { AttendanceMark } from './attendance-queue.ts';
import { useAttendanceQueue } from './use-attendance-queue.ts';

/** Who is on the attendance list: those with a seat (not offers, not the waiting list). */
const attending = (e: EnrolmentView) =>
  e.status === 'enrolled' || e.status === 'certified' || e.status === 'not-certified';

/**
 * `/console/courses/:courseId/sessions/:sessionId`: phone first, one big toggle per name. A tap is
 * stored on the device at once and sent when the connection allows (attendance-queue.ts).
 */
export function AttendancePage() {
  const { courseId = '', sessionId = '' } = useParams();
  const { t, locale } = useCoursesText();
  const client = useQueryClient();
  const course = useCourse(courseId);
  const enrolments = useEnrolments(courseId);
  const role = useMe()?.role;
  const [refused, setRefused] = useState<string[]>([]);

  // A reload started before the mark arrived (on reconnect) would bring the old value: load again after it.
  const onSent = useCallback(
    (mark: AttendanceMark) => {
      client.setQueryData<EnrolmentView[]>(enrolmentsKey(mark.courseId), (list) =>
        list?.map((e) =>
          e.participantId === mark.participantId
            ? { ...e, attendance: { ...e.attendance, [mark.sessionId]: mark.present } }
            : e,
        ),
      );
      void client.invalidateQueries({ queryKey: enrolmentsKey(mark.courseId) });
    },
    [client],
  );
  const onRefused = useCallback(
    (mark: AttendanceMark) => setRefused((list) => [...list, mark.participantId]),
    [],
  );
  const queue = useAttendanceQueue({ onSent, onRefused });
  const complete = useCourseChange(() => completeSession(courseId, sessionId));

  if (course.isPending || enrolments.isPending) return <p role="status">{t.loading}</p>;
  if (course.isError || enrolments.isError) {
    const error = course.error ?? enrolments.error;
    return error instanceof SignInRequired ? null : (
      <p role="alert" className="error">
        {t.loadFailed}
      </p>
    );
  }
  const session = course.data.sessions.find((s) => s.sessionId === sessionId);
  if (!session) return <p role="alert">{t.loadFailed}</p>;
  const canChange = role === 'admin' || role === 'coordinator';
  const people = enrolments.data.filter(attending).sort((a, b) => a.name.localeCompare(b.name, locale));
  const slot = (participantId: string) => ({ courseId, sessionId, participantId });
  const markOf = (e: EnrolmentView) => queue.pendingFor(slot(e.participantId)) ?? e.attendance[sessionId];
  const marks = people.map(markOf);
  const pending = queue.pending().filter((m) => m.courseId === courseId && m.sessionId === sessionId).length;
  const date = formatDate(session.date, locale);

  const tap = (e: EnrolmentView) => {
    setRefused((list) => list.filter((id) => id !== e.participantId));
    queue.enqueue({ ...slot(e.participantId), present: markOf(e) !== true });
  };

  return (
    <div className="attendance-page">
      <p>
        <Link to={`/console/courses/${courseId}`}>{t.toCourse}</Link>
      </p>
      <h1>{t.attendanceTitle(date)}</h1>
      <p className="muted">
        {courseTitle(course.data, locale)} · {session.start}–{session.end}
      </p>
      <p className="attendance-counts" data-testid="attendance-counts">
        {t.counts(
          marks.filter((m) => m === true).length,
          marks.filter((m) => m === false).length,
          marks.filter((m) => m === undefined).length,
        )}
      </p>
      <p role="status" className={pending > 0 ? 'warning attendance-pending' : 'attendance-pending'}>
        {pending > 0 ? t.waitingForConnection(pending) : ''}
      </p>
      {people.length === 0 ? (
        <p>{t.noParticipants}</p>
      ) : (
        <>
          {canChange && <p className="muted">{t.tapHint}</p>}
          <ul className="attendance-list">
            {people.map((e, index) => {
              const mark = marks[index];
              const waiting = queue.pendingFor(slot(e.participantId)) !== undefined;
              return (
                <li key={e.participantId}>
                  <button
                    type="button"
                    className={`attendance-toggle ${mark === true ? 'is-present' : mark === false ? 'is-absent' : ''}`}
                    aria-pressed={mark === true}
                    aria-describedby={`mark-${e.participantId}`}
                    disabled={!canChange}
                    onClick={() => tap(e)}
                  >
                    <span className="attendance-name">{e.name}</span>
                    <span id={`mark-${e.participantId}`} className="attendance-state" aria-hidden="true">
                      {mark === true ? t.present : mark === false ? t.absent : t.notYet}
                      {waiting ? ` · ${t.saving_}` : ''}
                    </span>
                  </button>
                  {refused.includes(e.participantId) && (
                    <p role="alert" className="error">
                      {t.refused(e.name)}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {canChange && (
        <div className="attendance-complete">
          {session.attendanceCompletedAt && <p className="success">{t.completed}</p>}
          {pending > 0 && <p id="complete-waits">{t.completeWaits}</p>}
          <button
            type="button"
            aria-disabled={pending > 0 || complete.isPending || undefined}
            aria-describedby={pending > 0 ? 'complete-waits' : undefined}
            onClick={() => pending === 0 && !complete.isPending && complete.mutate(undefined)}
          >
            {t.complete}
          </button>
          <FailureText error={complete.error} fallback={t.failed} />
        </div>
      )}
    </div>
  );
}
