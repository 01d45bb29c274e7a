import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

export type TokenCheck = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string };

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly jwksUri: string;
  /** App clients whose tokens count: API Gateway's `jwtAudience`. */
  readonly audiences: readonly string[];
}

/**
 * What API Gateway's JWT authorizer checks, with jose: a signature by a key of the issuer's JWKS
 * (fetched and cached, refetched for an unknown `kid`), RS256 only (so `alg: none` and HMAC tricks
 * fail), the issuer, expiry and not-before, and an app client in `client_id` (access tokens) or
 * `aud` (ID tokens).
 */
export function createTokenVerifier(options: TokenVerifierOptions) {
  const keys = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 5_000 });
  return async (token: string): Promise<TokenCheck> => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub'],
      });
      const audiences = [payload.aud ?? []].flat();
      const clientOk =
        options.audiences.includes(String(payload.client_id)) ||
        audiences.some((audience) => options.audiences.includes(audience));
      if (!clientOk) return { ok: false, reason: 'audience' };
      return { ok: true, claims: payload as Record<string, unknown> };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JOSEError ? error.code : 'malformed' };
    }
  };
}
