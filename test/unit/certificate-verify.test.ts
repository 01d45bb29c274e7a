import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialJwks, issueCredential } from '#shared/certificates/credential.ts';
import { createSigningKeyFile, fileSigner, type Signer } from '#shared/certificates/signer.ts';
import { verifyCertificate } from '#shared/certificates/verify.ts';
import type { Certificate } from '#shared/domain/course-model.ts';

const BASE_URL = 'https://lotse.example.org';
const ORGANISATION = 'Freiwilligenagentur Lotse e. V.';

async function newSigner(): Promise<Signer> {
  const path = join(mkdtempSync(join(tmpdir(), 'lotse-keys-')), 'key.jwk.json');
  await createSigningKeyFile(path);
  return fileSigner(path);
}

async function certificate(signer: Signer, changes: Partial<Certificate> = {}): Promise<Certificate> {
  const base = {
    number: 'LOTSE-2026-7K3M9QX2TB',
    participantId: 'sub-1',
    courseId: 'course-1',
    formSlug: 'lotsen',
    name: 'أحمد الحسن',
    programme: 'Integrationslotsen',
    courseTitle: 'Vorbereitungskurs',
    locale: 'ar',
    firstSession: '2026-03-03',
    lastSession: '2026-05-12',
    hours: 24,
    issuedAt: '2026-05-13T09:30:00.000Z',
    status: 'valid' as const,
    ...changes,
  };
  const credential = await issueCredential({
    certificate: base,
    passPercent: 80,
    organisation: { name: ORGANISATION },
    baseUrl: BASE_URL,
    signer,
  });
  return { ...base, credential };
}

/** Lookups by number, as CourseStore.getCertificate answers them. */
const storeOf = (...certificates: Certificate[]) => ({
  getCertificate: async (number: string) => certificates.find((c) => c.number === number),
});

describe('certificate verification', () => {
  it('shows a valid certificate with name, programme and date only, and a signature that checks out', async () => {
    const signer = await newSigner();
    const jwks = credentialJwks([await signer.publicJwk()], BASE_URL);
    const view = await verifyCertificate(
      storeOf(await certificate(signer)),
      jwks,
      'lotse-2026-7k3m9qx2tb',
      ORGANISATION,
    );
    expect(view).toEqual({
      status: 'valid',
      number: 'LOTSE-2026-7K3M9QX2TB',
      name: 'أحمد الحسن',
      programme: 'Integrationslotsen',
      issuedAt: '2026-05-13T09:30:00.000Z',
      issuer: ORGANISATION,
      signatureValid: true,
    });
  });

  it('says revoked, with the date but not the reason', async () => {
    const signer = await newSigner();
    const revoked = await certificate(signer, {
      status: 'revoked',
      revokedAt: '2026-06-01T10:00:00.000Z',
      revokedReason: 'Teilnahme nachträglich als falsch erkannt',
      revokedBy: 'admin@example.org',
    });
    const view = await verifyCertificate(
      storeOf(revoked),
      { keys: [await signer.publicJwk()] },
      revoked.number,
      ORGANISATION,
    );
    expect(view).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-06-01T10:00:00.000Z',
      signatureValid: true,
    });
    expect(JSON.stringify(view)).not.toMatch(/nachträglich|admin@/);
  });

  it('says unknown for a number nobody issued or a string that is no number, without a lookup for the latter', async () => {
    const signer = await newSigner();
    const jwks = { keys: [await signer.publicJwk()] };
    let lookups = 0;
    const store = {
      getCertificate: async () => {
        lookups++;
        return undefined;
      },
    };
    expect(await verifyCertificate(store, jwks, 'LOTSE-2026-AAAAAAAAAA', ORGANISATION)).toEqual({
      status: 'unknown',
      number: 'LOTSE-2026-AAAAAAAAAA',
      issuer: ORGANISATION,
    });
    expect(lookups).toBe(1);
    const junk = await verifyCertificate(store, jwks, `<script>${'x'.repeat(500)}`, ORGANISATION);
    expect(junk.status).toBe('unknown');
    expect(junk.number.length).toBeLessThanOrEqual(40);
    expect(lookups).toBe(1);
  });

  it('reports a signature that fails: another key, or a credential that belongs to another certificate', async () => {
    const signer = await newSigner();
    const other = await newSigner();
    const stored = await certificate(signer);
    const withOtherKey = await verifyCertificate(
      storeOf(stored),
      { keys: [await other.publicJwk()] },
      stored.number,
      ORGANISATION,
    );
    expect(withOtherKey).toMatchObject({ status: 'valid', signatureValid: false });

    const someoneElse = await certificate(signer, { number: 'LOTSE-2026-BBBBBBBBBB', name: 'Someone Else' });
    const swapped = { ...stored, credential: someoneElse.credential };
    const view = await verifyCertificate(
      storeOf(swapped),
      { keys: [await signer.publicJwk()] },
      stored.number,
      ORGANISATION,
    );
    expect(view.signatureValid).toBe(false);
  });
});
