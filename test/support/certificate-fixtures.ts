import { crc32, deflateSync } from 'node:zlib';

/**
 * A small PNG logo drawn in code (a teal disc with a white ring), so certificate tests need no
 * binary fixture. RGBA, 8 bits per channel.
 */
export function logoPng(size = 96): Uint8Array {
  const row = 1 + size * 4;
  const raw = Buffer.alloc(row * size);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre) / (size / 2);
      const inside = distance <= 1;
      const ring = distance > 0.55 && distance < 0.7;
      const offset = y * row + 1 + x * 4;
      raw.set(ring ? [255, 255, 255, 255] : inside ? [20, 110, 120, 255] : [0, 0, 0, 0], offset);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
