import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Manifest } from './web-size.ts';

const root = fileURLToPath(new URL('./web-vanilla/', import.meta.url));

/**
 * Builds the reference page (bench/web-vanilla: JSON Forms with @jsonforms/vanilla-renderers) with
 * a plain Vite config: React's plugin, the app's target, and no aliases, so every dependency is the
 * one npm installed.
 */
export async function buildVanilla(outDir: string): Promise<Manifest> {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2020', manifest: true, sourcemap: false },
  });
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}
