import { issueCredential } from '#shared/certificates/credential.ts';
import { type Signer, signerFromEnv } from '#shared/certificates/signer.ts';
import type { Certificate } from '#shared/domain/course-model.ts';

export { newCertificateNumber } from '#shared/certificates/number.ts';
export { renderCertificatePdf } from '#shared/certificates/pdf.ts';

/** Kept for the life of the function: the KMS signer reads its public key once. */
let signer: Promise<Signer> | undefined;

/** The certificate as an Open Badges 3.0 credential (VC-JWT), signed with the organisation's key. */
export async function signedCredential(input: {
  certificate: Omit<Certificate, 'credential'>;
  passPercent: number;
  organisation: string;
  baseUrl: string;
}): Promise<string> {
  signer ??= signerFromEnv().catch((error: unknown) => {
    signer = undefined;
    throw error;
  });
  return issueCredential({
    certificate: input.certificate,
    passPercent: input.passPercent,
    organisation: { name: input.organisation },
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    signer: await signer,
  });
}
