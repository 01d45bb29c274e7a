import { preactPage } from './vite.form.config.ts';

/**
 * The pages outside the console but the form page (public.html: decisions, answers, offers, a
 * volunteer's own page, certificate checks, the home page) as a build of their own on Preact, with
 * the same components as on React: a coordinator's decision page on a phone loads 12.0 kB gzip of
 * JavaScript (10.9 kB Brotli), where it loaded React's app entry before (62 kB Brotli with the
 * page's chunk; `npm run bench:web -- --only=size`). Its own build rather than a second entry of the form page's,
 * which would share chunks with it and split that page's one entry file (vite.form.config.ts).
 */
export default preactPage('public', 'public.html');
