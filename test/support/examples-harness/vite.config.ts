import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import webConfig from '../../../web/vite.config.ts';
import { preactForReact } from '../../../web/vite.form.config.ts';

/**
 * The public form page's build (same plugins and light stand-ins, on Preact as volunteers run it:
 * web/vite.form.config.ts), rooted here.
 */
export default mergeConfig(
  webConfig,
  defineConfig({
    resolve: { alias: preactForReact },
    root: fileURLToPath(new URL('.', import.meta.url)),
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  }),
);
