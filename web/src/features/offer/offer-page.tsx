import { useEffect, useRef, useState } from 'react';
import { type Locale, type PublicMessages, publicMessages } from '../volunteer/messages.ts';
import { formatMoment, getJson, PublicShell, postJson, usePageLocale } from '../volunteer/public-shell.tsx';
import { type SessionItem, SessionList } from '../volunteer/sessions.tsx';

interface OfferView {
  status: 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  firstName?: string;
  locale: string;
  holdUntil: string;
  course: {
    title: string;
    description?: string;
    teachingLanguage: string;
    place?: string;
    onlineUrl?: string;
    sessions: SessionItem[];
    hours: number;
  };
  pageUrl: string;
}

type Load = { kind: 'loading' } | { kind: 'error'; status: number } | { kind: 'ready'; view: OfferView };

const outcome = (status: OfferView['status'], t: PublicMessages) =>
  ({
    open: undefined,
    accepted: { tone: 'good', text: t.accepted },
    declined: { tone: 'info', text: t.declined },
    expired: { tone: 'bad', text: t.expired },
    withdrawn: { tone: 'info', text: t.withdrawn },
  })[status];

/**
 * `/offer/<token>`: the course a seat is held in, with Accept and Decline. Opening only reads; a
 * button POSTs from this page, and the answer shown is the server's.
 */
export function OfferPage({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const resultRef = useRef<HTMLDivElement>(null);
  const path = `/api/offers/${encodeURIComponent(token)}`;
  const [locale, setLocale] = usePageLocale(load.kind === 'ready' ? load.view.locale : undefined);
  const t = publicMessages(locale);

  useEffect(() => {
    getJson<OfferView>(path).then((r) =>
      setLoad(r.ok ? { kind: 'ready', view: r.value } : { kind: 'error', status: r.status }),
    );
  }, [path]);

  async function answer(choice: 'accept' | 'decline') {
    setSending(true);
    setProblem(undefined);
    const result = await postJson<OfferView>(path, { answer: choice });
    setSending(false);
    if (result.ok) setLoad({ kind: 'ready', view: result.value });
    else if (result.status === 410 && load.kind === 'ready')
      setLoad({
        kind: 'ready',
        view: { ...load.view, status: choice === 'accept' ? 'expired' : 'withdrawn' },
      });
    else if (result.status === 409) {
      const fresh = await getJson<OfferView>(path);
      if (fresh.ok) setLoad({ kind: 'ready', view: fresh.value });
      else setProblem(t.tryAgain);
    } else setProblem(t.tryAgain);
    // The outcome replaces the buttons: move focus there so a screen reader hears it.
    setTimeout(() => resultRef.current?.focus(), 0);
  }

  return (
    <PublicShell locale={locale} onLocale={setLocale} title={t.offerTitle}>
      <OfferBody
        load={load}
        locale={locale}
        t={t}
        sending={sending}
        problem={problem}
        resultRef={resultRef}
        onAnswer={answer}
      />
    </PublicShell>
  );
}

function OfferBody(props: {
  load: Load;
  locale: Locale;
  t: PublicMessages;
  sending: boolean;
  problem: string | undefined;
  resultRef: React.RefObject<HTMLDivElement | null>;
  onAnswer: (choice: 'accept' | 'decline') => void;
}) {
  const { load, t, locale } = props;
  if (load.kind === 'loading') return <p role="status">{t.loading}</p>;
  if (load.kind === 'error')
    return <p role="alert">{load.status === 404 ? t.invalid : load.status === 410 ? t.expired : t.failed}</p>;
  const { view } = load;
  const done = outcome(view.status, t);
  return (
    <>
      <h1>{t.offerTitle}</h1>
      <p>
        {view.firstName ? `${t.hello(view.firstName)} ` : ''}
        {t.offerIntro}
      </p>
      <h2>{view.course.title}</h2>
      {view.course.description && <p>{view.course.description}</p>}
      {view.course.place && (
        <p>
          <strong>{t.place}:</strong> {view.course.place}
        </p>
      )}
      {view.course.onlineUrl && (
        <p>
          <a href={view.course.onlineUrl} rel="noreferrer">
            {t.online}
          </a>
        </p>
      )}
      <h3>{t.sessions}</h3>
      <SessionList sessions={view.course.sessions} locale={locale} t={t} />
      <p className="vp-muted">{t.totalHours(view.course.hours)}</p>
      <div ref={props.resultRef} tabIndex={-1} aria-live="polite">
        {done && (
          <p className="vp-result" role="status" data-tone={done.tone}>
            {done.text}
          </p>
        )}
        {props.problem && (
          <p className="vp-result" role="alert" data-tone="bad">
            {props.problem}
          </p>
        )}
      </div>
      {view.status === 'open' && (
        <>
          <p>
            <strong>{t.heldUntil(formatMoment(view.holdUntil, locale))}</strong>
          </p>
          <div className="vp-actions">
            <button type="button" disabled={props.sending} onClick={() => props.onAnswer('accept')}>
              {t.accept}
            </button>
            <button
              type="button"
              className="vp-secondary"
              disabled={props.sending}
              onClick={() => props.onAnswer('decline')}
            >
              {t.decline}
            </button>
          </div>
          {props.sending && <p role="status">{t.sending}</p>}
        </>
      )}
      <p>
        <a className="vp-button" href={new URL(view.pageUrl, window.location.origin).pathname}>
          {t.toOwnPage}
        </a>
      </p>
    </>
  );
}
