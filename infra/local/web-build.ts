import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildEnvironmentOptions } from 'vite';

/**
 * The web app is three Vite builds into one folder (web/dist): the console (index.html, served for
 * /console*; React), and on Preact's React-compatible runtime with the same components the public
 * form page (form.html, served for /f/<slug>; web/vite.form.config.ts) and every other page
 * (public.html: the pages opened from e-mail links, certificate checks, the home page;
 * web/vite.public.config.ts). The console's build runs first and empties the folder; the others
 * add to it.
 */
export const webBuilds = [
  { config: 'vite.config.ts', html: 'index.html', manifest: '.vite/manifest.json' },
  { config: 'vite.form.config.ts', html: 'form.html', manifest: '.vite/form-manifest.json' },
  { config: 'vite.public.config.ts', html: 'public.html', manifest: '.vite/public-manifest.json' },
] as const;

/** Newest modification time of any file under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export interface WebBuildOptions {
  /** Where to build (default web/dist). */
  readonly outDir?: string;
  /** Writes each build's manifest (`webBuilds[].manifest` under outDir); off in the app's own build. */
  readonly manifest?: boolean;
  readonly sourcemap?: boolean;
  readonly logLevel?: 'warn' | 'silent';
}

/** Every build, as `npm run build:web` runs them. */
export async function buildWeb(root: string, options: WebBuildOptions = {}): Promise<void> {
  const { build } = await import('vite');
  for (const [index, { config, manifest }] of webBuilds.entries()) {
    const overrides: BuildEnvironmentOptions = {
      ...(options.outDir ? { outDir: options.outDir } : {}),
      ...(options.manifest ? { manifest } : {}),
      ...(options.sourcemap === undefined ? {} : { sourcemap: options.sourcemap }),
      emptyOutDir: index === 0,
    };
    await build({
      configFile: join(root, 'web', config),
      logLevel: options.logLevel ?? 'warn',
      build: overrides,
    });
  }
}

/** Builds the web app when web/dist is missing or older than its sources; returns whether it built. */
export async function buildWebIfStale(root: string): Promise<boolean> {
  const web = join(root, 'web');
  const built = webBuilds.map(({ html }) => join(web, 'dist', html));
  const sourcesChanged = () => {
    const sources = Math.max(
      newest(join(web, 'src')),
      newest(join(web, 'public')),
      ...webBuilds.map(({ html }) => statSync(join(web, html)).mtimeMs),
    );
    return built.some((file) => sources > statSync(file).mtimeMs);
  };
  if (built.every((file) => existsSync(file)) && !sourcesChanged()) return false;
  await buildWeb(root);
  return true;
}
