import { parseOrThrow } from './http/zod-issues.ts';
import * as z from './zod.ts';

/** Users are named in paths by their id (Cognito `sub`), never by e-mail: URLs end up in logs. */
export const userPath = z.object({
  userId: z
    .string()
    .check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/, { message: 'must be a user id' })),
});

export const parseUserPath = (parameters: Record<string, string | undefined> | undefined) =>
  parseOrThrow(userPath, parameters ?? {}).userId;
