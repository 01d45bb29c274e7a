import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDefaultUISchema, type JsonSchema } from '@jsonforms/core';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/bundling/esbuild-options.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';

/**
 * The Lambda bundles swap lodash for es-toolkit/compat and lodash/fp's set and unset for the web
 * app's copy (infra/bundling/esbuild-options.ts). npm start runs the handlers with lodash itself,
 * so this runs what the form editor's functions call from JSON Forms both ways, on the same input.
 */
const schema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } },
    topics: { type: 'array', items: { type: 'string', enum: ['housing', 'work'] } },
    consent: { type: 'boolean' },
  },
  required: ['name'],
};

const entry = `
import { generateDefaultUISchema } from '@jsonforms/core';
import set from 'lodash/fp/set';
import unset from 'lodash/fp/unset';
import get from 'lodash/get';
export { generateDefaultUISchema, get, set, unset };
`;

async function bundled() {
  const file = join(repositoryRoot, 'cdk.out', 'bundled-lodash', 'index.mjs');
  const result = await build({
    ...esbuildOptions(repositoryRoot),
    stdin: { contents: entry, resolveDir: repositoryRoot, loader: 'ts' },
    outfile: file,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.mjs'));
  if (!code) throw new Error('no bundle');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, code.contents);
  const inputs = Object.keys(Object.values(result.metafile.outputs)[0]?.inputs ?? {});
  return { inputs, module: await import(pathToFileURL(file).href) };
}

describe('lodash in the Lambda bundles', () => {
  it('is es-toolkit/compat and the web app’s fp set/unset, and JSON Forms answers as with lodash', async () => {
    const { inputs, module } = await bundled();
    expect(inputs.some((path) => path.includes('node_modules/lodash/'))).toBe(false);
    expect(inputs.some((path) => path.includes('node_modules/es-toolkit/'))).toBe(true);
    expect(module.generateDefaultUISchema(schema)).toEqual(generateDefaultUISchema(schema));
    const answers = { name: 'Amal', address: { city: 'Köln' }, topics: ['work'] };
    const changed = module.set('address.street', 'Ring 1', answers);
    expect(changed).toEqual({ ...answers, address: { city: 'Köln', street: 'Ring 1' } });
    // Immutable, as JSON Forms' reducer needs: the untouched branch keeps its identity.
    expect(changed.topics).toBe(answers.topics);
    expect(answers.address).toEqual({ city: 'Köln' });
    expect(module.unset('address.city', answers)).toEqual({ ...answers, address: {} });
    expect(module.get(answers, 'address.city')).toBe('Köln');
  });
});
