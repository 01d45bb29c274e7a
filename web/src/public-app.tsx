import { lazy, Suspense } from 'react';

// The pages outside the console but the form page, each a chunk of its own: public.html's (Preact,
// public-main.tsx), which the CDN and the local server answer every path with but /console*
// (index.html) and /f/* (form.html, the form page's own entry): functions/shared/definitions/spa-fallback.ts.
// Decision and answer pages are opened from e-mail links only.
const DecisionPage = lazy(() =>
  import('./features/decision/decision-page.tsx').then((module) => ({ default: module.DecisionPage })),
);
const AnswerPage = lazy(() =>
  import('./features/answer/answer-page.tsx').then((module) => ({ default: module.AnswerPage })),
);
// A volunteer's offer, own page and certificate verification: e-mail and QR-code links only.
const OfferPage = lazy(() =>
  import('./features/offer/offer-page.tsx').then((module) => ({ default: module.OfferPage })),
);
const VolunteerPage = lazy(() =>
  import('./features/volunteer/volunteer-page.tsx').then((module) => ({ default: module.VolunteerPage })),
);
const VerifyPage = lazy(() =>
  import('./features/verify/verify-page.tsx').then((module) => ({ default: module.VerifyPage })),
);
// The public home at /: light, no console code.
const HomePage = lazy(() =>
  import('./features/home/home-page.tsx').then((module) => ({ default: module.HomePage })),
);

/** What a shell shows while a page's chunk loads, before the page knows its language. */
export const loading = (
  <p className="page" role="status">
    Wird geladen … · Loading …
  </p>
);

/** The public pages by path (not /f/<slug>: form.html; not /console*: index.html). */
export function PublicApp({ path }: { readonly path: string }) {
  // Links in counselling mails already sent point here; the case lives in the console now.
  const oldCase = /^\/admin\/cases\/([0-9a-f-]{36})$/i.exec(path)?.[1];
  if (oldCase) {
    window.location.replace(`/console/cases/${oldCase}`);
    return loading;
  }
  // System-check mails link here; confirming is an admin's action in the console.
  const check = /^\/system-checks\/([0-9a-f-]{36})$/i.exec(path)?.[1];
  if (check) {
    window.location.replace(`/console/system/checks/${check}`);
    return loading;
  }
  const decide = /^\/decide\/([A-Za-z0-9_-]{1,100})$/.exec(path);
  const answer = /^\/answer\/([A-Za-z0-9_-]{1,100})$/.exec(path);
  if (decide?.[1] || answer?.[1]) {
    return (
      <main className="page">
        <header>
          <p className="brand">Lotse</p>
        </header>
        <Suspense fallback={<p role="status">…</p>}>
          {decide?.[1] && <DecisionPage token={decide[1]} />}
          {answer?.[1] && <AnswerPage token={answer[1]} />}
        </Suspense>
      </main>
    );
  }
  const offer = /^\/offer\/([A-Za-z0-9_-]{1,100})$/.exec(path)?.[1];
  const own = /^\/me\/([A-Za-z0-9_-]{1,100})$/.exec(path)?.[1];
  const verify = /^\/verify\/([A-Za-z0-9-]{1,40})$/i.exec(path)?.[1];
  if (offer || own || verify) {
    return (
      <Suspense fallback={loading}>
        {offer && <OfferPage token={offer} />}
        {own && <VolunteerPage token={own} />}
        {verify && <VerifyPage number={verify} />}
      </Suspense>
    );
  }
  return (
    <Suspense fallback={loading}>
      <HomePage />
    </Suspense>
  );
}
