import { type FormEvent, useEffect, useId, useState } from 'react';
import { publicMessages } from '../volunteer/messages.ts';
import { formatDate, getJson, PublicShell, usePageLocale } from '../volunteer/public-shell.tsx';

interface Verification {
  status: 'valid' | 'revoked' | 'unknown';
  number: string;
  name?: string;
  programme?: string;
  issuedAt?: string;
  revokedAt?: string;
  issuer: string;
  signatureValid?: boolean;
}

type Load = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; view: Verification };

/** `/verify/<number>`: anyone checks a certificate: valid, revoked or unknown; name, programme, date only. */
export function VerifyPage({ number }: { number: string }) {
  const [current, setCurrent] = useState(number);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [locale, setLocale] = usePageLocale(undefined);
  const t = publicMessages(locale);
  const fieldId = useId();

  useEffect(() => {
    setLoad({ kind: 'loading' });
    getJson<Verification>(`/api/verify/${encodeURIComponent(current)}`).then((r) =>
      setLoad(r.ok ? { kind: 'ready', view: r.value } : { kind: 'error' }),
    );
  }, [current]);

  function checkAnother(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('number') ?? '')
      .trim()
      .toUpperCase();
    if (!typed) return;
    const url = new URL(window.location.href);
    url.pathname = `/verify/${encodeURIComponent(typed)}`;
    window.history.pushState(null, '', url);
    setCurrent(typed);
  }

  const verdict =
    load.kind === 'ready'
      ? {
          valid: t.valid,
          revoked: load.view.revokedAt ? t.revokedOn(formatDate(load.view.revokedAt, locale)) : t.revoked,
          unknown: t.unknown,
        }[load.view.status]
      : undefined;

  return (
    <PublicShell locale={locale} onLocale={setLocale} title={t.verifyTitle}>
      <h1>{t.verifyTitle}</h1>
      {load.kind === 'loading' && <p role="status">{t.loading}</p>}
      {load.kind === 'error' && <p role="alert">{t.failed}</p>}
      {load.kind === 'ready' && (
        <section aria-live="polite">
          <p className="vp-verdict" data-status={load.view.status} role="status">
            {verdict}
          </p>
          <dl className="vp-facts">
            <dt>{t.number}</dt>
            <dd>
              <bdi>{load.view.number}</bdi>
            </dd>
            {load.view.name && (
              <>
                <dt>{t.name}</dt>
                <dd>
                  <bdi>{load.view.name}</bdi>
                </dd>
              </>
            )}
            {load.view.programme && (
              <>
                <dt>{t.programme}</dt>
                <dd>{load.view.programme}</dd>
              </>
            )}
            {load.view.issuedAt && (
              <>
                <dt>{t.issued}</dt>
                <dd>{formatDate(load.view.issuedAt, locale)}</dd>
              </>
            )}
            {load.view.issuer && load.view.status !== 'unknown' && (
              <>
                <dt>{t.issuer}</dt>
                <dd>{load.view.issuer}</dd>
              </>
            )}
          </dl>
          {load.view.signatureValid !== undefined && (
            <p>{load.view.signatureValid ? t.signatureOk : t.signatureBad}</p>
          )}
        </section>
      )}
      <form onSubmit={checkAnother}>
        <label htmlFor={fieldId}>{t.number}</label>
        <input
          id={fieldId}
          name="number"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          placeholder="LOTSE-2026-…"
        />
        <button type="submit">{t.check}</button>
      </form>
    </PublicShell>
  );
}
