import { createHash, createPrivateKey, sign as cryptoSign, type JsonWebKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importSPKI, type JWK } from 'jose';
import { derToJoseSignature } from './der-signature.ts';

/**
 * Who signs credentials (ES256). Locally a JWK file made on first start; on AWS a private JWK in
 * a SecureString parameter made on first use (default, free), or a KMS key whose private half
 * never leaves KMS (`-c lotse:credentialKey=kms`, $1 a month). Both give JOSE signatures (r || s) and the public JWK, whose
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
  return jwkSigner(JSON.parse(readFileSync(path, 'utf8')) as JWK, path);
}

/** Signs with a private P-256 JWK with a kid; `where` names its home in errors. */
function jwkSigner(jwk: JWK, where: string): Signer {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.kid)
    throw new Error(`${where} is not a P-256 private JWK with a kid (make one with createSigningKeyFile)`);
  const key = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  const kid = jwk.kid;
  return {
    kid,
    sign: async (data) => new Uint8Array(cryptoSign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })),
    publicJwk: async () => publicPart(jwk, kid),
  };
}

/** A new ES256 private JWK whose kid is its RFC 7638 thumbprint. */
async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { ...jwk, kid, alg: 'ES256', use: 'sig' };
}

/**
 * Makes an ES256 key pair and writes the private JWK (kid = thumbprint) readable by its owner only.
 * Does nothing if the file exists: the key that signed earlier credentials must stay.
 */
export async function createSigningKeyFile(path: string): Promise<{ created: boolean; kid: string }> {
  if (existsSync(path)) return { created: false, kid: fileSigner(path).kid };
  const jwk = await newPrivateJwk();
  const kid = jwk.kid as string;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // `wx`: if another process made the file meanwhile, keep theirs.
    writeFileSync(path, `${JSON.stringify(jwk, null, 2)}\n`, {
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

/** Where the parameter signer keeps its key: the private JWK (SecureString) and its public half (String). */
export interface CredentialKeyParameters {
  /** Only functions that sign may read it; absent for those that only publish the public key. */
  readonly privateKey?: string;
  readonly publicKey: string;
}

const isNotFound = (error: unknown) => (error as { name?: string }).name === 'ParameterNotFound';

/**
 * Signs with a private JWK kept in Parameter Store as a SecureString (encrypted with the account's
 * AWS managed key `aws/ssm`, free, like a standard parameter). CloudFormation cannot create a
 * SecureString, so the first signature makes the key: `Overwrite: false` lets exactly one of two
 * racing cold starts create it, and the loser reads the winner's. The public half goes to a plain
 * parameter, so the function that publishes it never holds the private key.
 *
 * Compared with the KMS key it replaces by default: the same ES256 credentials, but the private key
 * is readable by whoever may call ssm:GetParameter on it with decryption (the certifying function's
 * role, and account admins), where a KMS key is never readable at all; that KMS key alone was $1 of
 * an idle stage's bill (npm run cost), as much as everything else together.
 */
export async function parameterSigner(ssm: SSMClient, names: CredentialKeyParameters): Promise<Signer> {
  if (!names.privateKey) return publishingSigner(ssm, names.publicKey);
  const read = async (): Promise<JWK | undefined> => {
    try {
      const found = await ssm.send(new GetParameterCommand({ Name: names.privateKey, WithDecryption: true }));
      return JSON.parse(found.Parameter?.Value ?? 'null') as JWK;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  let jwk = await read();
  if (!jwk) {
    const made = await newPrivateJwk();
    try {
      await ssm.send(
        new PutParameterCommand({
          Name: names.privateKey,
          Type: 'SecureString',
          Value: JSON.stringify(made),
          Overwrite: false,
          Description: 'Lotse: private key that signs certificate credentials (made on first use)',
        }),
      );
      jwk = made;
    } catch (error) {
      if ((error as { name?: string }).name !== 'ParameterAlreadyExists') throw error;
      jwk = await read();
      if (!jwk) throw error;
    }
  }
  const signer = jwkSigner(jwk, `Parameter ${names.privateKey}`);
  // Written on every cold start that signs (same value each time), so a lost write heals itself.
  await ssm.send(
    new PutParameterCommand({
      Name: names.publicKey,
      Type: 'String',
      Value: JSON.stringify(await signer.publicJwk()),
      Overwrite: true,
    }),
  );
  return signer;
}

/** Only the public half, for verification pages; fails until the first credential was signed. */
async function publishingSigner(ssm: SSMClient, name: string): Promise<Signer> {
  const found = await ssm.send(new GetParameterCommand({ Name: name }));
  const jwk = JSON.parse(found.Parameter?.Value ?? 'null') as JWK | null;
  if (!jwk?.kid || jwk.d) throw new Error(`Parameter ${name} holds no public JWK with a kid`);
  const kid = jwk.kid;
  return {
    kid,
    sign: async () => {
      throw new Error('This function only publishes the public key; it cannot sign');
    },
    publicJwk: async () => publicPart(jwk, kid),
  };
}

const spkiPem = (der: Uint8Array): string =>
  `-----BEGIN PUBLIC KEY-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----`;

/**
 * The signer this deployment uses: `CREDENTIAL_KEY_ID` (AWS, a KMS key) → KMS;
 * `CREDENTIAL_PUBLIC_KEY_PARAMETER` (AWS, the default) → Parameter Store, signing when
 * `CREDENTIAL_KEY_PARAMETER` is set too; else `LOTSE_SIGNING_KEY_FILE` (local runtime) → the file.
 * Callers keep the result for the life of the function.
 */
export async function signerFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  kms: () => KMSClient = () => new KMSClient({}),
  ssm: () => SSMClient = () => new SSMClient({}),
): Promise<Signer> {
  if (env.CREDENTIAL_KEY_ID) return kmsSigner(kms(), env.CREDENTIAL_KEY_ID);
  if (env.CREDENTIAL_PUBLIC_KEY_PARAMETER)
    return parameterSigner(ssm(), {
      publicKey: env.CREDENTIAL_PUBLIC_KEY_PARAMETER,
      ...(env.CREDENTIAL_KEY_PARAMETER ? { privateKey: env.CREDENTIAL_KEY_PARAMETER } : {}),
    });
  if (env.LOTSE_SIGNING_KEY_FILE) return fileSigner(env.LOTSE_SIGNING_KEY_FILE);
  throw new Error(
    'No credential signing key: set CREDENTIAL_KEY_ID (a KMS key) or CREDENTIAL_PUBLIC_KEY_PARAMETER (Parameter Store) on AWS, or LOTSE_SIGNING_KEY_FILE (a JWK file) locally',
  );
}
