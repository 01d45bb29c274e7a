import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import app from './vite.config.ts';

/**
 * The public form page (/f/<slug>) as a build of its own: form.html with the same components and
 * the same JSON Forms, on Preact's React-compatible runtime (`preact/compat`) instead of React.
 * React DOM alone was 69.6 kB gzip of the page's 104.0 kB first load (entry 224.5 kB raw, of it
 * react-dom 206.9 kB); with Preact the page loads about 44 kB gzip in all (`npm run bench:web --
 * --only=size`). The other pages outside the console are a third build, on Preact too
 * (public.html, vite.public.config.ts): a build of their own, so that this page's entry stays one
 * self-contained file (sharing chunks with them split it into three files and cost the form page
 * 0.3 s of first paint in Lighthouse's mobile run, one run each: FCP 1.36–1.39 s against
 * 1.08–1.11 s). The console, with its form preview,
 * stays on React (index.html, vite.config.ts): React Aria Components there need React itself. The
 * browser tests run the public form on this build, the console's preview on React.
 */
/** React's modules as Preact's: also for the JSON Forms examples harness (test/support/examples-harness). */
export const preactForReact = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx(-dev)?-runtime$/, replacement: 'preact/jsx-runtime' },
];

/** A build of one page on Preact, after the console's build, into the same folder (infra/local/web-build.ts). */
export const preactPage = (name: string, html: string) =>
  mergeConfig(
    app,
    defineConfig({
      resolve: { alias: preactForReact },
      build: {
        emptyOutDir: false,
        rollupOptions: { input: { [name]: fileURLToPath(new URL(`./${html}`, import.meta.url)) } },
      },
    }),
  );

export default preactPage('form', 'form.html');
