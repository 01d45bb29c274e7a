import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda handler is bundled, in one place: infra/constructs/lotse-function.ts hands it
 * to NodejsFunction (`nodejsBundling`), and `npx tsx bench/run.ts --only=bundles` runs esbuild with
 * the very same options to print the sizes and what fills them (`esbuildOptions`).
 */
export interface LambdaBundling {
  readonly target: string;
  readonly mainFields: string[];
  /** JavaScript put before the bundle. */
  readonly banner: string;
  readonly minify: boolean;
  /** How text outside ASCII is written: as itself (`utf8`) or escaped (esbuild's default, `ascii`). */
  readonly charset: 'utf8';
  /** External source map (index.mjs.map) next to the bundle, without the sources' text. */
  readonly sourceMap: boolean;
  /** Module specifier → absolute path of the module that replaces it. */
  readonly alias: Readonly<Record<string, string>>;
}

export function lambdaBundling(projectRoot: string): LambdaBundling {
  return {
    target: 'node22',
    // Packages that ship both builds: the ESM one, which esbuild can tree-shake. (`exports` maps
    // are read with esbuild's default conditions, which include `module` and `import` here.)
    mainFields: ['module', 'main'],
    // ESM has no `require`; some bundled CommonJS dependencies call it for Node built-ins.
    banner:
      "import { createRequire as lotseCreateRequire } from 'node:module'; const require = lotseCreateRequire(import.meta.url);",
    minify: true,
    // The mails, refusals and certificates speak Arabic, Persian, Ukrainian and Russian; escaped as
    // \uXXXX each of their letters took 6 bytes instead of 2, so course-step's mail texts were
    // 34 kB bigger and the PDF functions' font tables 220–260 kB (course-certify 2,180 → 1,924 kB).
    // Node reads a module as UTF-8 either way.
    charset: 'utf8',
    // No source maps. Measured (esbuild 0.28, minified, sourcesContent off): a map is about 1.5×
    // its bundle (submit 513 kB → 791 kB map, course-certify 2.16 MB → 2.25 MB) and more than
    // doubles the zip Lambda fetches on a cold start (submit 158 → 364 kB, course-certify
    // 781 kB → 1.33 MB). They only help with NODE_OPTIONS=--enable-source-maps, which made no
    // difference we could measure to loading the submit bundle here (noise ±100 ms on a shared
    // machine), but their whole benefit is file:line in a stack trace of an unexpected error. That
    // position (index.mjs:1:<column>) can be mapped afterwards: bundle the same commit with
    // `sourceMap: true` and look the column up, so every cold start need not carry it.
    sourceMap: false,
    alias: {
      // Credentials come from the environment in Lambda: the rest of the default chain is dead weight.
      '@aws-sdk/credential-provider-node': join(projectRoot, 'infra/bundling/lambda-credentials.ts'),
      // What the web app does too (web/vite.config.ts): lodash, which @jsonforms/core imports
      // function by function (the form editor's functions call its generateDefaultUISchema), as
      // es-toolkit/compat, its maintained lodash-compatible replacement, and lodash/fp's set and
      // unset as web/src/lib/lodash-fp.ts. lodash declares no `sideEffects: false`, so every module
      // JSON Forms imports stayed in the bundle, used or not: 67 kB of the 591 kB admin-form-save
      // bundle, 14 kB with these (`npx tsx bench/run.ts --only=bundles`). Only the bundles: npm
      // start runs the handlers with lodash itself. test/infra/bundled-lodash.test.ts runs both.
      lodash: 'es-toolkit/compat',
      'lodash/fp': join(projectRoot, 'infra/bundling/lodash-fp'),
    },
  };
}

/** The same bundling as esbuild build options (what CDK's NodejsFunction turns its props into). */
export function esbuildOptions(projectRoot: string): BuildOptions {
  const bundling = lambdaBundling(projectRoot);
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: bundling.target,
    mainFields: bundling.mainFields,
    banner: { js: bundling.banner },
    minify: bundling.minify,
    charset: bundling.charset,
    sourcemap: bundling.sourceMap,
    sourcesContent: false,
    alias: bundling.alias,
    // Like CDK's bundleAwsSDK: the SDK is bundled too.
    external: [],
    absWorkingDir: projectRoot,
  };
}
