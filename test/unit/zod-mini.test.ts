import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSystemCheckRequest } from '../../functions/shared/contracts/system-check.ts';
import { parseOrThrow } from '../../functions/shared/http/zod-issues.ts';
import * as z from '../../functions/shared/zod.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The server uses zod/mini through functions/shared/zod.ts: classic zod costs every handler's bundle
// about 99 kB, and a single classic import anywhere in its import graph brings all of it back.
describe('zod on the server', () => {
  it('functions/ imports zod only in functions/shared/zod.ts', () => {
    const offending = readdirSync(join(root, 'functions'), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(ts|mts)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => relative(root, file) !== join('functions', 'shared', 'zod.ts'))
      .filter((file) => /\bfrom\s*['"]zod(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offending).toEqual([]);
  });

  it("speaks zod's English, as classic zod did (zod/mini loads no locale)", () => {
    const result = createSystemCheckRequest.safeParse({ recipient: 'someone@example.org', locale: 'fr' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Invalid option: expected one of "de"|"en"');
    expect(() => parseOrThrow(createSystemCheckRequest, { recipient: 'x' })).toThrow(
      expect.objectContaining({ issues: [{ field: 'recipient', message: 'must be an e-mail address' }] }),
    );
  });

  it('z.parse throws an error named ZodError, the name workflow tasks rethrow', () => {
    expect(() => z.parse(z.object({ id: z.uuid() }), { id: 'nope' })).toThrow(
      expect.objectContaining({ name: 'ZodError' }),
    );
  });
});
