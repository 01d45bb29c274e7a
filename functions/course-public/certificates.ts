import type * as z from 'zod';
import { type CertificateLogo, renderCertificatePdf } from '#shared/certificates/pdf.ts';
import type { verificationView } from '#shared/contracts/courses.ts';
import type { Certificate, CourseStore } from '#shared/domain/course-model.ts';
import { DomainError } from '#shared/domain/errors.ts';

class NotAvailableYetError extends DomainError {
  readonly status = 503;
  readonly code = 'not_available';
}

/**
 * Certificates as the public routes see them. Until the signing part is wired in, the verification
 * answers from the stored record alone (no signature check) and the keys are 503.
 */
export function storedCertificates(
  courses: Pick<CourseStore, 'getCertificate'>,
  organisation: () => Promise<{ name: string; logo?: CertificateLogo | undefined }>,
  publicBaseUrl: string,
) {
  const issuerName = async () => (await organisation()).name;
  return {
    async verify(number: string): Promise<z.infer<typeof verificationView>> {
      const issuer = await issuerName();
      const found = await courses.getCertificate(number);
      if (!found) return { status: 'unknown', number, issuer };
      return {
        status: found.status,
        number,
        name: found.name,
        programme: found.programme,
        issuedAt: found.issuedAt,
        ...(found.revokedAt ? { revokedAt: found.revokedAt } : {}),
        issuer,
      };
    },
    /** Rendered on demand from the stored record, so it always shows the current name and logo. */
    async pdf(certificate: Certificate): Promise<Uint8Array> {
      return renderCertificatePdf({
        certificate,
        organisation: await organisation(),
        verifyUrl: `${publicBaseUrl}/verify/${certificate.number}`,
        locale: certificate.locale,
      });
    },
    async jwks(): Promise<unknown> {
      throw new NotAvailableYetError('The signing keys are not available yet.');
    },
    async issuer(): Promise<unknown> {
      throw new NotAvailableYetError('The issuer profile is not available yet.');
    },
  };
}
