import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildEnvironmentOptions } from 'vite';

/**
 * The web app is two Vite builds into one folder (web/dist): the console (index.html, served for
 * /console*; React) and the public pages (the same components on Preact's React-compatible runtime,
 * web/vite.public.config.ts): form.html, served for /f/<slug>, and public.html for every other
 * path (the pages opened from e-mail links, certificate checks, the home page). The public build
 * runs second and does not empty the folder.
 */
export const webBuilds = [
  { config: 'vite.config.ts', pages: ['index.html'], manifest: '.vite/manifest.json' },
  {
    config: 'vite.public.config.ts',
    pages: ['form.html', 'public.html'],
    manifest: '.vite/public-manifest.json',
  },
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

/** Both builds, as `npm run build:web` runs them. */
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
  const pages = webBuilds.flatMap((build) => build.pages);
  const built = pages.map((page) => join(web, 'dist', page));
  const sourcesChanged = () => {
    const sources = Math.max(
      newest(join(web, 'src')),
      newest(join(web, 'public')),
      ...pages.map((page) => statSync(join(web, page)).mtimeMs),
    );
    return built.some((file) => sources > statSync(file).mtimeMs);
  };
  if (built.every((file) => existsSync(file)) && !sourcesChanged()) return false;
  await buildWeb(root);
  return true;
}
