import { createHash, createPrivateKey, sign as cryptoSign, type JsonWebKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importSPKI, type JWK } from 'jose';
import { derToJoseSignature } from './der-signature.ts';

/**
 * Who signs credentials (ES256). Locally a JWK file made on first start; on AWS a KMS key whose
 * private half never leaves KMS. Both give JOSE signatures (r || s) and the public JWK, whose
 * RFC 7638 thumbprint is the key id.
 */
export interface Signer {
  readonly kid: string;
  /** The JWS signature of `data` (the signing input `header.payload`): r || s, 64 octets. */
  sign(data: Uint8Array): Promise<Uint8Array>;
  /** The public key, with `kid`, `alg` and `use`, never `d`. */
  publicJwk(): Promise<JWK>;
}

const publicPart = (jwk: JWK, kid: string): JWK => ({
  kty: jwk.kty,
  crv: jwk.crv,
  x: jwk.x,
  y: jwk.y,
  kid,
  alg: 'ES256',
  use: 'sig',
});

/** Signs with the private JWK in `path` (written by createSigningKeyFile). */
export function fileSigner(path: string): Signer {
  const jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.kid)
    throw new Error(`${path} is not a P-256 private JWK with a kid (make one with createSigningKeyFile)`);
  const key = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  const kid = jwk.kid;
  return {
    kid,
    sign: async (data) => new Uint8Array(cryptoSign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })),
    publicJwk: async () => publicPart(jwk, kid),
  };
}

/**
 * Makes an ES256 key pair and writes the private JWK (kid = thumbprint) readable by its owner only.
 * Does nothing if the file exists: the key that signed earlier credentials must stay.
 */
export async function createSigningKeyFile(path: string): Promise<{ created: boolean; kid: string }> {
  if (existsSync(path)) return { created: false, kid: fileSigner(path).kid };
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // `wx`: if another process made the file meanwhile, keep theirs.
    writeFileSync(path, `${JSON.stringify({ ...jwk, kid, alg: 'ES256', use: 'sig' }, null, 2)}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { created: false, kid: fileSigner(path).kid };
  }
  return { created: true, kid };
}

/**
 * Signs with an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY). KMS is sent the SHA-256 digest
 * (MessageType DIGEST: no 4 KB message limit, and the credential never leaves the function) and
 * answers in DER, which becomes r || s. Reads the public key once, to know the kid.
 */
export async function kmsSigner(client: KMSClient, keyId: string): Promise<Signer> {
  const response = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!response.PublicKey || response.KeySpec !== 'ECC_NIST_P256' || response.KeyUsage !== 'SIGN_VERIFY')
    throw new Error(
      `KMS key ${keyId} is not an ECC_NIST_P256 SIGN_VERIFY key (KeySpec ${response.KeySpec}, KeyUsage ${response.KeyUsage})`,
    );
  const jwk = await exportJWK(await importSPKI(spkiPem(response.PublicKey), 'ES256', { extractable: true }));
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return {
    kid,
    async sign(data) {
      const signed = await client.send(
        new SignCommand({
          KeyId: keyId,
          Message: createHash('sha256').update(data).digest(),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      if (!signed.Signature) throw new Error(`KMS returned no signature for key ${keyId}`);
      return derToJoseSignature(signed.Signature);
    },
    publicJwk: async () => publicPart(jwk, kid),
  };
}

const spkiPem = (der: Uint8Array): string =>
  `-----BEGIN PUBLIC KEY-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----`;

/**
 * The signer this deployment uses: `CREDENTIAL_KEY_ID` (AWS) → KMS, else `LOTSE_SIGNING_KEY_FILE`
 * (local runtime) → the file. Callers keep the result for the life of the function.
 */
export async function signerFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  kms: () => KMSClient = () => new KMSClient({}),
): Promise<Signer> {
  if (env.CREDENTIAL_KEY_ID) return kmsSigner(kms(), env.CREDENTIAL_KEY_ID);
  if (env.LOTSE_SIGNING_KEY_FILE) return fileSigner(env.LOTSE_SIGNING_KEY_FILE);
  throw new Error(
    'No credential signing key: set CREDENTIAL_KEY_ID (a KMS key, on AWS) or LOTSE_SIGNING_KEY_FILE (a JWK file, locally)',
  );
}
