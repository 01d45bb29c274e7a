import type { JWK } from 'jose';
import type { verificationView } from '../contracts/courses.ts';
import type { Certificate, CourseStore } from '../domain/course-model.ts';
import type * as z from '../zod.ts';
import { verifyCredential } from './credential.ts';
import { looksLikeCertificateNumber, normaliseCertificateNumber } from './number.ts';

export type VerificationView = z.infer<typeof verificationView>;

/**
 * What the public page /verify/<number> shows: valid, revoked or unknown, and for a known number
 * only the name, programme and dates (never the course, hours, reason for revocation or anything
 * else). `signatureValid` says whether the stored credential still verifies against the
 * organisation's public key and belongs to this certificate.
 */
export async function verifyCertificate(
  store: Pick<CourseStore, 'getCertificate'>,
  jwks: { readonly keys: readonly JWK[] },
  number: string,
  organisationName: string,
): Promise<VerificationView> {
  const normalised = normaliseCertificateNumber(number);
  const unknown: VerificationView = {
    status: 'unknown',
    number: normalised.slice(0, 40),
    issuer: organisationName,
  };
  if (!looksLikeCertificateNumber(normalised)) return unknown;
  const certificate = await store.getCertificate(normalised);
  if (!certificate) return unknown;
  return {
    status: certificate.status,
    number: certificate.number,
    name: certificate.name,
    programme: certificate.programme,
    issuedAt: certificate.issuedAt,
    ...(certificate.status === 'revoked' && certificate.revokedAt
      ? { revokedAt: certificate.revokedAt }
      : {}),
    issuer: organisationName,
    signatureValid: await credentialHolds(certificate, jwks),
  };
}

/** The signature verifies, and the credential is this certificate's (its id and the name match). */
async function credentialHolds(certificate: Certificate, jwks: { readonly keys: readonly JWK[] }) {
  const result = await verifyCredential(certificate.credential, jwks);
  if (!result.valid) return false;
  const { credential } = result;
  const names = credential.credentialSubject.identifier.map((identity) => identity.identityHash);
  return (
    credential.id.endsWith(`/verify/${encodeURIComponent(certificate.number)}`) &&
    names.includes(certificate.name)
  );
}
