import { lazy, Suspense } from 'react';
import { isConsolePath } from '#shared/definitions/web-headers.ts';
import { loading, PublicApp } from './public-app.tsx';

// index.html is the console's shell: the CDN and the local server answer /console and /console/… with it, /f/*
// with form.html and every other path with public.html, the public pages' own builds on Preact
// (vite.form.config.ts, vite.public.config.ts, functions/shared/definitions/spa-fallback.ts).

// The signed-in console (router, sign-in, query cache) is a chunk of its own.
const ConsoleApp = lazy(() => import('./features/console/console-app.tsx'));

/** The console; a path outside it that reaches this shell (/index.html itself) gets the public pages. */
export function App() {
  const path = window.location.pathname;
  if (isConsolePath(path)) {
    return (
      <Suspense fallback={loading}>
        <ConsoleApp />
      </Suspense>
    );
  }
  return <PublicApp path={path} />;
}
