import * as z from './zod.ts';

/**
 * Parses the environment once, at cold start. Fails listing every missing or bad variable, so a
 * misconfigured deployment says everything that is wrong in one log line instead of one at a time.
 */
export function parseConfig<T extends z.core.$ZodShape>(
  shape: T,
  env: NodeJS.ProcessEnv = process.env,
): z.output<z.ZodMiniObject<T>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid configuration: ${problems.join('; ')}`);
}

export const awsRegion = z._default(z.string().check(z.minLength(1)), 'eu-central-1');
