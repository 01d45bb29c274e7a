import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { accessToken, signIn, signOut } from './sign-in.ts';

interface CaseView {
  status: 'open' | 'picked-up' | 'unassigned';
  route: 'youth' | 'adult';
  teamId: string;
  receiptNumber: string;
  receivedAt: string;
  pickedUpBy?: string;
  pickedUpAt?: string;
  answers: [string, string][];
}

const statusText: Record<CaseView['status'], string> = {
  open: 'Offen – noch nicht übernommen',
  'picked-up': 'Übernommen',
  unassigned: 'Niemandem zugeordnet',
};

/** A counselling case for the team, behind sign-in: all answers, and "pick up". */
export function CasePage({ submissionId }: { submissionId: string }) {
  const [view, setView] = useState<CaseView | 'sign-in' | 'forbidden' | 'not-found' | 'loading'>('loading');
  const [message, setMessage] = useState<string>();
  const ids = { user: useId(), password: useId() };

  const load = useCallback(async () => {
    const token = accessToken();
    if (!token) return setView('sign-in');
    const response = await fetch(`/api/admin/cases/${submissionId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status === 401) {
      signOut();
      return setView('sign-in');
    }
    if (response.status === 403) return setView('forbidden');
    if (!response.ok) return setView('not-found');
    setView((await response.json()) as CaseView);
  }, [submissionId]);

  useEffect(() => {
    document.documentElement.lang = 'de';
    document.documentElement.dir = 'ltr';
    void load();
  }, [load]);

  async function submitSignIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await signIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
    if (!result.ok) return setMessage(`Anmeldung fehlgeschlagen: ${result.message}`);
    setMessage(undefined);
    await load();
  }

  async function pickUp() {
    const response = await fetch(`/api/admin/cases/${submissionId}/pickup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken() ?? ''}` },
    });
    const body = (await response.json().catch(() => ({}))) as { error?: { message: string } };
    setMessage(
      response.ok ? 'Sie haben den Fall übernommen.' : (body.error?.message ?? 'Das hat nicht geklappt.'),
    );
    await load();
  }

  if (view === 'loading') return <p aria-live="polite">Wird geladen …</p>;
  if (view === 'sign-in') {
    return (
      <section aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Anmelden</h1>
        {message && <p role="alert">{message}</p>}
        <form onSubmit={submitSignIn}>
          <label htmlFor={ids.user}>Benutzername</label>
          <input id={ids.user} name="username" autoComplete="username" required />
          <label htmlFor={ids.password}>Passwort</label>
          <input id={ids.password} name="password" type="password" autoComplete="current-password" required />
          <button type="submit">Anmelden</button>
        </form>
      </section>
    );
  }
  if (view === 'forbidden') return <p role="alert">Ihr Konto darf Beratungsfälle nicht sehen.</p>;
  if (view === 'not-found') return <p role="alert">Diesen Fall gibt es nicht.</p>;
  return (
    <section aria-labelledby="case-title">
      <h1 id="case-title">Beratungsfall {view.receiptNumber}</h1>
      <p role="status">
        {statusText[view.status]}
        {view.pickedUpBy ? ` von ${view.pickedUpBy}` : ''}
      </p>
      {message && <p>{message}</p>}
      {view.status === 'open' && (
        <button type="button" onClick={pickUp}>
          Fall übernehmen
        </button>
      )}
      <h2>Angaben</h2>
      <dl className="answers">
        {view.answers.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
