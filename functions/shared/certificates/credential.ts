import { createHash } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, type JWK, type JWTPayload, jwtVerify } from 'jose';
import type { Certificate } from '../domain/course-model.ts';
import type { Signer } from './signer.ts';

/**
 * A certificate as an Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable Credential, data
 * model 2.0) secured as a VC-JWT: OB 3.0 §8.2, "JSON Web Token Proof Format". The JWT payload is the
 * credential itself with the registered claims `iss` (issuer.id), `jti` (id), `nbf` (validFrom) and
 * `sub` (credentialSubject.id); the JOSE header has `alg` ES256, `typ` JWT and `kid`, a URI of the
 * public key in the issuer's JWKS. (Credentials made after VC data model 1.1 wrapped it in a `vc`
 * claim; OB 3.0 final reads both, and verifyCredential here does too.)
 */
export const OB_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

export interface CredentialInput {
  readonly certificate: Pick<
    Certificate,
    | 'number'
    | 'participantId'
    | 'courseId'
    | 'name'
    | 'programme'
    | 'courseTitle'
    | 'firstSession'
    | 'lastSession'
    | 'hours'
    | 'issuedAt'
  >;
  /** The course's pass rule: share of its sessions attended, in percent. */
  readonly passPercent: number;
  readonly organisation: { readonly name: string };
  /** PUBLIC_BASE_URL, without a trailing slash. */
  readonly baseUrl: string;
}

export const issuerId = (baseUrl: string) => `${trimSlash(baseUrl)}/api/credentials/issuer`;
export const jwksUrl = (baseUrl: string) => `${trimSlash(baseUrl)}/api/credentials/jwks`;
export const verifyPageUrl = (baseUrl: string, number: string) =>
  `${trimSlash(baseUrl)}/verify/${encodeURIComponent(number)}`;
/** The header's `kid`: the JWKS address with the key's thumbprint as fragment. */
export const keyIdUri = (baseUrl: string, thumbprint: string) => `${jwksUrl(baseUrl)}#${thumbprint}`;

export type OpenBadgeCredential = ReturnType<typeof buildOpenBadgeCredential>;

export function buildOpenBadgeCredential(input: CredentialInput) {
  const { certificate, baseUrl } = input;
  const hours = String(certificate.hours);
  return {
    '@context': [...OB_CONTEXT],
    id: verifyPageUrl(baseUrl, certificate.number),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${certificate.programme}: ${certificate.courseTitle}`,
    issuer: {
      id: issuerId(baseUrl),
      type: ['Profile'],
      name: input.organisation.name,
      url: trimSlash(baseUrl),
    },
    validFrom: toSeconds(certificate.issuedAt),
    credentialSubject: {
      // Not the participant id itself, and never an e-mail address: a stable, opaque URN.
      id: nameUuid(`lotse:participant:${certificate.participantId}`),
      type: ['AchievementSubject'],
      // OB 3.0 identifies a subject by IdentityObjects; the name is printed on the certificate anyway.
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: certificate.name },
      ],
      activityStartDate: `${certificate.firstSession}T00:00:00Z`,
      activityEndDate: `${certificate.lastSession}T00:00:00Z`,
      achievement: {
        id: nameUuid(`lotse:course:${certificate.courseId}`),
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name: `${certificate.programme}: ${certificate.courseTitle}`,
        description: `${certificate.courseTitle} (${certificate.programme}), ${input.organisation.name}`,
        criteria: {
          narrative:
            `Teilnahme an mindestens ${input.passPercent} % der Termine des Kurses „${certificate.courseTitle}“ ` +
            `(${hours} Stunden, ${certificate.firstSession} bis ${certificate.lastSession}).\n\n` +
            `Attended at least ${input.passPercent}% of the sessions of the course "${certificate.courseTitle}" ` +
            `(${hours} hours, ${certificate.firstSession} to ${certificate.lastSession}).`,
        },
        creator: { id: issuerId(baseUrl), type: ['Profile'], name: input.organisation.name },
      },
    },
    credentialSchema: [
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ],
  };
}

/** The credential as a compact JWS signed by `signer`. */
export async function issueCredential(input: CredentialInput & { readonly signer: Signer }): Promise<string> {
  const credential = buildOpenBadgeCredential(input);
  const header = { alg: 'ES256', typ: 'JWT', kid: keyIdUri(input.baseUrl, input.signer.kid) };
  const payload = {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: Date.parse(credential.validFrom) / 1000,
    sub: credential.credentialSubject.id,
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = await input.signer.sign(new TextEncoder().encode(signingInput));
  return `${signingInput}.${Buffer.from(signature).toString('base64url')}`;
}

/** The JWKS at /api/credentials/jwks: the public keys, each `kid` the URI the JOSE headers name. */
export function credentialJwks(publicKeys: readonly JWK[], baseUrl: string): { keys: JWK[] } {
  return {
    keys: publicKeys.map(({ d: _private, ...key }) => ({
      ...key,
      kid: key.kid?.includes('#') ? key.kid : keyIdUri(baseUrl, key.kid ?? ''),
    })),
  };
}

/** The issuer profile at /api/credentials/issuer (what `iss` and `issuer.id` name). */
export function issuerProfile(baseUrl: string, organisationName: string) {
  return {
    '@context': [...OB_CONTEXT],
    id: issuerId(baseUrl),
    type: ['Profile'],
    name: organisationName,
    url: trimSlash(baseUrl),
  };
}

export type CredentialVerification =
  | {
      readonly valid: true;
      readonly payload: JWTPayload & Record<string, unknown>;
      readonly credential: OpenBadgeCredential;
    }
  | { readonly valid: false; readonly reason: string };

/**
 * Checks the signature against the issuer's JWKS (jose) and OB 3.0's claim rules: `iss`, `jti`,
 * `sub` and `nbf` must match the credential's issuer.id, id, credentialSubject.id and validFrom.
 * Keys may carry the bare thumbprint or the URI as `kid`.
 */
export async function verifyCredential(
  jwt: string,
  jwks: { readonly keys: readonly JWK[] },
): Promise<CredentialVerification> {
  try {
    const headerKid = decodeProtectedHeader(jwt).kid ?? '';
    const keys = jwks.keys.map((key) =>
      key.kid && !key.kid.includes('#') && headerKid.endsWith(`#${key.kid}`)
        ? { ...key, kid: headerKid }
        : key,
    );
    const { payload } = await jwtVerify(jwt, createLocalJWKSet({ keys }), {
      algorithms: ['ES256'],
      typ: 'JWT',
    });
    const credential = ('vc' in payload ? payload.vc : payload) as OpenBadgeCredential;
    const mismatch = claimMismatch(payload, credential);
    if (mismatch) return { valid: false, reason: mismatch };
    return { valid: true, payload: payload as JWTPayload & Record<string, unknown>, credential };
  } catch (error) {
    return {
      valid: false,
      reason: error instanceof Error ? `${error.name}: ${error.message}` : 'not a credential',
    };
  }
}

function claimMismatch(payload: JWTPayload, credential: OpenBadgeCredential): string | undefined {
  if (
    !credential?.type?.includes('OpenBadgeCredential') &&
    !credential?.type?.includes('AchievementCredential')
  )
    return 'not an OpenBadgeCredential';
  if (payload.iss !== credential.issuer?.id) return 'iss does not match issuer.id';
  if (payload.jti !== credential.id) return 'jti does not match id';
  if (payload.sub !== credential.credentialSubject?.id) return 'sub does not match credentialSubject.id';
  if (payload.nbf !== Date.parse(credential.validFrom) / 1000) return 'nbf does not match validFrom';
  return undefined;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** JWT NumericDate has whole seconds; validFrom must equal nbf, so it drops the milliseconds. */
const toSeconds = (iso: string) =>
  `${new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().slice(0, 19)}Z`;

/** A name-based UUID (RFC 9562 version 8, from SHA-256) as a URN: stable, and reveals nothing. */
function nameUuid(name: string): string {
  const hash = createHash('sha256').update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
