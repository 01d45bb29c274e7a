import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every module a file imports (static, dynamic, re-export), resolved to a path inside the repo. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith('.')) return [relative(root, resolve(dirname(file), specifier))];
    if (specifier.startsWith('#shared/')) return [`functions/shared/${specifier.slice(8)}`];
    if (specifier.startsWith('#definitions/')) return [`functions/shared/definitions/${specifier.slice(13)}`];
    return [];
  });
}

// Dependencies point one way: infra/ (CDK and the local runtime) may import functions/, never the
// reverse; the web app imports only the shared contracts and definitions, never infra/.
describe('dependency direction', () => {
  for (const dir of ['functions', 'web/src']) {
    it(`${dir}/ imports nothing from infra/`, () => {
      const offending = sources(dir).flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith('infra/'))
          .map((target) => `${relative(root, file)} -> ${target}`),
      );
      expect(offending).toEqual([]);
    });
  }

  it('the check resolves relative imports (it would see one into infra/)', () => {
    const probe = join(root, 'functions/shared/definitions/routes.ts');
    expect(importsOf(probe).some((target) => target.startsWith('functions/shared/'))).toBe(true);
  });
});
