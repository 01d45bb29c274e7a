/**
 * zod for the server: `zod/mini` (about 35 kB of a handler's bundle instead of classic zod's 99 kB),
 * set up to behave as classic zod did. Import it as `import * as z from '#shared/zod.ts'` (or by a
 * relative path), never from 'zod': one classic import in a handler's graph brings the 99 kB back.
 *
 * - zod/mini loads no locale, so its issues would all read "Invalid input"; classic zod loads English
 *   on first use. The messages reach error bodies (zod-issues.ts), so English is configured here.
 * - `z.parse` throws an error named `ZodError`, as classic zod's `schema.parse` did (zod/mini's is
 *   `$ZodError`): workflow tasks rethrow it, and Step Functions and the attention list see the name.
 */

import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';

export function parse<T extends z.core.$ZodType>(schema: T, value: unknown): z.output<T> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  result.error.name = 'ZodError';
  throw result.error;
}
