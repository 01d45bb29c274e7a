import { randomInt } from 'node:crypto';

/**
 * Certificate numbers: `LOTSE-<year>-<10 random Crockford base32 characters>`. Fifty random bits
 * make a number impossible to guess, which matters because the public verification page shows the
 * holder's name to anyone who has the number. Crockford's alphabet has no I, L, O or U, so a number
 * read aloud or typed from paper is not mistaken.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LENGTH = 10;
const pattern = /^LOTSE-\d{4}-[0-9A-HJKMNP-TV-Z]{10}$/;

export function newCertificateNumber(now: Date): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `LOTSE-${now.getUTCFullYear()}-${random}`;
}

/** Whether a string has the shape of a certificate number (checked before any lookup). */
export const looksLikeCertificateNumber = (value: string): boolean => pattern.test(value);

/**
 * A number as typed from paper: any case, surrounding spaces, and Crockford's look-alikes in the
 * random part (O for 0, I and L for 1).
 */
export function normaliseCertificateNumber(value: string): string {
  const upper = value.trim().toUpperCase();
  const match = /^(LOTSE-\d{4}-)(.*)$/.exec(upper);
  if (!match) return upper;
  return `${match[1]}${(match[2] ?? '').replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}
