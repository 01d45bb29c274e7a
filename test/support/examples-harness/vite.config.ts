import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import webConfig from '../../../web/vite.config.ts';

/** The web app's build (same plugins and light stand-ins as the public page), rooted here. */
export default mergeConfig(
  webConfig,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  }),
);
