import { type FormEvent, useId, useState } from 'react';
import { callApi } from '../../api.ts';

/** The page the check e-mail links to. Opening it changes nothing; only submitting the code does. */
export function ConfirmCheck({ checkId }: { checkId: string }) {
  const codeId = useId();
  const errorId = useId();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    const result = await callApi(`/system-checks/${checkId}/confirm`, { method: 'POST', body: { code } });
    if (result.ok) setDone(true);
    else setError(result.body.error?.message ?? 'Unbekannter Fehler · Unknown error');
  }

  if (done) return <p role="status">Bestätigt. Alles funktioniert. · Confirmed. Everything works.</p>;
  return (
    <section aria-labelledby="confirm-title">
      <h1 id="confirm-title">Code bestätigen · Confirm code</h1>
      <form onSubmit={submit} noValidate>
        <label htmlFor={codeId}>Code aus der E-Mail · Code from the e-mail</label>
        <input
          id={codeId}
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Bestätigen · Confirm</button>
      </form>
    </section>
  );
}
