import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import { visualRuns } from './bidi-runs.ts';

/** Drawing one line of text in either direction, and fitting a text into a box of lines. */
export type Align = 'left' | 'center' | 'right';

export interface LineStyle {
  readonly font: PDFFont;
  readonly size: number;
  readonly color: RGB;
  /** The paragraph direction: the locale's for sentences, `auto` for data such as names. */
  readonly direction: 'ltr' | 'rtl' | 'auto';
}

export function lineWidth(text: string, style: Pick<LineStyle, 'font' | 'size' | 'direction'>): number {
  return visualRuns(text, style.direction).reduce(
    (sum, run) => sum + style.font.widthOfTextAtSize(run.text, style.size),
    0,
  );
}

/** Draws `text` so that `x` is its left edge, centre or right edge; returns its width. */
export function drawLine(
  page: PDFPage,
  text: string,
  x: number,
  y: number,
  align: Align,
  style: LineStyle,
): number {
  const runs = visualRuns(text, style.direction);
  const widths = runs.map((run) => style.font.widthOfTextAtSize(run.text, style.size));
  const total = widths.reduce((a, b) => a + b, 0);
  let cursor = align === 'left' ? x : align === 'center' ? x - total / 2 : x - total;
  runs.forEach((run, i) => {
    page.drawText(run.text, { x: cursor, y, size: style.size, font: style.font, color: style.color });
    cursor += widths[i] ?? 0;
  });
  return total;
}

export interface FitOptions {
  readonly maxSize: number;
  readonly minSize: number;
  readonly maxWidth: number;
  readonly maxLines: number;
}

/**
 * The largest size at which `text` wraps into at most `maxLines` lines of `maxWidth`; at the
 * smallest size, what does not fit is cut with an ellipsis (a programme title may be 4000
 * characters long; a certificate has room for two lines).
 */
export function fitLines(
  text: string,
  style: Pick<LineStyle, 'font' | 'direction'>,
  options: FitOptions,
): { lines: string[]; size: number } {
  const clean = text.replace(/\s+/g, ' ').trim();
  for (let size = options.maxSize; size >= options.minSize; size--) {
    const lines = wrap(clean, (t) => lineWidth(t, { ...style, size }), options.maxWidth);
    if (lines.length <= options.maxLines) return { lines, size };
  }
  const size = options.minSize;
  const measure = (t: string) => lineWidth(t, { ...style, size });
  const lines = wrap(clean, measure, options.maxWidth).slice(0, options.maxLines);
  const last = lines.length - 1;
  lines[last] = ellipsize(lines[last] ?? '', measure, options.maxWidth);
  return { lines, size };
}

function wrap(text: string, measure: (t: string) => number, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measure(candidate) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.flatMap((line) => (measure(line) > maxWidth ? breakWord(line, measure, maxWidth) : [line]));
}

/** A single word wider than the line (a long URL, a name without spaces) is cut between characters. */
function breakWord(word: string, measure: (t: string) => number, maxWidth: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of word) {
    if (current && measure(current + char) > maxWidth) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

function ellipsize(line: string, measure: (t: string) => number, maxWidth: number): string {
  let chars = [...line];
  while (chars.length > 0 && measure(`${chars.join('')}…`) > maxWidth) chars = chars.slice(0, -1);
  return `${chars.join('').trimEnd()}…`;
}
