import { createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildOpenBadgeCredential,
  type CredentialInput,
  credentialJwks,
  issueCredential,
  issuerProfile,
  verifyCredential,
} from '#shared/certificates/credential.ts';
import { derToJoseSignature } from '#shared/certificates/der-signature.ts';
import {
  looksLikeCertificateNumber,
  newCertificateNumber,
  normaliseCertificateNumber,
} from '#shared/certificates/number.ts';
import {
  createSigningKeyFile,
  fileSigner,
  kmsSigner,
  parameterSigner,
  type Signer,
  signerFromEnv,
} from '#shared/certificates/signer.ts';
import { signDigestDer } from '../support/p256-digest-signer.ts';

const BASE_URL = 'https://lotse.example.org';
const input: CredentialInput = {
  certificate: {
    number: 'LOTSE-2026-7K3M9QX2TB',
    participantId: 'sub-0b7c',
    courseId: 'course-42',
    name: 'Олена Коваленко',
    programme: 'Integrationslotsen',
    courseTitle: 'Vorbereitungskurs Frühjahr',
    firstSession: '2026-03-03',
    lastSession: '2026-05-12',
    hours: 22.5,
    issuedAt: '2026-05-13T09:30:12.345Z',
  },
  passPercent: 80,
  organisation: { name: 'Freiwilligenagentur Lotse e. V.' },
  baseUrl: BASE_URL,
};

const keyFile = () => join(mkdtempSync(join(tmpdir(), 'lotse-keys-')), 'keys', 'credential-signing.jwk.json');

async function fileBackedSigner(): Promise<Signer> {
  const path = keyFile();
  await createSigningKeyFile(path);
  return fileSigner(path);
}

/** Flips one bit in the payload part, keeping it valid base64url. */
function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const bytes = Buffer.from(payload, 'base64url');
  const at = bytes.indexOf(Buffer.from('Integrationslotsen'));
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return `${header}.${bytes.toString('base64url')}.${signature}`;
}

describe('certificate numbers', () => {
  it('are LOTSE-<year>-<ten Crockford base32 characters>, fifty random bits each', () => {
    const numbers = Array.from({ length: 2000 }, () =>
      newCertificateNumber(new Date('2026-05-13T00:00:00Z')),
    );
    for (const number of numbers) {
      expect(number).toMatch(/^LOTSE-2026-[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(looksLikeCertificateNumber(number)).toBe(true);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    // Every character of the alphabet turns up: the random part is not drawn from a smaller set.
    expect(new Set(numbers.flatMap((n) => [...n.slice(11)])).size).toBe(32);
  });

  it('refuses shapes that are not numbers, and reads typed look-alikes the way Crockford meant', () => {
    for (const bad of [
      '',
      'LOTSE-2026-7K3M9QX2T',
      'LOTSE-2026-7K3M9QX2TBB',
      'LOTSE-26-7K3M9QX2TB',
      'LOTSE-2026-7K3M9QX2TU',
    ])
      expect(looksLikeCertificateNumber(bad), bad).toBe(false);
    expect(normaliseCertificateNumber(' lotse-2026-7k3m9qx2tb ')).toBe('LOTSE-2026-7K3M9QX2TB');
    expect(normaliseCertificateNumber('LOTSE-2026-O0ILQX2TB1')).toBe('LOTSE-2026-0011QX2TB1');
  });
});

describe('DER to JOSE signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  it('turns any DER ECDSA signature into r || s that verifies (short r and s included)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (message) => {
        const der = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' });
        const jose = derToJoseSignature(der);
        expect(jose).toHaveLength(64);
        expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, jose)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('pads integers DER shortened and strips the sign byte DER added', () => {
    // r = 0x00 0x80… (33 octets: a sign byte), s = 0x01 (one octet).
    const r = Buffer.concat([Buffer.from([0x00, 0x80]), Buffer.alloc(31, 0x11)]);
    const der = Buffer.from([0x30, 2 + r.length + 3, 0x02, r.length, ...r, 0x02, 0x01, 0x01]);
    const jose = derToJoseSignature(der);
    expect(Buffer.from(jose.subarray(0, 32)).equals(r.subarray(1))).toBe(true);
    expect([...jose.subarray(32)]).toEqual([...Array(31).fill(0), 1]);
  });

  it('refuses what is not a DER signature', () => {
    expect(() => derToJoseSignature(new Uint8Array([0x31, 0x00]))).toThrow(/SEQUENCE/);
    expect(() => derToJoseSignature(new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01]))).toThrow();
    expect(() => derToJoseSignature(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow();
  });
});

describe('signing key file', () => {
  it('is made once, readable by its owner only, and kept on the next start', async () => {
    const path = keyFile();
    const first = await createSigningKeyFile(path);
    const content = readFileSync(path, 'utf8');
    const second = await createSigningKeyFile(path);
    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, kid: first.kid });
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const jwk = JSON.parse(content);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: first.kid });
    expect(jwk.d).toBeTruthy();
    // The public JWK never carries the private part.
    expect(await fileSigner(path).publicJwk()).not.toHaveProperty('d');
  });

  it('refuses a file that is not a private P-256 JWK', () => {
    const path = keyFile().replace('keys/credential-signing.jwk.json', 'bad.json');
    writeFileSync(path, JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' }));
    expect(() => fileSigner(path)).toThrow(/not a P-256 private JWK/);
  });
});

describe('Open Badges 3.0 credential', () => {
  it('is an OpenBadgeCredential with the issuer, achievement, criteria and the name, and no e-mail', () => {
    const credential = buildOpenBadgeCredential(input);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(credential.issuer).toMatchObject({
      id: `${BASE_URL}/api/credentials/issuer`,
      name: 'Freiwilligenagentur Lotse e. V.',
    });
    expect(credential.id).toBe(`${BASE_URL}/verify/LOTSE-2026-7K3M9QX2TB`);
    expect(credential.validFrom).toBe('2026-05-13T09:30:12Z');
    expect(credential.credentialSubject.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(credential.credentialSubject.id).not.toContain('sub-0b7c');
    expect(credential.credentialSubject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Олена Коваленко' },
    ]);
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain('80 %');
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain('22.5 hours');
    expect(JSON.stringify(credential)).not.toMatch(/[\w.-]+@[\w-]+\./);
    expect(issuerProfile(`${BASE_URL}/`, 'Lotse').id).toBe(credential.issuer.id);
  });

  it('signed with the key file, verifies with jose against the public JWK, and a changed byte does not', async () => {
    const signer = await fileBackedSigner();
    const jwt = await issueCredential({ ...input, signer });
    const jwks = credentialJwks([await signer.publicJwk()], BASE_URL);

    expect(decodeProtectedHeader(jwt)).toEqual({
      alg: 'ES256',
      typ: 'JWT',
      kid: `${BASE_URL}/api/credentials/jwks#${signer.kid}`,
    });
    // A verifier with nothing but jose and the published JWKS.
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks));
    expect(payload).toMatchObject({
      iss: `${BASE_URL}/api/credentials/issuer`,
      jti: `${BASE_URL}/verify/LOTSE-2026-7K3M9QX2TB`,
      nbf: Date.parse('2026-05-13T09:30:12Z') / 1000,
      validFrom: '2026-05-13T09:30:12Z',
    });
    expect(payload.sub).toBe((payload.credentialSubject as { id: string }).id);

    const result = await verifyCredential(jwt, jwks);
    expect(result.valid).toBe(true);
    // The bare-thumbprint JWK (as the key store keeps it) verifies the same.
    expect((await verifyCredential(jwt, { keys: [await signer.publicJwk()] })).valid).toBe(true);

    const changed = await verifyCredential(tamper(jwt), jwks);
    expect(changed).toMatchObject({ valid: false, reason: expect.stringMatching(/signature/i) });
    const otherKey = await fileBackedSigner();
    expect((await verifyCredential(jwt, { keys: [await otherKey.publicJwk()] })).valid).toBe(false);
  });

  it('refuses a correctly signed token whose claims do not match the credential', async () => {
    const signer = await fileBackedSigner();
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: signer.kid })).toString(
      'base64url',
    );
    const credential = buildOpenBadgeCredential(input);
    const payload = Buffer.from(
      JSON.stringify({ ...credential, iss: credential.issuer.id, jti: 'urn:other', nbf: 1, sub: 'urn:x' }),
    ).toString('base64url');
    const signature = await signer.sign(new TextEncoder().encode(`${header}.${payload}`));
    const jwt = `${header}.${payload}.${Buffer.from(signature).toString('base64url')}`;
    expect(await verifyCredential(jwt, { keys: [await signer.publicJwk()] })).toMatchObject({
      valid: false,
      reason: 'jti does not match id',
    });
  });
});

describe('KMS signer', () => {
  const kms = mockClient(KMSClient);
  afterEach(() => kms.reset());

  /** A stand-in for KMS that signs digests with a real P-256 key and answers in DER, as KMS does. */
  function kmsWithKey(): { publicKey: KeyObject; signed: Uint8Array[] } {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const privateD = privateKey.export({ format: 'jwk' }).d as string;
    const signed: Uint8Array[] = [];
    kms.on(GetPublicKeyCommand).resolves({
      KeyId: 'arn:aws:kms:eu-central-1:123456789012:key/abc',
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      PublicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
    });
    kms.on(SignCommand).callsFake(async (command) => {
      expect(command).toMatchObject({
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
        KeyId: 'alias/lotse-test-credentials',
      });
      const digest = command.Message as Uint8Array;
      signed.push(digest);
      return { Signature: signDigestDer(digest, privateD), SigningAlgorithm: 'ECDSA_SHA_256' };
    });
    return { publicKey, signed };
  }

  it('turns KMS DER signatures into a credential that verifies against the public key KMS gives', async () => {
    const { publicKey, signed } = kmsWithKey();
    const signer = await kmsSigner(new KMSClient({ region: 'eu-central-1' }), 'alias/lotse-test-credentials');
    const jwk = await signer.publicJwk();
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: signer.kid, alg: 'ES256' });
    expect(createPublicKey({ key: jwk as never, format: 'jwk' }).equals(publicKey)).toBe(true);

    const jwts = await Promise.all(Array.from({ length: 20 }, () => issueCredential({ ...input, signer })));
    expect(signed).toHaveLength(20);
    expect(signed[0]).toHaveLength(32); // only the SHA-256 digest goes to KMS
    const jwks = credentialJwks([jwk], BASE_URL);
    for (const jwt of jwts) {
      expect((await jwtVerify(jwt, createLocalJWKSet(jwks))).payload.iss).toBe(
        `${BASE_URL}/api/credentials/issuer`,
      );
      expect((await verifyCredential(tamper(jwt), jwks)).valid).toBe(false);
    }
  });

  it('refuses a key that is not a P-256 signing key', async () => {
    kms
      .on(GetPublicKeyCommand)
      .resolves({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', PublicKey: new Uint8Array(1) });
    await expect(kmsSigner(new KMSClient({ region: 'eu-central-1' }), 'k')).rejects.toThrow(
      /not an ECC_NIST_P256/,
    );
  });

  it('is what signerFromEnv picks with CREDENTIAL_KEY_ID; the key file without it; a clear error with neither', async () => {
    kmsWithKey();
    const path = keyFile();
    await createSigningKeyFile(path);
    const client = new KMSClient({ region: 'eu-central-1' });
    const fromKms = await signerFromEnv(
      { CREDENTIAL_KEY_ID: 'alias/lotse-test-credentials', LOTSE_SIGNING_KEY_FILE: path },
      () => client,
    );
    const fromFile = await signerFromEnv({ LOTSE_SIGNING_KEY_FILE: path }, () => client);
    expect(fromKms.kid).not.toBe(fromFile.kid);
    expect(fromFile.kid).toBe(fileSigner(path).kid);
    await expect(signerFromEnv({})).rejects.toThrow(/CREDENTIAL_KEY_ID.*LOTSE_SIGNING_KEY_FILE/);
  });
});

describe('signing key in Parameter Store', () => {
  const ssm = mockClient(SSMClient);
  afterEach(() => ssm.reset());
  const names = {
    privateKey: '/lotse/test/credential-signing-key',
    publicKey: '/lotse/test/credential-public-key',
  };

  /** Parameter Store's rules that matter here: no overwrite unless asked, ParameterNotFound, SecureString types. */
  function parameterStore(options: { raceOnFirstPut?: boolean } = {}) {
    const stored = new Map<string, { value: string; type: string }>();
    const puts: { name: string; type: string }[] = [];
    const fail = (name: string, message: string) =>
      Promise.reject(Object.assign(new Error(message), { name }));
    ssm.on(GetParameterCommand).callsFake((input: { Name: string }) => {
      const found = stored.get(input.Name);
      return found
        ? Promise.resolve({ Parameter: { Name: input.Name, Value: found.value, Type: found.type } })
        : fail('ParameterNotFound', `${input.Name} not found`);
    });
    ssm
      .on(PutParameterCommand)
      .callsFake(async (input: { Name: string; Value: string; Type: string; Overwrite?: boolean }) => {
        if (options.raceOnFirstPut && puts.length === 0) {
          // Another cold start put its key a moment earlier.
          const path = keyFile();
          await createSigningKeyFile(path);
          stored.set(input.Name, { value: readFileSync(path, 'utf8'), type: 'SecureString' });
          puts.push({ name: input.Name, type: 'SecureString' });
          return fail('ParameterAlreadyExists', 'exists');
        }
        if (stored.has(input.Name) && !input.Overwrite) return fail('ParameterAlreadyExists', 'exists');
        stored.set(input.Name, { value: input.Value, type: input.Type });
        puts.push({ name: input.Name, type: input.Type });
        return { Version: 1 };
      });
    return { stored, puts };
  }

  it('is made on first use as a SecureString, kept on later cold starts, and published apart from it', async () => {
    const { stored, puts } = parameterStore();
    const client = new SSMClient({ region: 'eu-central-1' });
    const first = await parameterSigner(client, names);
    const again = await parameterSigner(client, names);
    expect(again.kid).toBe(first.kid);
    expect(stored.get(names.privateKey)?.type).toBe('SecureString');
    expect(JSON.parse(stored.get(names.privateKey)?.value ?? '{}').d).toBeTruthy();
    expect(stored.get(names.publicKey)?.type).toBe('String');
    expect(JSON.parse(stored.get(names.publicKey)?.value ?? '{}')).not.toHaveProperty('d');
    expect(puts.filter((p) => p.name === names.privateKey)).toHaveLength(1);

    const jwt = await issueCredential({ ...input, signer: first });
    const publisher = await parameterSigner(client, { publicKey: names.publicKey });
    expect(publisher.kid).toBe(first.kid);
    const jwks = credentialJwks([await publisher.publicJwk()], BASE_URL);
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks));
    expect(payload.iss).toBe(`${BASE_URL}/api/credentials/issuer`);
    await expect(publisher.sign(new Uint8Array([1]))).rejects.toThrow(/only publishes/);
    // The function that publishes never asked for the private parameter.
    const asked = ssm.commandCalls(GetParameterCommand).map((call) => call.args[0].input.Name);
    expect(asked.filter((name) => name === names.privateKey)).toHaveLength(2);
  });

  it('takes the key of a cold start that made it first', async () => {
    const { stored } = parameterStore({ raceOnFirstPut: true });
    const signer = await parameterSigner(new SSMClient({ region: 'eu-central-1' }), names);
    expect(signer.kid).toBe(JSON.parse(stored.get(names.privateKey)?.value ?? '{}').kid);
  });

  it('publishes nothing before the first credential was signed, and signerFromEnv picks it by its variables', async () => {
    parameterStore();
    const client = new SSMClient({ region: 'eu-central-1' });
    await expect(
      signerFromEnv({ CREDENTIAL_PUBLIC_KEY_PARAMETER: names.publicKey }, undefined, () => client),
    ).rejects.toThrow(/not found/);
    const signing = await signerFromEnv(
      { CREDENTIAL_PUBLIC_KEY_PARAMETER: names.publicKey, CREDENTIAL_KEY_PARAMETER: names.privateKey },
      undefined,
      () => client,
    );
    const publishing = await signerFromEnv(
      { CREDENTIAL_PUBLIC_KEY_PARAMETER: names.publicKey },
      undefined,
      () => client,
    );
    expect(publishing.kid).toBe(signing.kid);
  });
});
