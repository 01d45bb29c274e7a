import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { type CertificatePdfInput, renderCertificatePdf } from '#shared/certificates/pdf.ts';
import { logoPng } from '../support/certificate-fixtures.ts';

const base: CertificatePdfInput = {
  certificate: {
    number: 'LOTSE-2026-7K3M9QX2TB',
    name: 'Maria Müller-Lüdenscheidt',
    programme: 'Integrationslotsen Hannover',
    courseTitle: 'Vorbereitungskurs Frühjahr 2026',
    firstSession: '2026-03-03',
    lastSession: '2026-05-12',
    hours: 22.5,
    issuedAt: '2026-05-13T09:30:00.000Z',
  },
  organisation: { name: 'Freiwilligenagentur Lotse e. V.' },
  verifyUrl: 'http://127.0.0.1:3000/verify/LOTSE-2026-7K3M9QX2TB',
  locale: 'de',
};

const withName = (name: string, locale: string): CertificatePdfInput => ({
  ...base,
  certificate: { ...base.certificate, name },
  locale,
});

interface Extracted {
  readonly lines: string[];
  readonly info: Record<string, unknown>;
  readonly images: number;
}

/** The page's text as lines (pdf.js items joined by their baseline) and the document info. */
async function extract(bytes: Uint8Array): Promise<Extracted> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  const byBaseline = new Map<number, string[]>();
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const y = Math.round(item.transform[5] as number);
    byBaseline.set(y, [...(byBaseline.get(y) ?? []), item.str]);
  }
  const operators = await page.getOperatorList();
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const images = operators.fnArray.filter((op) => op === OPS.paintImageXObject).length;
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return {
    lines: [...byBaseline.values()].map((parts) => parts.join('')),
    info: info as Record<string, unknown>,
    images,
  };
}

/** Arabic may come back as presentation forms; NFKC folds them to the letters typed. */
const normalise = (text: string) => text.normalize('NFKC').replace(/[\u200e\u200f]/g, '');
const containsLine = (lines: string[], expected: string) =>
  lines.some((line) => normalise(line).includes(normalise(expected)));

describe('certificate PDF', () => {
  it('prints name, programme, course, period, hours and number of a Latin-script certificate', async () => {
    const started = performance.now();
    const bytes = await renderCertificatePdf(base);
    const ms = performance.now() - started;
    console.info(
      `certificate PDF: ${bytes.length} bytes, rendered in ${ms.toFixed(0)} ms (cold, fonts read and subset)`,
    );
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const { lines, info } = await extract(bytes);
    for (const expected of [
      'ZERTIFIKAT',
      'Maria Müller-Lüdenscheidt',
      'für die erfolgreiche Teilnahme an',
      'Integrationslotsen Hannover',
      'Vorbereitungskurs Frühjahr 2026',
      'Zeitraum: 3. März 2026 – 12. Mai 2026',
      'Umfang: 22,5 Stunden',
      'Ausgestellt am 13. Mai 2026',
      'LOTSE-2026-7K3M9QX2TB',
      'http://127.0.0.1:3000/verify/LOTSE-2026-7K3M9QX2TB',
      'Freiwilligenagentur Lotse e. V.',
    ])
      expect(lines, expected).toContainEqual(expect.stringContaining(expected));
    // The metadata says what the certificate is and who issued it, not whom it is for.
    expect(info.Title).toBe('Zertifikat LOTSE-2026-7K3M9QX2TB');
    expect(info.Author).toBe('Freiwilligenagentur Lotse e. V.');
    expect(info.Language).toBe('de');
    expect(JSON.stringify(info)).not.toContain('Maria');
  });

  it('writes a Cyrillic name with the Ukrainian texts', async () => {
    const { lines } = await extract(await renderCertificatePdf(withName('Олена Коваленко', 'uk')));
    for (const expected of [
      'СЕРТИФІКАТ',
      'Олена Коваленко',
      'за успішну участь у',
      'Integrationslotsen Hannover',
      'Період: 3 березня 2026 р. – 12 травня 2026 р.',
      'Обсяг: 22,5 год.',
      'LOTSE-2026-7K3M9QX2TB',
    ])
      expect(lines, expected).toContainEqual(expect.stringContaining(expected));
  });

  it('writes an Arabic name shaped and in reading order, and Latin values in an Arabic line the right way round', async () => {
    const arabic = withName('أحمد الحسن', 'ar');
    const { lines } = await extract(
      await renderCertificatePdf({
        ...arabic,
        certificate: { ...arabic.certificate, programme: 'مرشدو الاندماج' },
      }),
    );
    // pdf.js gives right-to-left text back in logical order; these are the strings as typed.
    for (const expected of [
      'شهادة',
      'أحمد الحسن',
      'تقديرًا للمشاركة الناجحة في',
      'مرشدو الاندماج',
      'عدد الساعات: 22.5',
      // Two lam-alef ligatures: their letters must come back in reading order too.
      'تاريخ الإصدار',
      'LOTSE-2026-7K3M9QX2TB',
    ])
      expect(containsLine(lines, expected), `${expected} in ${JSON.stringify(lines)}`).toBe(true);
    // A left-to-right value on the right-to-left page keeps its punctuation where it belongs.
    expect(lines).toContainEqual(expect.stringContaining('Freiwilligenagentur Lotse e. V.'));
    expect(lines.some((line) => line.includes('.Freiwilligenagentur'))).toBe(false);
  });

  it('embeds the logo next to the QR code when the organisation has a PNG one, and skips a WebP one', async () => {
    const withLogo = await renderCertificatePdf({
      ...base,
      organisation: { ...base.organisation, logo: { bytes: logoPng(), contentType: 'image/png' } },
    });
    const withWebp = await renderCertificatePdf({
      ...base,
      organisation: {
        ...base.organisation,
        logo: { bytes: new Uint8Array([1, 2, 3]), contentType: 'image/webp' },
      },
    });
    expect((await extract(withLogo)).images).toBe(2);
    expect((await extract(withWebp)).images).toBe(1);
    expect((await extract(await renderCertificatePdf(base))).images).toBe(1);
  });

  it('fits a very long programme title into two lines instead of running off the page', async () => {
    const long = 'Ausbildung zur Integrationslotsin und zum Integrationslotsen '.repeat(12);
    const { lines } = await extract(
      await renderCertificatePdf({ ...base, certificate: { ...base.certificate, programme: long } }),
    );
    const programmeLines = lines.filter((line) => line.includes('Integrationslots'));
    expect(programmeLines).toHaveLength(2);
    expect(programmeLines[1]).toMatch(/…$/);
  });
});
