import { describe, expect, it } from 'vitest';
import { formatSender } from '../../functions/shared/adapters/mailer.ts';
import { ValidationError } from '../../functions/shared/domain/errors.ts';
import { contrastWithWhite, inspectLogo, settingsUpdate } from '../../functions/shared/domain/settings.ts';

/** The first bytes of each image type, as far as the header goes; the rest does not matter to the check. */
const jpeg = (width: number, height: number) => {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.alloc(19);
  sof.set([0xff, 0xc0, 0x00, 0x11, 0x08]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(64)]);
};
const webpExtended = (width: number, height: number) => {
  const b = Buffer.alloc(40);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(32, 4);
  b.write('WEBP', 8, 'latin1');
  b.write('VP8X', 12, 'latin1');
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
};
const webpLossless = (width: number, height: number) => {
  const b = Buffer.alloc(40);
  b.write('RIFF', 0, 'latin1');
  b.write('WEBP', 8, 'latin1');
  b.write('VP8L', 12, 'latin1');
  b[20] = 0x2f;
  b.writeUInt32LE((width - 1) | ((height - 1) << 14), 21);
  return b;
};

const refusal = (image: Buffer) => {
  try {
    inspectLogo(image);
  } catch (error) {
    return error instanceof ValidationError ? error.issues[0] : error;
  }
  return undefined;
};

describe('logo check', () => {
  it('reads type and size from JPEG and both WebP headers', () => {
    expect(inspectLogo(jpeg(300, 100))).toMatchObject({ contentType: 'image/jpeg', width: 300, height: 100 });
    expect(inspectLogo(webpExtended(640, 200))).toMatchObject({
      contentType: 'image/webp',
      width: 640,
      height: 200,
    });
    expect(inspectLogo(webpLossless(128, 64))).toMatchObject({
      contentType: 'image/webp',
      width: 128,
      height: 64,
    });
  });

  it('refuses SVG, GIF and renamed text whatever they claim, and oversized dimensions', () => {
    for (const image of [
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from('GIF89a\x10\x00\x10\x00'),
      Buffer.from('\x89PNG but not really'),
    ]) {
      expect(refusal(image)).toMatchObject({
        field: 'logo',
        message: expect.stringMatching(/PNG, JPEG or WebP/),
      });
    }
    expect(refusal(jpeg(5000, 100))).toMatchObject({
      field: 'logo',
      message: expect.stringMatching(/5000×100/),
    });
  });
});

describe('primary colour', () => {
  it('computes WCAG contrast against white', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#767676')).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite('#777777')).toBeLessThan(4.5);
  });

  it('accepts the darkest grey that passes and refuses the next lighter one, naming the field', () => {
    const base = { version: 0, name: 'N', senderName: 'N', locales: ['de'], auditRetentionDays: 365 };
    expect(settingsUpdate.safeParse({ ...base, primaryColour: '#767676' }).success).toBe(true);
    const refused = settingsUpdate.safeParse({ ...base, primaryColour: '#777777' });
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['primaryColour']);
  });
});

describe('sender', () => {
  it('quotes ASCII names, encodes others, and lets no line break through', () => {
    expect(formatSender('Stadt "Nord"', 'a@example.org')).toBe('"Stadt \\"Nord\\"" <a@example.org>');
    expect(formatSender('Zentrum Süd', 'a@example.org')).toBe(
      `=?UTF-8?B?${Buffer.from('Zentrum Süd').toString('base64')}?= <a@example.org>`,
    );
    expect(formatSender('A\r\nBcc: x@y', 'a@example.org')).toBe('"A Bcc: x@y" <a@example.org>');
  });
});
