import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/** RS256 JSON Web Tokens with Node's crypto: what the local sign-in issues and the local authorizer checks. */
const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export function signJwt(claims: Record<string, unknown>, privateKey: KeyObject, kid: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

export type JwtCheck = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string };

/** Verifies signature, issuer, expiry and client, as API Gateway's JWT authorizer does. */
export function verifyJwt(
  token: string,
  publicKey: KeyObject,
  expected: { issuer: string; audience: string; now?: number },
): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  let parsedHeader: { alg?: string };
  let claims: Record<string, unknown>;
  try {
    parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (parsedHeader.alg !== 'RS256') return { ok: false, reason: 'algorithm' };
  const valid = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) return { ok: false, reason: 'signature' };
  const now = Math.floor((expected.now ?? Date.now()) / 1000);
  if (claims.iss !== expected.issuer) return { ok: false, reason: 'issuer' };
  if (typeof claims.exp !== 'number' || claims.exp <= now) return { ok: false, reason: 'expired' };
  // Cognito access tokens carry the app client in client_id, id tokens in aud.
  if (claims.client_id !== expected.audience && claims.aud !== expected.audience)
    return { ok: false, reason: 'audience' };
  return { ok: true, claims };
}

export function publicJwk(privateKey: KeyObject, kid: string) {
  return { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}
