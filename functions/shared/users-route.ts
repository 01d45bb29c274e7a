import * as z from 'zod';
import { parseOrThrow } from './http/zod-issues.ts';

/** Users are named in paths by their id (Cognito `sub`), never by e-mail: URLs end up in logs. */
export const userPath = z.object({
  userId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'must be a user id' }),
});

export const parseUserPath = (parameters: Record<string, string | undefined> | undefined) =>
  parseOrThrow(userPath, parameters ?? {}).userId;
