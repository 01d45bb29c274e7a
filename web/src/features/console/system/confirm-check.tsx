import { type FormEvent, useId, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, apiJson, SignInRequired } from '../api.ts';
import { useConsoleText } from '../i18n.tsx';

/**
 * Where the check e-mail's link leads (`/system-checks/<id>` redirects here): confirming is an
 * admin's action, since a system check sends mail. Opening it changes nothing; only the code does.
 */
export function ConfirmCheck() {
  const { checkId = '' } = useParams();
  const { t } = useConsoleText();
  const codeId = useId();
  const errorId = useId();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    setError(undefined);
    try {
      await apiJson(`/system-checks/${encodeURIComponent(checkId)}/confirm`, {
        method: 'POST',
        body: JSON.stringify({ code }),
      });
      setDone(true);
    } catch (failure) {
      if (failure instanceof SignInRequired) return;
      setError(failure instanceof ApiError ? failure.message : t.system.failed);
    }
  }

  return (
    <section aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t.system.confirmTitle}</h1>
      {done ? (
        <p role="status">{t.system.confirmed}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <label htmlFor={codeId}>{t.system.code}</label>
          <input
            id={codeId}
            name="code"
            autoComplete="one-time-code"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {error && (
            <p id={errorId} role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit">{t.system.confirm}</button>
        </form>
      )}
    </section>
  );
}
