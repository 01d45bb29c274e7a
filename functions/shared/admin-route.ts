import * as z from 'zod';
import { slug } from './contracts/form-definition.ts';
import { parseOrThrow } from './http/zod-issues.ts';

/** Path parameters of the admin form routes, checked like any other input. */
export const formPath = z.object({ slug });
export const formVersionPath = z.object({ slug, version: z.coerce.number().int().min(1) });

export const parsePath = <T extends z.ZodType>(
  schema: T,
  parameters: Record<string, string | undefined> | undefined,
) => parseOrThrow(schema, parameters ?? {});

/** A version number or `draft`, as the editor's diff and impact name the two sides. */
const side = z
  .string()
  .regex(/^(draft|[1-9][0-9]{0,7})$/, { message: 'must be a version number or "draft"' })
  .transform((value) => (value === 'draft' ? ('draft' as const) : Number(value)));
export const diffQuery = z.object({ from: side, to: side });
export const impactQuery = z.object({ to: side.default('draft') });
