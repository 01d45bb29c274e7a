import { type FormEvent, useId, useState } from 'react';
import { ApiError, apiJson, SignInRequired } from '../api.ts';
import { useConsoleText } from '../i18n.tsx';

/** Starts a system check: the workflow e-mails a code to the address given here. */
export function StartCheck() {
  const { t, locale } = useConsoleText();
  const emailId = useId();
  const errorId = useId();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recipient = String(new FormData(event.currentTarget).get('recipient') ?? '');
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      await apiJson<{ checkId: string }>('/system-checks', {
        method: 'POST',
        body: JSON.stringify({ recipient, locale }),
      });
      setMessage(t.system.sent);
    } catch (failure) {
      if (failure instanceof SignInRequired) return;
      setError(failure instanceof ApiError ? failure.message : t.system.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">{t.system.checkTitle}</h2>
      <p>{t.system.checkIntro}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor={emailId}>{t.system.email}</label>
        <input
          id={emailId}
          name="recipient"
          type="email"
          autoComplete="email"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t.system.start}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
