import { slug } from './contracts/form-definition.ts';
import { parseOrThrow } from './http/zod-issues.ts';
import * as z from './zod.ts';

/** Path parameters of the admin form routes, checked like any other input. */
export const formPath = z.object({ slug });
export const formVersionPath = z.object({ slug, version: z.coerce.number().check(z.int(), z.minimum(1)) });

export const parsePath = <T extends z.ZodMiniType>(
  schema: T,
  parameters: Record<string, string | undefined> | undefined,
) => parseOrThrow(schema, parameters ?? {});

/** A version number or `draft`, as the editor's diff and impact name the two sides. */
const side = z.pipe(
  z.string().check(z.regex(/^(draft|[1-9][0-9]{0,7})$/, { message: 'must be a version number or "draft"' })),
  z.transform((value) => (value === 'draft' ? ('draft' as const) : Number(value))),
);
export const diffQuery = z.object({ from: side, to: side });
export const impactQuery = z.object({ to: z._default(side, 'draft') });
