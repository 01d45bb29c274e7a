import type { JWK } from 'jose';
import { credentialJwks, issuerProfile } from '#shared/certificates/credential.ts';
import type { Signer } from '#shared/certificates/signer.ts';
import { verifyCertificate } from '#shared/certificates/verify.ts';
import type { verificationView } from '#shared/contracts/courses.ts';
import type { CourseStore } from '#shared/domain/course-model.ts';
import { DomainError } from '#shared/domain/errors.ts';
import type * as z from '#shared/zod.ts';

class NoSigningKeyError extends DomainError {
  readonly status = 503;
  readonly code = 'not_available';
}

/**
 * Certificates as the public routes see them: verified against the organisation's public key, and
 * that key published (the PDF is functions/certificate-pdf's). Without a configured signer (no key
 * yet) verification still answers from the stored record, without `signatureValid`, and the keys
 * are 503.
 */
export function publicCertificates(input: {
  courses: Pick<CourseStore, 'getCertificate'>;
  organisationName: () => Promise<string>;
  publicBaseUrl: string;
  signer: () => Promise<Signer | undefined>;
}) {
  const keys = async (): Promise<{ keys: JWK[] } | undefined> => {
    const signer = await input.signer();
    return signer ? credentialJwks([await signer.publicJwk()], input.publicBaseUrl) : undefined;
  };
  return {
    async verify(number: string): Promise<z.infer<typeof verificationView>> {
      const jwks = await keys();
      const view = await verifyCertificate(
        input.courses,
        jwks ?? { keys: [] },
        number,
        await input.organisationName(),
      );
      if (jwks) return view;
      const { signatureValid: _unchecked, ...withoutSignature } = view;
      return withoutSignature;
    },
    async jwks(): Promise<unknown> {
      const jwks = await keys();
      if (!jwks) throw new NoSigningKeyError('The organisation has no signing key yet.');
      return jwks;
    },
    issuer: async (): Promise<unknown> => issuerProfile(input.publicBaseUrl, await input.organisationName()),
  };
}
