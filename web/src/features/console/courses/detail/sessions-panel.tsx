import { useState } from 'react';
import { Link } from 'react-router';
import { type CourseView, cancelSession } from '../courses-api.ts';
import { formatDate, formatHours, useCoursesText } from '../messages.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

type Session = CourseView['sessions'][number];

interface Props {
  readonly course: CourseView;
  readonly canChange: boolean;
  readonly onDone: (message: string) => void;
}

/** Each session with its attendance page; a session can be cancelled or moved to a new date. */
export function SessionsPanel({ course, canChange, onDone }: Props) {
  const { t, locale } = useCoursesText();
  const [cancelling, setCancelling] = useState<Session | undefined>();
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t.sessionsTitle}</h2>
      <ol className="course-sessions">
        {course.sessions.map((s) => {
          const date = formatDate(s.date, locale);
          return (
            <li key={s.sessionId} data-session={s.sessionId}>
              <span className={s.cancelled ? 'cancelled' : undefined}>
                {date}, {s.start}–{s.end} ({t.hoursOf(formatHours(s.hours, locale))})
              </span>
              {s.cancelled ? (
                <span className="muted">
                  {' '}
                  · {t.cancelled}
                  {s.cancelReason ? `: ${s.cancelReason}` : ''}
                </span>
              ) : (
                <span className="row-actions">
                  <Link to={`/console/courses/${course.courseId}/sessions/${s.sessionId}`}>
                    {t.recordAttendance(date)}
                  </Link>
                  {s.attendanceCompletedAt && <span className="success"> ✓ {t.attendanceDone}</span>}
                  {canChange && course.status === 'open' && (
                    <button type="button" onClick={() => setCancelling(s)}>
                      {t.cancelSession}
                      <span className="visually-hidden"> {date}</span>
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {cancelling && (
        <CancelSessionDialog
          courseId={course.courseId}
          session={cancelling}
          onClose={() => setCancelling(undefined)}
          onDone={() => {
            setCancelling(undefined);
            onDone(t.done);
          }}
        />
      )}
    </section>
  );
}

function CancelSessionDialog(props: {
  courseId: string;
  session: Session;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useCoursesText();
  const [move, setMove] = useState(false);
  const [moveTo, setMoveTo] = useState({ date: '', start: props.session.start, end: props.session.end });
  const set = (key: keyof typeof moveTo) => (event: { target: { value: string } }) =>
    setMoveTo((m) => ({ ...m, [key]: event.target.value }));
  return (
    <ConfirmDialog
      title={t.cancelSessionTitle(formatDate(props.session.date, locale))}
      reasonLabel={t.reason}
      confirm={t.confirmCancelSession}
      run={(reason) =>
        cancelSession(props.courseId, props.session.sessionId, {
          ...(reason ? { reason } : {}),
          ...(move ? { moveTo } : {}),
        })
      }
      onClose={props.onClose}
      onDone={props.onDone}
    >
      <label className="check">
        <input type="checkbox" checked={move} onChange={(event) => setMove(event.target.checked)} />{' '}
        {t.moveSession}
      </label>
      {move && (
        <div className="move-fields">
          <div className="field">
            <label htmlFor="move-date">{t.date}</label>
            <input id="move-date" type="date" value={moveTo.date} onChange={set('date')} required />
          </div>
          <div className="field">
            <label htmlFor="move-start">{t.start}</label>
            <input id="move-start" type="time" value={moveTo.start} onChange={set('start')} required />
          </div>
          <div className="field">
            <label htmlFor="move-end">{t.end}</label>
            <input id="move-end" type="time" value={moveTo.end} onChange={set('end')} required />
          </div>
        </div>
      )}
    </ConfirmDialog>
  );
}
