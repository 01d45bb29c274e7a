import { type PDFDocument as Doc, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Certificate } from '../domain/course-model.ts';
import { directionOf, type ShippedLocale, shippedLocaleFor } from '../i18n/locales.ts';
import { rtlAwareFontkit } from './fontkit-rtl.ts';
import { certificateFont } from './fonts.ts';
import { type Align, drawLine, fitLines, type LineStyle } from './pdf-lines.ts';
import { certificateTexts, formatCertificateDate, formatHours } from './pdf-texts.ts';

export interface CertificateLogo {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export interface CertificatePdfInput {
  readonly certificate: Pick<
    Certificate,
    'number' | 'name' | 'programme' | 'courseTitle' | 'firstSession' | 'lastSession' | 'hours' | 'issuedAt'
  >;
  readonly organisation: { readonly name: string; readonly logo?: CertificateLogo | undefined };
  /** The public verification page, `<PUBLIC_BASE_URL>/verify/<number>`; printed and in the QR code. */
  readonly verifyUrl: string;
  /** The certificate's language; one Lotse does not ship falls back as the e-mails do. */
  readonly locale: string;
}

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape
const ACCENT = rgb(0.1, 0.29, 0.45);
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.4, 0.44);

/**
 * A certificate as a one-page A4 PDF: organisation and logo, title, the holder's name, programme and
 * course, period, hours, issue date, a signature line, the number and a QR code to the verification
 * page. Fonts are DejaVu Sans, embedded as subsets. Right-to-left languages mirror the page.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const locale = shippedLocaleFor(input.locale);
  const doc = await PDFDocument.create();
  doc.registerFontkit(rtlAwareFontkit);
  // Fixed subset names (a six-letter tag, as PDF wants) instead of pdf-lib's random suffix, so the
  // same certificate renders to the same bytes.
  const regular = await doc.embedFont(certificateFont('regular'), {
    subset: true,
    customName: 'LTSCRA+DejaVuSans',
  });
  const bold = await doc.embedFont(certificateFont('bold'), {
    subset: true,
    customName: 'LTSCRB+DejaVuSans-Bold',
  });
  setMetadata(doc, input, locale);

  const page = doc.addPage([PAGE.width, PAGE.height]);
  const canvas = new Canvas(page, directionOf(locale), regular, bold);
  drawFrame(page);
  const y = await drawHeader(doc, canvas, input.organisation);
  drawBody(canvas, input, locale, y);
  await drawFooter(doc, canvas, input, locale);
  return doc.save();
}

function setMetadata(doc: Doc, input: CertificatePdfInput, locale: ShippedLocale) {
  const issued = new Date(input.certificate.issuedAt);
  // Only what is printed anyway, and not the name: file indexes and previews show these fields.
  doc.setTitle(`${certificateTexts[locale].title} ${input.certificate.number}`);
  doc.setAuthor(input.organisation.name);
  doc.setSubject(input.certificate.programme);
  doc.setCreator('Lotse');
  doc.setProducer('Lotse');
  doc.setLanguage(locale);
  doc.setKeywords([input.certificate.number]);
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
}

/** Positions in reading order: `start` is the left edge in left-to-right languages, the right edge otherwise. */
class Canvas {
  readonly centre = PAGE.width / 2;
  constructor(
    readonly page: PDFPage,
    readonly direction: 'ltr' | 'rtl',
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}

  /** A sentence in the certificate's language. */
  style(size: number, weight: 'regular' | 'bold' = 'regular', color = INK): LineStyle {
    return { font: weight === 'bold' ? this.bold : this.regular, size, color, direction: this.direction };
  }

  /** A value (name, title, number, address) that runs in its own direction whatever the language. */
  data(size: number, weight: 'regular' | 'bold' = 'regular', color = INK): LineStyle {
    return { ...this.style(size, weight, color), direction: 'auto' };
  }

  /** x measured from the reading start; alignment follows the reading direction. */
  fromStart(offset: number): { x: number; align: Align } {
    return this.direction === 'ltr'
      ? { x: offset, align: 'left' }
      : { x: PAGE.width - offset, align: 'right' };
  }

  fromEnd(offset: number): { x: number; align: Align } {
    return this.direction === 'ltr'
      ? { x: PAGE.width - offset, align: 'right' }
      : { x: offset, align: 'left' };
  }

  centred(text: string, y: number, style: LineStyle) {
    drawLine(this.page, text, this.centre, y, 'center', style);
  }
}

function drawFrame(page: PDFPage) {
  const outer = 22;
  const inner = 30;
  page.drawRectangle({
    x: outer,
    y: outer,
    width: PAGE.width - 2 * outer,
    height: PAGE.height - 2 * outer,
    borderColor: ACCENT,
    borderWidth: 2.5,
  });
  page.drawRectangle({
    x: inner,
    y: inner,
    width: PAGE.width - 2 * inner,
    height: PAGE.height - 2 * inner,
    borderColor: ACCENT,
    borderWidth: 0.6,
  });
}

/** Logo (PNG or JPEG) and organisation name; returns the y below them. */
async function drawHeader(doc: Doc, canvas: Canvas, organisation: CertificatePdfInput['organisation']) {
  let top = PAGE.height - 52;
  const logo = organisation.logo ? await embedLogo(doc, organisation.logo) : undefined;
  if (logo) {
    const scale = Math.min(52 / logo.height, 180 / logo.width, 1);
    const width = logo.width * scale;
    const height = logo.height * scale;
    canvas.page.drawImage(logo, { x: canvas.centre - width / 2, y: top - height, width, height });
    top -= height + 8;
  }
  const fitted = fitLines(organisation.name, canvas.data(15, 'bold'), {
    maxSize: 15,
    minSize: 10,
    maxWidth: 600,
    maxLines: 1,
  });
  canvas.centred(fitted.lines[0] ?? '', top - fitted.size, canvas.data(fitted.size, 'bold', ACCENT));
  return top - fitted.size - 10;
}

/**
 * pdf-lib embeds PNG and JPEG only. A WebP logo (the settings accept it for web pages) cannot be
 * embedded, so such a certificate shows the organisation's name without the logo.
 */
async function embedLogo(doc: Doc, logo: CertificateLogo) {
  const type = logo.contentType.toLowerCase().split(';')[0]?.trim();
  if (type === 'image/png') return doc.embedPng(logo.bytes);
  if (type === 'image/jpeg' || type === 'image/jpg') return doc.embedJpg(logo.bytes);
  return undefined;
}

function drawBody(canvas: Canvas, input: CertificatePdfInput, locale: ShippedLocale, top: number): number {
  const texts = certificateTexts[locale];
  const { certificate } = input;
  let y = Math.min(top - 44, 440);
  canvas.centred(texts.title.toLocaleUpperCase(locale), y, canvas.style(38, 'bold', ACCENT));
  // A German employer recognises the document whatever its language.
  if (locale !== 'de') canvas.centred(certificateTexts.de.title, y - 18, canvas.style(10, 'regular', MUTED));
  y -= 66;

  const name = fitLines(certificate.name, canvas.data(34, 'bold'), {
    maxSize: 34,
    minSize: 16,
    maxWidth: 680,
    maxLines: 1,
  });
  canvas.centred(name.lines[0] ?? '', y, canvas.data(name.size, 'bold'));
  canvas.page.drawLine({
    start: { x: canvas.centre - 200, y: y - 12 },
    end: { x: canvas.centre + 200, y: y - 12 },
    thickness: 0.6,
    color: MUTED,
  });
  y -= 38;
  canvas.centred(texts.participation, y, canvas.style(13, 'regular', MUTED));
  y -= 28;
  y = drawBlock(canvas, certificate.programme, y, { maxSize: 20, minSize: 12, bold: true });
  y = drawBlock(canvas, certificate.courseTitle, y - 2, { maxSize: 14, minSize: 10, bold: false });

  const period = `${texts.period}: ${formatCertificateDate(certificate.firstSession, locale)} – ${formatCertificateDate(certificate.lastSession, locale)}`;
  canvas.centred(period, y - 8, canvas.style(12));
  canvas.centred(
    texts.hours(formatHours(certificate.hours, locale), certificate.hours),
    y - 26,
    canvas.style(12),
  );
  return y - 26;
}

function drawBlock(
  canvas: Canvas,
  text: string,
  y: number,
  options: { maxSize: number; minSize: number; bold: boolean },
): number {
  const weight = options.bold ? 'bold' : 'regular';
  const fitted = fitLines(text, canvas.data(options.maxSize, weight), {
    maxSize: options.maxSize,
    minSize: options.minSize,
    maxWidth: 660,
    maxLines: 2,
  });
  let line = y;
  for (const text of fitted.lines) {
    canvas.centred(text, line, canvas.data(fitted.size, weight));
    line -= fitted.size * 1.3;
  }
  return line;
}

/** Issue date and signature line at the reading start; number, link and QR code at the end. */
async function drawFooter(doc: Doc, canvas: Canvas, input: CertificatePdfInput, locale: ShippedLocale) {
  const texts = certificateTexts[locale];
  const { page } = canvas;
  const issued = canvas.fromStart(80);
  drawLine(
    page,
    `${texts.issuedOn} ${formatCertificateDate(input.certificate.issuedAt, locale)}`,
    issued.x,
    128,
    issued.align,
    canvas.style(11),
  );
  const lineStart = canvas.direction === 'ltr' ? 80 : PAGE.width - 300;
  page.drawLine({
    start: { x: lineStart, y: 92 },
    end: { x: lineStart + 220, y: 92 },
    thickness: 0.8,
    color: INK,
  });
  drawLine(page, texts.signature, issued.x, 78, issued.align, canvas.style(10, 'regular', MUTED));
  drawLine(page, input.organisation.name, issued.x, 64, issued.align, canvas.data(9, 'regular', MUTED));

  const qrSize = 86;
  const qr = await doc.embedPng(
    await QRCode.toBuffer(input.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 6 }),
  );
  const qrX = canvas.direction === 'ltr' ? PAGE.width - 60 - qrSize : 60;
  page.drawImage(qr, { x: qrX, y: 52, width: qrSize, height: qrSize });
  const info = canvas.fromEnd(60 + qrSize + 12);
  drawLine(page, texts.number, info.x, 124, info.align, canvas.style(9, 'regular', MUTED));
  drawLine(page, input.certificate.number, info.x, 110, info.align, canvas.data(11, 'bold'));
  drawLine(page, texts.verify, info.x, 88, info.align, canvas.style(9, 'regular', MUTED));
  const url = fitLines(input.verifyUrl, canvas.data(8), {
    maxSize: 8,
    minSize: 6,
    maxWidth: 250,
    maxLines: 2,
  });
  url.lines.forEach((line, i) => {
    drawLine(page, line, info.x, 76 - i * (url.size + 2), info.align, canvas.data(url.size));
  });
}
