// `lodash/fp/unset` in the Lambda bundles (esbuild alias `lodash/fp`, esbuild-options.ts): the web
// app's copy, for the same reason (web/src/lib/lodash-fp.ts).
export { unset as default } from '../../../web/src/lib/lodash-fp.ts';
