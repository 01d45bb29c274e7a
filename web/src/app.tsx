import { lazy, Suspense } from 'react';
import { ConfirmCheck } from './features/system-check/confirm-check.tsx';

// Its own chunk: JSON Forms and ajv load only on /f/ routes, so the rest of the site stays light.
const PublicFormPage = lazy(() =>
  import('./features/public-form/components/public-form-page.tsx').then((module) => ({
    default: module.PublicFormPage,
  })),
);

// Decision and answer pages are opened from e-mail links only; keep them out of the entry chunk.
const DecisionPage = lazy(() =>
  import('./features/decision/decision-page.tsx').then((module) => ({ default: module.DecisionPage })),
);
const AnswerPage = lazy(() =>
  import('./features/answer/answer-page.tsx').then((module) => ({ default: module.AnswerPage })),
);

// The public home at /: light, no console code.
const HomePage = lazy(() =>
  import('./features/home/home-page.tsx').then((module) => ({ default: module.HomePage })),
);

const CasePage = lazy(() =>
  import('./features/admin/case-page.tsx').then((module) => ({ default: module.CasePage })),
);

/** A tiny path router: public form pages at /f/{slug}; the admin console arrives with a later feature. */
export function App() {
  const form = /^\/f\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(window.location.pathname);
  if (form?.[1]) {
    return (
      <Suspense
        fallback={
          <p className="page" role="status">
            Formular wird geladen … · Loading form …
          </p>
        }
      >
        <PublicFormPage slug={form[1]} />
      </Suspense>
    );
  }
  const confirm = /^\/system-checks\/([0-9a-f-]{36})$/i.exec(window.location.pathname);
  const decide = /^\/decide\/([A-Za-z0-9_-]{1,100})$/.exec(window.location.pathname);
  const answer = /^\/answer\/([A-Za-z0-9_-]{1,100})$/.exec(window.location.pathname);
  const caseId = /^\/admin\/cases\/([0-9a-f-]{36})$/i.exec(window.location.pathname)?.[1];
  if (caseId) {
    return (
      <main className="page">
        <header>
          <p className="brand">Lotse</p>
        </header>
        <Suspense fallback={<p role="status">…</p>}>
          <CasePage submissionId={caseId} />
        </Suspense>
      </main>
    );
  }
  if (decide?.[1] || answer?.[1]) {
    return (
      <main className="page">
        <header>
          <p className="brand">Lotse</p>
        </header>
        <Suspense fallback={<p role="status">…</p>}>
          {decide?.[1] ? <DecisionPage token={decide[1]} /> : <AnswerPage token={answer?.[1] ?? ''} />}
        </Suspense>
      </main>
    );
  }
  if (!confirm?.[1]) {
    return (
      <Suspense fallback={<p role="status">…</p>}>
        <HomePage />
      </Suspense>
    );
  }
  return (
    <main className="page">
      <header>
        <h1>Lotse</h1>
        <p>Formulare und Abläufe für Ehrenamtsprogramme · Forms and workflows for volunteer programmes</p>
      </header>
      <ConfirmCheck checkId={confirm[1]} />
    </main>
  );
}
