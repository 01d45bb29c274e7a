import { createPublicKey, type KeyObject, sign } from 'node:crypto';

/**
 * RS256 signing with Node's crypto, kept because `LocalAuth.issueFor` (tests) and InitiateAuth
 * (the command line) must issue tokens synchronously; jose signs only asynchronously. Verifying is
 * jose's job (infra/local/auth/token-verifier.ts), never ours.
 */
const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export function signJwt(claims: Record<string, unknown>, privateKey: KeyObject, kid: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

export function publicJwk(privateKey: KeyObject, kid: string) {
  return { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}
