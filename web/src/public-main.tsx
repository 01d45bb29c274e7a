import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicApp } from './public-app.tsx';
import './styles.css';

/**
 * public.html's entry: the pages outside the console and the form page (decisions, answers,
 * offers, a volunteer's own page, certificate checks, the home page), built on Preact
 * (vite.public.config.ts) with no form code. functions/shared/definitions/spa-fallback.ts decides
 * which paths get it.
 */
const container = document.getElementById('root');
if (!container) throw new Error('public.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <PublicApp path={window.location.pathname} />
  </StrictMode>,
);
