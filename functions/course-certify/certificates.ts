import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Certificate } from '#shared/domain/course-model.ts';

/*
 * Stand-ins for c-certs' functions/shared/certificates (number.ts, pdf.ts, credential.ts,
 * signer.ts) until that branch lands; then this file only re-exports and wires the signer.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCertificateNumber(now: Date): string {
  const chars = [...randomBytes(10)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `LOTSE-${now.getUTCFullYear()}-${chars}`;
}

export async function renderCertificatePdf(input: {
  certificate: Pick<Certificate, 'number' | 'name' | 'programme' | 'courseTitle' | 'hours'>;
  organisation: { name: string };
  verifyUrl: string;
  locale: string;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([841.89, 595.28]);
  const { certificate } = input;
  [input.organisation.name, certificate.courseTitle, certificate.number, input.verifyUrl].forEach(
    (line, i) => {
      page.drawText(line.replace(/[^\x20-\x7e]/g, '?'), { x: 60, y: 500 - i * 30, size: 16, font });
    },
  );
  return doc.save();
}

export async function signedCredential(_certificate: Omit<Certificate, 'credential'>): Promise<string> {
  return '';
}
