import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { SignInRequired } from '../../api.ts';
import { useScopeForms } from '../../inbox/use-forms.ts';
import { useMe } from '../../inbox/use-me.ts';
import {
  type CourseView,
  cancelCourse,
  useCourse,
  useEnrolments,
  useOfferedLocales,
} from '../courses-api.ts';
import { courseTitle } from '../list/courses-list.tsx';
import { SeatBar } from '../list/seat-bar.tsx';
import { formatDate, formatHours, languageName, useCoursesText } from '../messages.ts';
import { CertificatesPanel } from './certificates-panel.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { EnrolDialog } from './enrol-dialog.tsx';
import { EnrolmentsTable } from './enrolments-table.tsx';
import { InviteDialog } from './invite-dialog.tsx';
import { SessionsPanel } from './sessions-panel.tsx';
import { WaitingList } from './waiting-list.tsx';

type Dialog = 'enrol' | 'invite' | 'cancel' | undefined;

/** `/console/courses/:courseId`: facts, seats, sessions, participants, waiting list, certificates. */
export function CourseDetail() {
  const { courseId = '' } = useParams();
  const { t, locale } = useCoursesText();
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved;
  const course = useCourse(courseId);
  const enrolments = useEnrolments(courseId);
  const role = useMe()?.role;
  const [dialog, setDialog] = useState<Dialog>();
  const [message, setMessage] = useState<string | undefined>(saved ? t.saved : undefined);

  if (course.isPending) return <p role="status">{t.loading}</p>;
  if (course.isError)
    return course.error instanceof SignInRequired ? null : (
      <p role="alert" className="error">
        {t.loadFailed}
      </p>
    );
  const view = course.data;
  const canChange = role === 'admin' || role === 'coordinator';
  const open = canChange && view.status === 'open';
  const all = enrolments.data ?? [];
  const done = (text: string) => {
    setDialog(undefined);
    setMessage(text);
  };

  return (
    <>
      <p>
        <Link to="/console/courses">{t.back}</Link>
      </p>
      <h1>{courseTitle(view, locale)}</h1>
      <p role="status" className="success">
        {message ?? ''}
      </p>
      {!canChange && <p className="muted">{t.readOnly}</p>}
      <Facts course={view} />
      {open && (
        <div className="actions course-actions">
          <Link className="button-link" to={`/console/courses/${courseId}/edit`}>
            {t.edit}
          </Link>
          <button type="button" onClick={() => setDialog('enrol')}>
            {t.enrolSomeone}
          </button>
          <button type="button" onClick={() => setDialog('invite')}>
            {t.invite}
          </button>
          <button type="button" className="danger" onClick={() => setDialog('cancel')}>
            {t.cancelCourse}
          </button>
        </div>
      )}
      <SessionsPanel course={view} canChange={canChange} onDone={setMessage} />
      {enrolments.isError && !(enrolments.error instanceof SignInRequired) && (
        <p role="alert" className="error">
          {t.loadFailed}
        </p>
      )}
      <EnrolmentsTable enrolments={all.filter((e) => e.status !== 'waiting')} />
      <WaitingList courseId={courseId} waiting={all.filter((e) => e.status === 'waiting')} canChange={open} />
      <CertificatesPanel courseId={courseId} canRevoke={role === 'admin'} onDone={setMessage} />
      {dialog === 'enrol' && (
        <EnrolDialogWithLocales courseId={courseId} onClose={() => setDialog(undefined)} onDone={done} />
      )}
      {dialog === 'invite' && (
        <InviteDialog
          courseId={courseId}
          formSlug={view.formSlug}
          onClose={() => setDialog(undefined)}
          onDone={done}
        />
      )}
      {dialog === 'cancel' && (
        <ConfirmDialog
          title={t.cancelCourseTitle}
          text={t.cancelCourseText}
          reasonLabel={t.reason}
          confirm={t.confirmCancelCourse}
          run={(reason) => cancelCourse(courseId, reason || undefined)}
          onClose={() => setDialog(undefined)}
          onDone={() => done(t.done)}
        />
      )}
    </>
  );
}

function EnrolDialogWithLocales(props: {
  courseId: string;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const locales = useOfferedLocales().data ?? ['de', 'en'];
  return <EnrolDialog {...props} locales={locales} />;
}

function Facts({ course }: { course: CourseView }) {
  const { t, locale } = useCoursesText();
  const { titleFor } = useScopeForms(locale);
  return (
    <dl className="facts">
      <dt>{t.programme}</dt>
      <dd>{titleFor(course.formSlug)}</dd>
      <dt>{t.columns.status}</dt>
      <dd>{t.status[course.status] ?? course.status}</dd>
      <dt>{t.teachingLanguage}</dt>
      <dd>{languageName(course.teachingLanguage, locale)}</dd>
      {course.place && (
        <>
          <dt>{t.place}</dt>
          <dd>{course.place}</dd>
        </>
      )}
      {course.onlineUrl && (
        <>
          <dt>{t.onlineUrl}</dt>
          <dd>
            <a href={course.onlineUrl}>{course.onlineUrl}</a>
          </dd>
        </>
      )}
      <dt>{t.hours}</dt>
      <dd>{formatHours(course.hours, locale)}</dd>
      <dt>{t.passPercent}</dt>
      <dd>{course.passPercent} %</dd>
      {course.registrationDeadline && (
        <>
          <dt>{t.registrationDeadline}</dt>
          <dd>{formatDate(course.registrationDeadline, locale)}</dd>
        </>
      )}
      <dt>{t.coordinator}</dt>
      <dd>{course.coordinator}</dd>
      <dt>{t.seatsTitle}</dt>
      <dd>
        <SeatBar seats={course.seats} />
      </dd>
    </dl>
  );
}
