import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type DecisionMessages, decisionMessages } from './messages.ts';

type Choice = 'approve' | 'reject' | 'question';

interface DecisionView {
  status: 'open' | 'decided' | 'used' | 'waiting-for-answer' | 'expired' | 'workflow-ended';
  formTitle: string;
  receiptNumber: string;
  receivedAt: string;
  locale: string;
  answers: [string, string][];
  decision?: { decision: Choice; decidedBy: string; decidedAt: string };
  question?: string;
  answer?: string;
}

type Load = { kind: 'loading' } | { kind: 'error'; status: number } | { kind: 'ready'; view: DecisionView };

const formatDate = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * The page a coordinator's e-mail link opens. Opening it only reads (GET); nothing is decided
 * until the coordinator submits the form, which POSTs from this origin.
 */
export function DecisionPage({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const preselected = new URLSearchParams(window.location.search).get('action');
  const [choice, setChoice] = useState<Choice | ''>(
    preselected === 'approve' || preselected === 'reject' || preselected === 'question' ? preselected : '',
  );
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const ids = { comment: useId(), share: useId(), question: useId(), error: useId(), legend: useId() };

  useEffect(() => {
    fetch(`/api/decisions/${encodeURIComponent(token)}`).then(
      async (response) =>
        setLoad(
          response.ok
            ? { kind: 'ready', view: (await response.json()) as DecisionView }
            : { kind: 'error', status: response.status },
        ),
      () => setLoad({ kind: 'error', status: 0 }),
    );
  }, [token]);

  useEffect(() => {
    if (done || error) statusRef.current?.focus();
  }, [done, error]);

  const locale = load.kind === 'ready' && load.view.locale === 'en' ? 'en' : 'de';
  const t: DecisionMessages = decisionMessages[locale];
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = 'ltr';
    document.title = `${t.title} – Lotse`;
  }, [locale, t.title]);

  if (load.kind === 'loading') return <p aria-live="polite">{t.loading}</p>;
  if (load.kind === 'error') {
    return (
      <section aria-labelledby="decision-title">
        <h1 id="decision-title">{t.title}</h1>
        <p role="alert">{load.status === 410 ? t.expired : load.status === 404 ? t.invalid : t.failed}</p>
      </section>
    );
  }
  const { view } = load;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!choice) {
      setError(`${t.decision}: ${t.approve} / ${t.reject} / ${t.question}`);
      return;
    }
    const form = new FormData(event.currentTarget);
    const body = {
      decision: choice,
      ...(String(form.get('comment') ?? '').trim() ? { comment: String(form.get('comment')).trim() } : {}),
      ...(choice === 'reject' ? { shareComment: form.get('share') === 'on' } : {}),
      ...(choice === 'question' ? { question: String(form.get('question') ?? '').trim() } : {}),
    };
    setSending(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/decisions/${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => ({}))) as DecisionView & {
        error?: { code?: string; message: string };
      };
      if (response.ok) {
        setLoad({ kind: 'ready', view: answer });
        setDone(true);
      } else if (answer.error?.code === 'workflow_ended') {
        // Too late for the workflow, but not lost: say so plainly, and the form goes away.
        setLoad({ kind: 'ready', view: { ...view, status: 'workflow-ended' } });
      } else {
        setError(answer.error?.message ?? t.failed);
      }
    } catch {
      setError(t.failed);
    } finally {
      setSending(false);
    }
  }

  const decidedText = view.decision
    ? t.decided(
        t.outcome[view.decision.decision],
        view.decision.decidedBy,
        formatDate(view.decision.decidedAt, locale),
      )
    : '';

  return (
    <section aria-labelledby="decision-title" className="decision">
      <h1 id="decision-title">
        {t.title}: {view.formTitle}
      </h1>
      <p>
        {t.receipt}: <strong>{view.receiptNumber}</strong> · {t.received}:{' '}
        {formatDate(view.receivedAt, locale)}
      </p>
      <div ref={statusRef} tabIndex={-1}>
        {done && <p role="status">{t.done}</p>}
        {error && (
          <p role="alert" id={ids.error} className="error">
            {error}
          </p>
        )}
      </div>
      {view.status === 'decided' && <p role="status">{decidedText}</p>}
      {view.status === 'waiting-for-answer' && <p role="status">{t.waiting}</p>}
      {view.status === 'expired' && <p role="status">{t.expired}</p>}
      {view.status === 'workflow-ended' && (
        <p role="alert" className="error">
          {t.workflowEnded}
        </p>
      )}
      {view.question && (
        <dl className="answers">
          <dt>{t.previousQuestion}</dt>
          <dd>{view.question}</dd>
          {view.answer && (
            <>
              <dt>{t.previousAnswer}</dt>
              <dd>{view.answer}</dd>
            </>
          )}
        </dl>
      )}
      <h2>{t.answers}</h2>
      <dl className="answers">
        {view.answers.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {view.status === 'open' && !done && (
        <form onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
          <fieldset>
            <legend id={ids.legend}>{t.decision}</legend>
            {(['approve', 'reject', 'question'] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="decision"
                  value={value}
                  checked={choice === value}
                  onChange={() => setChoice(value)}
                />{' '}
                {t[value]}
              </label>
            ))}
          </fieldset>
          {choice === 'question' ? (
            <>
              <label htmlFor={ids.question}>{t.questionText}</label>
              <textarea id={ids.question} name="question" rows={4} maxLength={2000} required />
            </>
          ) : (
            <>
              <label htmlFor={ids.comment}>{t.comment}</label>
              <textarea id={ids.comment} name="comment" rows={3} maxLength={2000} />
              {choice === 'reject' && (
                <label htmlFor={ids.share} className="choice">
                  <input id={ids.share} name="share" type="checkbox" /> {t.share}
                </label>
              )}
            </>
          )}
          <button type="submit" disabled={sending}>
            {sending ? t.sending : t.submit}
          </button>
        </form>
      )}
    </section>
  );
}
