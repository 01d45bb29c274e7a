import { useEffect, useRef, useState } from 'react';
import { type Locale, type PublicMessages, publicMessages } from './messages.ts';
import { formatDate, formatMoment, getJson, PublicShell, postJson, usePageLocale } from './public-shell.tsx';
import { type SessionItem, SessionList } from './sessions.tsx';

type Step = 'applied' | 'approved' | 'offered' | 'enrolled' | 'attended' | 'certified';
type EnrolmentStatus = keyof PublicMessages['status'];

interface PageView {
  firstName?: string;
  locale: string;
  programme: string;
  path: { step: Step; done: boolean; at?: string }[];
  course?: {
    courseId: string;
    title: string;
    status: EnrolmentStatus;
    place?: string;
    onlineUrl?: string;
    holdUntil?: string;
    waitingPosition?: number;
    sessions: SessionItem[];
    calendarUrl: string;
    canCancel: boolean;
  };
  certificates: {
    number: string;
    courseTitle: string;
    issuedAt: string;
    status: 'valid' | 'revoked';
    pdfUrl: string;
    credentialUrl: string;
    verifyUrl: string;
  }[];
}

type Load = { kind: 'loading' } | { kind: 'error'; status: number } | { kind: 'ready'; view: PageView };

/** `/me/<token>`: the volunteer's own page: their path, their course, their certificates. No account. */
export function VolunteerPage({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [notice, setNotice] = useState<{ tone: 'good' | 'bad'; text: string }>();
  const path = `/api/me/${encodeURIComponent(token)}`;
  const [locale, setLocale] = usePageLocale(load.kind === 'ready' ? load.view.locale : undefined);
  const t = publicMessages(locale);

  useEffect(() => {
    getJson<PageView>(path).then((r) =>
      setLoad(r.ok ? { kind: 'ready', view: r.value } : { kind: 'error', status: r.status }),
    );
  }, [path]);

  async function cancelSeat() {
    const result = await postJson<PageView>(`${path}/cancel`, {});
    if (result.ok) {
      setLoad({ kind: 'ready', view: result.value });
      setNotice({ tone: 'good', text: t.seatCancelled });
    } else setNotice({ tone: 'bad', text: result.message && locale === 'en' ? result.message : t.tryAgain });
  }

  return (
    <PublicShell locale={locale} onLocale={setLocale} title={t.pageTitle}>
      {load.kind === 'loading' && <p role="status">{t.loading}</p>}
      {load.kind === 'error' && <p role="alert">{load.status === 404 ? t.invalid : t.failed}</p>}
      {load.kind === 'ready' && (
        <>
          <h1>{t.pageTitle}</h1>
          <p>
            {load.view.firstName ? `${load.view.firstName} · ` : ''}
            {load.view.programme}
          </p>
          {notice && (
            <p
              className="vp-result"
              role={notice.tone === 'good' ? 'status' : 'alert'}
              data-tone={notice.tone}
            >
              {notice.text}
            </p>
          )}
          <PathSteps view={load.view} locale={locale} t={t} />
          <CourseSection view={load.view} locale={locale} t={t} onCancel={cancelSeat} />
          <Certificates view={load.view} locale={locale} t={t} />
        </>
      )}
    </PublicShell>
  );
}

function PathSteps({ view, locale, t }: { view: PageView; locale: Locale; t: PublicMessages }) {
  return (
    <ol className="vp-path" aria-label={t.pageTitle}>
      {view.path.map((s) => (
        <li key={s.step} data-done={s.done}>
          <span>
            {t.steps[s.step]}
            <span className="vp-muted">
              {' · '}
              {s.done ? (s.at ? formatDate(s.at, locale) : t.stepDone) : t.stepOpen}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}

function CourseSection(props: {
  view: PageView;
  locale: Locale;
  t: PublicMessages;
  onCancel: () => Promise<void>;
}) {
  const { t, locale } = props;
  const course = props.view.course;
  if (!course || ['declined', 'expired', 'cancelled'].includes(course.status))
    return (
      <>
        <h2>{t.yourCourse}</h2>
        {course && (
          <p>
            {course.title}: {t.status[course.status]}
          </p>
        )}
        <p>{t.noCourse}</p>
      </>
    );
  return (
    <section aria-labelledby="vp-course">
      <h2 id="vp-course">
        {t.yourCourse}: {course.title}
      </h2>
      <p>
        <strong>{t.status[course.status]}</strong>
        {course.holdUntil && ` · ${t.heldUntil(formatMoment(course.holdUntil, locale))}`}
      </p>
      {course.waitingPosition && <p>{t.waitingPosition(course.waitingPosition)}</p>}
      {course.status === 'offered' && <p>{t.answerOffer}</p>}
      {course.place && (
        <p>
          <strong>{t.place}:</strong> {course.place}
        </p>
      )}
      {course.onlineUrl && (
        <p>
          <a href={course.onlineUrl} rel="noreferrer">
            {t.online}
          </a>
        </p>
      )}
      <h3>{t.sessions}</h3>
      <SessionList sessions={course.sessions} locale={locale} t={t} />
      {(course.status === 'enrolled' || course.status === 'offered') && (
        <p>
          <a className="vp-button" href={course.calendarUrl} download="course.ics">
            {t.addToCalendar}
          </a>
        </p>
      )}
      {course.canCancel && <CancelSeat t={t} onCancel={props.onCancel} />}
    </section>
  );
}

/** Giving a seat back asks first, in a modal dialog that keeps focus until answered. */
function CancelSeat({ t, onCancel }: { t: PublicMessages; onCancel: () => Promise<void> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button type="button" className="vp-secondary" onClick={() => dialog.current?.showModal()}>
        {t.cancelSeat}
      </button>
      <dialog ref={dialog} className="vp-dialog" aria-labelledby="vp-cancel-question">
        <p id="vp-cancel-question">{t.confirmCancel}</p>
        <div className="vp-actions">
          <button
            type="button"
            className="vp-danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await onCancel();
              setBusy(false);
              dialog.current?.close();
            }}
          >
            {t.confirmYes}
          </button>
          <button type="button" className="vp-secondary" onClick={() => dialog.current?.close()}>
            {t.confirmNo}
          </button>
        </div>
      </dialog>
    </>
  );
}

function Certificates({ view, locale, t }: { view: PageView; locale: Locale; t: PublicMessages }) {
  return (
    <section aria-labelledby="vp-certificates">
      <h2 id="vp-certificates">{t.certificates}</h2>
      {view.certificates.length === 0 ? (
        <p className="vp-muted">{t.noCertificates}</p>
      ) : (
        <ul className="vp-certificates">
          {view.certificates.map((c) => (
            <li key={c.number}>
              <strong>{c.courseTitle}</strong> · {t.issuedOn(formatDate(c.issuedAt, locale))}
              {c.status === 'revoked' && <strong> · {t.revoked}</strong>}
              <div className="vp-muted">
                {t.number}: <bdi>{c.number}</bdi>
              </div>
              <div className="vp-links">
                <a href={c.pdfUrl} download={`${c.number}.pdf`}>
                  {t.downloadPdf}
                </a>
                <a href={c.credentialUrl} download={`${c.number}.credential.json`}>
                  {t.downloadCredential}
                </a>
                <a href={`${c.verifyUrl}?lang=${locale}`}>{t.verifyLink}</a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
