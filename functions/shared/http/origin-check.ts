import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parseConfig } from '../config.ts';
import {
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_HEADER,
  PREVIOUS_ORIGIN_SECRET_ENV,
} from '../definitions/origin-secret.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { originSecret } from '../env.ts';

export type OriginSecrets = {
  readonly [name in typeof ORIGIN_SECRET_ENV | typeof PREVIOUS_ORIGIN_SECRET_ENV]?: string | undefined;
};

/**
 * Whether the request came through CloudFront (locally, the web server): it carries the secret
 * header with the current secret or the second one accepted during a rotation. Without
 * ORIGIN_SECRET (a unit test calling a handler) there is nothing to check: `verified` is false and
 * nothing is refused.
 */
export function originCheck(secrets: OriginSecrets) {
  // Both sides hashed: equal-length buffers for timingSafeEqual, and the length of the secret stays unknown.
  const accepted = [secrets[ORIGIN_SECRET_ENV], secrets[PREVIOUS_ORIGIN_SECRET_ENV]]
    .filter((secret): secret is string => Boolean(secret))
    .map(digest);
  const enabled = Boolean(secrets[ORIGIN_SECRET_ENV]);
  return (event: APIGatewayProxyEventV2): { verified: boolean } => {
    if (!enabled) return { verified: false };
    const given = digest(event.headers?.[ORIGIN_SECRET_HEADER] ?? '');
    // No early exit: each comparison takes the same time whichever secret (if any) matches.
    const matched = accepted.map((secret) => timingSafeEqual(given, secret)).some(Boolean);
    if (!matched) throw new OriginRefusedError();
    return { verified: true };
  };
}

/** The check as this function's environment configures it, parsed once at cold start. */
export const originCheckFromEnv = () => originCheck(parseConfig(originSecret));

class OriginRefusedError extends ForbiddenError {
  constructor() {
    super(
      'This API answers only requests that come through the web app’s own address (CloudFront): use https://<web app>/api/… instead of the execute-api endpoint.',
    );
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
