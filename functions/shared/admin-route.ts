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
