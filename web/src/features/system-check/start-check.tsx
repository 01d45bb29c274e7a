import { type FormEvent, useId, useState } from 'react';
import { callApi } from '../../api.ts';

/** Starts a system check: the workflow e-mails a code to the address given here. */
export function StartCheck() {
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
    const result = await callApi<{ checkId: string }>('/system-checks', {
      method: 'POST',
      body: { recipient, locale: document.documentElement.lang === 'en' ? 'en' : 'de' },
    });
    setBusy(false);
    if (result.ok)
      setMessage(
        'E-Mail ist unterwegs. Öffnen Sie den Link darin. · The e-mail is on its way; open its link.',
      );
    else setError(result.body.error?.message ?? 'Unbekannter Fehler · Unknown error');
  }

  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">Systemprüfung · System check</h2>
      <p>Prüft Daten, Abläufe und E-Mail zusammen. · Checks data, workflows and mail together.</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor={emailId}>E-Mail-Adresse · E-mail address</label>
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
          Prüfung starten · Start check
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
