import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { apiFetch, SignInRequired } from '../api.ts';
import { useConsoleText } from '../i18n.tsx';

interface CaseView {
  status: 'open' | 'picked-up' | 'unassigned';
  receiptNumber: string;
  pickedUpBy?: string;
  answers: [string, string][];
}

type Loaded = CaseView | 'forbidden' | 'not-found' | 'loading';

/** A counselling case for the team (linked from the team's e-mail): all answers, and "pick up". */
export function CasePage() {
  const { submissionId = '' } = useParams();
  const { t } = useConsoleText();
  const [view, setView] = useState<Loaded>('loading');
  const [message, setMessage] = useState<string>();

  const load = useCallback(async () => {
    const response = await apiFetch(`/admin/cases/${encodeURIComponent(submissionId)}`);
    if (response.status === 403) return setView('forbidden');
    if (!response.ok) return setView('not-found');
    setView((await response.json()) as CaseView);
  }, [submissionId]);

  useEffect(() => {
    load().catch(ignoreSignIn);
  }, [load]);

  async function pickUp() {
    const response = await apiFetch(`/admin/cases/${encodeURIComponent(submissionId)}/pickup`, {
      method: 'POST',
    });
    const body = (await response.json().catch(() => ({}))) as { error?: { message: string } };
    setMessage(response.ok ? t.cases.pickedUp : (body.error?.message ?? t.cases.failed));
    await load();
  }

  if (view === 'loading') return <p aria-live="polite">{t.loading}</p>;
  if (view === 'forbidden') return <p role="alert">{t.cases.forbidden}</p>;
  if (view === 'not-found') return <p role="alert">{t.cases.notFound}</p>;
  return (
    <section aria-labelledby="case-title">
      <h1 id="case-title">
        {t.cases.title} {view.receiptNumber}
      </h1>
      <p role="status">
        {t.cases.status[view.status]}
        {view.pickedUpBy ? ` ${t.cases.by} ${view.pickedUpBy}` : ''}
      </p>
      {message && <p>{message}</p>}
      {view.status === 'open' && (
        <button type="button" onClick={() => void pickUp().catch(ignoreSignIn)}>
          {t.cases.pickUp}
        </button>
      )}
      <h2>{t.cases.answers}</h2>
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

/** A sign-in redirect is on its way; anything else is a real error. */
function ignoreSignIn(error: unknown) {
  if (!(error instanceof SignInRequired)) throw error;
}
