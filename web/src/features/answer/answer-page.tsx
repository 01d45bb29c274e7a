import { type FormEvent, useEffect, useId, useState } from 'react';
import { answerDirection, answerLocaleFor, answerMessages } from './messages.ts';

interface AnswerView {
  status: 'open' | 'answered' | 'expired';
  locale: string;
  formTitle: string;
  question: string;
}

/** The page the applicant's question e-mail links to, in their language; only submitting sends the answer. */
export function AnswerPage({ token }: { token: string }) {
  const [view, setView] = useState<AnswerView | { error: number }>();
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'failed'>('idle');
  const fieldId = useId();
  useEffect(() => {
    fetch(`/api/answers/${encodeURIComponent(token)}`).then(
      async (response) =>
        setView(response.ok ? ((await response.json()) as AnswerView) : { error: response.status }),
      () => setView({ error: 0 }),
    );
  }, [token]);
  const locale = answerLocaleFor(view && 'locale' in view ? view.locale : undefined);
  const t = answerMessages[locale];
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = answerDirection(locale);
  }, [locale]);
  if (!view) return null;
  if ('error' in view) return <p role="alert">{view.error === 410 ? t.expired : t.invalid}</p>;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answer = String(new FormData(event.currentTarget).get('answer') ?? '').trim();
    if (!answer) return;
    setState('sending');
    const response = await fetch(`/api/answers/${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer }),
    }).catch(() => undefined);
    setState(response?.ok ? 'done' : 'failed');
  }

  return (
    <section aria-labelledby="answer-title">
      <h1 id="answer-title">
        {t.title}: {view.formTitle}
      </h1>
      <p>{view.question}</p>
      {view.status === 'answered' && <p role="status">{t.answered}</p>}
      {view.status === 'expired' && <p role="status">{t.expired}</p>}
      {state === 'done' && <p role="status">{t.done}</p>}
      {state === 'failed' && <p role="alert">{t.failed}</p>}
      {view.status === 'open' && state !== 'done' && (
        <form onSubmit={submit}>
          <label htmlFor={fieldId}>{t.answer}</label>
          <textarea id={fieldId} name="answer" rows={5} maxLength={4000} required />
          <button type="submit" disabled={state === 'sending'}>
            {t.send}
          </button>
        </form>
      )}
    </section>
  );
}
