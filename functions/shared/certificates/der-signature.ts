/**
 * ECDSA signatures in the two encodings we meet: KMS returns DER (`SEQUENCE { r INTEGER, s INTEGER }`,
 * RFC 3279), JOSE wants the two integers as fixed-length big-endian octets side by side (r || s,
 * RFC 7518 §3.4). For P-256 each is 32 octets.
 */
export function derToJoseSignature(der: Uint8Array, size = 32): Uint8Array {
  const reader = new DerReader(der);
  reader.expect(0x30, 'a SEQUENCE');
  const sequenceLength = reader.length();
  if (sequenceLength !== der.length - reader.offset)
    throw new Error('DER signature: the SEQUENCE length does not match the signature');
  const r = reader.integer();
  const s = reader.integer();
  if (reader.offset !== der.length) throw new Error('DER signature: bytes after the two integers');
  const out = new Uint8Array(2 * size);
  out.set(fixed(r, size), 0);
  out.set(fixed(s, size), size);
  return out;
}

class DerReader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    const value = this.bytes[this.offset];
    if (value === undefined) throw new Error('DER signature: ends too early');
    this.offset++;
    return value;
  }

  expect(tag: number, what: string) {
    if (this.byte() !== tag) throw new Error(`DER signature: expected ${what}`);
  }

  /** Short form (< 128) or long form with one or two length octets; P-256 needs at most 72. */
  length(): number {
    const first = this.byte();
    if (first < 0x80) return first;
    const octets = first & 0x7f;
    if (octets < 1 || octets > 2) throw new Error('DER signature: unsupported length');
    let value = 0;
    for (let i = 0; i < octets; i++) value = (value << 8) | this.byte();
    return value;
  }

  integer(): Uint8Array {
    this.expect(0x02, 'an INTEGER');
    const length = this.length();
    if (length === 0 || this.offset + length > this.bytes.length)
      throw new Error('DER signature: bad INTEGER length');
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}

/** Drops DER's sign-padding zeros and left-pads to the fixed size. */
function fixed(integer: Uint8Array, size: number): Uint8Array {
  let start = 0;
  while (start < integer.length - 1 && integer[start] === 0) start++;
  const magnitude = integer.subarray(start);
  if (magnitude.length > size) throw new Error(`DER signature: an integer is longer than ${size} octets`);
  const out = new Uint8Array(size);
  out.set(magnitude, size - magnitude.length);
  return out;
}
