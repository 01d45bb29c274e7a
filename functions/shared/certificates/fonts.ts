import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_ASSET_DIR, CERTIFICATE_FONT_FILES } from './assets.ts';

/**
 * DejaVu Sans writes Latin, Cyrillic and Arabic (with the Persian letters) in one face, so a name
 * in any of our seven languages needs no font fallback. In a Lambda bundle the files sit in
 * `assets/` next to the bundled handler (copied by the CDK bundling); run from source (local
 * runtime, tests) they come from node_modules.
 */
export type FontWeight = keyof typeof CERTIFICATE_FONT_FILES;

const cache = new Map<FontWeight, Uint8Array>();

export function certificateFont(weight: FontWeight): Uint8Array {
  const cached = cache.get(weight);
  if (cached) return cached;
  const bytes = readFileSync(locateFont(CERTIFICATE_FONT_FILES[weight]));
  cache.set(weight, bytes);
  return bytes;
}

function locateFont(repositoryPath: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, BUNDLE_ASSET_DIR, basename(repositoryPath));
  if (existsSync(bundled)) return bundled;
  const packagePath = repositoryPath.replace(/^node_modules\//, '');
  try {
    return createRequire(import.meta.url).resolve(packagePath);
  } catch {
    throw new Error(
      `Certificate font ${basename(repositoryPath)} not found: not at ${bundled} (list it in the function's \`assets\`) nor in node_modules`,
    );
  }
}
