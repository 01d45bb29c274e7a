import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const lib = (file: string) => fileURLToPath(new URL(`./src/lib/${file}`, import.meta.url));
const noAjv = fileURLToPath(new URL('./src/features/public-form/validation/no-ajv.ts', import.meta.url));

/**
 * @jsonforms/core imports ajv and ajv-formats for its `createAjv` only, which never runs here
 * (every JsonForms gets an ajv): without this the public page would carry ajv's compiler.
 */
function noAjvInJsonFormsCore(): Plugin {
  return {
    name: 'lotse-no-ajv-in-jsonforms-core',
    enforce: 'pre',
    resolveId: (source, importer) =>
      (source === 'ajv' || source === 'ajv-formats') && importer?.includes('/@jsonforms/core/')
        ? noAjv
        : null,
  };
}

/** `lodash/fp/set|unset` as src/lib/lodash-fp.ts: lodash/fp would bring all of lodash (+15 kB gzip). */
function lodashFp(): Plugin {
  const prefix = '\0lodash-fp:';
  return {
    name: 'lotse-lodash-fp',
    enforce: 'pre',
    resolveId: (source) => (/^lodash\/fp\/(set|unset)$/.test(source) ? `${prefix}${source.slice(10)}` : null),
    load: (id) =>
      id.startsWith(prefix)
        ? `export { ${id.slice(prefix.length)} as default } from ${JSON.stringify(lib('lodash-fp.ts'))};`
        : null,
  };
}

export default defineConfig({
  root,
  plugins: [react(), noAjvInJsonFormsCore(), lodashFp()],
  resolve: {
    // JSON Forms imports lodash function by function; es-toolkit/compat is its maintained,
    // lodash-compatible and smaller replacement (7.3 kB gzip for the 21 functions JSON Forms uses).
    alias: [{ find: /^lodash\/(\w+)$/, replacement: 'es-toolkit/compat/$1' }],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
