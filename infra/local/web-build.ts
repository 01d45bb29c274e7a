import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of any file under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the web app when web/dist is missing or older than its sources; returns whether it built. */
export async function buildWebIfStale(root: string): Promise<boolean> {
  const web = join(root, 'web');
  const index = join(web, 'dist', 'index.html');
  const sourcesChanged = () =>
    Math.max(newest(join(web, 'src')), statSync(join(web, 'index.html')).mtimeMs) > statSync(index).mtimeMs;
  if (existsSync(index) && !sourcesChanged()) return false;
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
