import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const lib = (file: string) => fileURLToPath(new URL(`./src/lib/${file}`, import.meta.url));

/**
 * `lodash/<name>` (and `lodash/fp/set|unset`) as the named export of src/lib/lodash-lite.ts. A
 * name it does not export fails the build, so a JSON Forms upgrade cannot slip past unnoticed.
 */
function lightLodash(): Plugin {
  const prefix = '\0lodash-lite:';
  const fp: Record<string, string> = { set: 'setAtPath', unset: 'unsetAtPath' };
  return {
    name: 'lotse-light-lodash',
    enforce: 'pre',
    resolveId: (source) => {
      const match = /^lodash\/(?:fp\/(set|unset)|(\w+))$/.exec(source);
      return match ? `${prefix}${match[1] ? fp[match[1]] : match[2]}` : null;
    },
    load: (id) =>
      id.startsWith(prefix)
        ? `export { ${id.slice(prefix.length)} as default } from ${JSON.stringify(lib('lodash-lite.ts'))};`
        : null,
  };
}

export default defineConfig({
  root,
  plugins: [react(), lightLodash()],
  resolve: {
    // Light stand-ins for parts of JSON Forms' and ajv's dependencies (why: src/lib/README.md).
    alias: [
      { find: /^ajv-formats$/, replacement: lib('json-formats.ts') },
      { find: /^fast-uri$/, replacement: lib('uri-resolver.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
