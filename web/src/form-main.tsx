import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicFormPage } from './features/public-form/components/public-form-page.tsx';
import './styles.css';

/**
 * form.html's entry: the public form page alone, for /f/<slug> (the CDN and the local server serve
 * form.html there; functions/shared/definitions/spa-fallback.ts). Built on Preact (vite.form.config.ts).
 */
const container = document.getElementById('root');
if (!container) throw new Error('form.html has no #root element');
const slug = /^\/f\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(window.location.pathname)?.[1];
createRoot(container).render(
  <StrictMode>
    {slug ? (
      <PublicFormPage slug={slug} />
    ) : (
      <main className="page">
        <h1>Lotse</h1>
        <p role="alert">Dieses Formular gibt es nicht. · This form does not exist.</p>
      </main>
    )}
  </StrictMode>,
);
