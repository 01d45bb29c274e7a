import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import app from './vite.config.ts';

/**
 * Every page outside the console as a build of its own, on Preact's React-compatible runtime
 * (`preact/compat`) instead of React, with the same components: the public form page (form.html,
 * /f/<slug>, the same JSON Forms) and the rest (public.html: the pages opened from e-mail links,
 * certificate checks, the home page). Two entries, so a volunteer's form loads no other page's code
 * and a coordinator's decision page no form code. React DOM alone was 69.6 kB gzip of the form
 * page's 104.0 kB first load (entry 224.5 kB raw, of it react-dom 206.9 kB); with Preact the page
 * loads about 44 kB gzip in all (`npm run bench:web -- --only=size`). The console, with its form
 * preview, stays on React (index.html, vite.config.ts): React Aria Components there need React
 * itself. The browser tests run the public pages on this build, the console's preview on React.
 */
/** React's modules as Preact's: also for the JSON Forms examples harness (test/support/examples-harness). */
export const preactForReact = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx(-dev)?-runtime$/, replacement: 'preact/jsx-runtime' },
];

export default mergeConfig(
  app,
  defineConfig({
    resolve: { alias: preactForReact },
    build: {
      // Runs after the app's build, into the same folder (infra/local/web-build.ts).
      emptyOutDir: false,
      rollupOptions: {
        input: {
          form: fileURLToPath(new URL('./form.html', import.meta.url)),
          public: fileURLToPath(new URL('./public.html', import.meta.url)),
        },
      },
    },
  }),
);
