import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { AssigneePanel } from './assignee-panel.tsx';
import { DecisionPanel } from './decision-panel.tsx';
import { formatTime, languageName, titleOf } from './format.ts';
import { type Application, getApplication } from './inbox-api.ts';
import { useInboxText } from './messages.ts';
import { NotesPanel } from './notes-panel.tsx';
import { PickupPanel } from './pickup-panel.tsx';
import { Timeline } from './timeline.tsx';
import { useMe } from './use-me.ts';

// JSON Forms and ajv download only when an application is opened.
const AnswersView = lazy(() => import('./answers-view.tsx'));

/** `/console/inbox/:submissionId`: everything about one application, and what staff can do. */
export function ApplicationPage() {
  const { submissionId = '' } = useParams();
  const { t } = useInboxText();
  const query = useQuery({
    queryKey: ['application', submissionId],
    queryFn: () => getApplication(submissionId),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
  if (query.isPending) return <p aria-live="polite">{t.loading}</p>;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && [400, 404].includes(query.error.status);
    return (
      <>
        <p role="alert">{notFound ? t.detailNotFound : query.error.message}</p>
        <Link to="/console/inbox">{t.back}</Link>
      </>
    );
  }
  return <ApplicationView application={query.data} />;
}

function ApplicationView({ application }: { application: Application }) {
  const { t, locale } = useInboxText();
  const me = useMe();
  const canWrite = me?.role === 'admin' || me?.role === 'coordinator';
  const { approval, consent } = application;
  return (
    <article className="application" aria-labelledby="application-title">
      <p>
        <Link to="/console/inbox">{t.back}</Link>
      </p>
      <h1 id="application-title">
        {application.receiptNumber}
        {application.applicant.name ? ` · ${application.applicant.name}` : ''}
      </h1>
      <section aria-labelledby="overview-title">
        <h2 id="overview-title">{t.overview}</h2>
        <dl className="facts">
          <Fact
            term={t.form}
            value={`${titleOf(application.form.title, application.formSlug, locale)} (${t.formVersion(application.formVersion)})`}
          />
          <Fact
            term={t.statusLabel}
            value={t.status[application.status] ?? application.status}
            testId="application-status"
          />
          <Fact term={t.stepLabel} value={t.step[application.step] ?? application.step} />
          <Fact term={t.received} value={formatTime(application.receivedAt, locale)} />
          <Fact term={t.email} value={application.applicant.email} />
          <Fact term={t.assignee} value={application.assignee?.username ?? t.nobody} />
        </dl>
        <p data-testid="submitted-in">{t.submittedIn(languageName(application.locale, locale))}</p>
      </section>
      <State application={application} />
      {canWrite && approval && <DecisionPanel application={application} />}
      {canWrite && application.case && (
        <PickupPanel submissionId={application.submissionId} open={application.case.status === 'open'} />
      )}
      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t.answers}</h2>
        <Suspense fallback={<p aria-live="polite">{t.answersLoading}</p>}>
          <AnswersView form={application.form} answers={application.answers} locale={locale} />
        </Suspense>
      </section>
      {consent && (
        <section aria-labelledby="consent-title">
          <h2 id="consent-title">{t.consent}</h2>
          <p>
            {t.consentGiven(
              consent.version,
              formatTime(consent.acceptedAt ?? application.receivedAt, locale),
            )}
          </p>
        </section>
      )}
      <AssigneePanel application={application} me={me} canWrite={canWrite} />
      <NotesPanel submissionId={application.submissionId} notes={application.notes} canWrite={canWrite} />
      <Timeline events={application.timeline} />
    </article>
  );
}

function Fact({ term, value, testId }: { term: string; value: string | undefined; testId?: string }) {
  if (!value) return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** The approval or counselling state in words: who decided or picked up, and when. */
function State({ application }: { application: Application }) {
  const { t, locale } = useInboxText();
  const { approval } = application;
  const lines: string[] = [];
  if (approval?.decision && approval.decidedBy)
    lines.push(
      t.decidedBy(
        t.decision[approval.decision] ?? approval.decision,
        approval.decidedBy,
        formatTime(approval.decidedAt, locale),
      ),
    );
  if (approval?.question) lines.push(t.questionOpen(approval.question));
  if (approval?.answer) lines.push(t.answer(approval.answer));
  const intake = application.case;
  if (intake?.pickedUpBy) lines.push(t.pickedUpBy(intake.pickedUpBy, formatTime(intake.pickedUpAt, locale)));
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="state-title">
      <h2 id="state-title">{t.state}</h2>
      <ul data-testid="application-state">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
