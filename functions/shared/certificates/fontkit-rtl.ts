import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Glyph = ReturnType<ReturnType<Fontkit['create']>['layout']>['glyphs'][number];

/**
 * fontkit, with one change to what a PDF's text extraction sees. pdf-lib writes each glyph's code
 * points into the font's ToUnicode map. A right-to-left run is drawn reversed, so readers (pdf.js,
 * screen readers, copy and paste) reverse the extracted characters back; that also reverses the two
 * letters inside a ligature glyph, and the Arabic lam-alef "لا" came back as "ال". A ligature drawn
 * in a right-to-left run therefore maps to its letters in reverse, which the reader's reversal puts
 * right. The drawn glyphs are unchanged.
 */
export const rtlAwareFontkit: Fontkit = {
  create(buffer, postscriptName) {
    const font = fontkit.create(buffer, postscriptName);
    const layout = font.layout.bind(font);
    const reversed = new WeakSet<Glyph>();
    font.layout = (text, features) => {
      const run = layout(text, features);
      if (run.direction !== 'rtl') return run;
      for (const glyph of run.glyphs) {
        if (glyph.codePoints.length < 2 || reversed.has(glyph)) continue;
        glyph.codePoints = [...glyph.codePoints].reverse();
        reversed.add(glyph);
      }
      return run;
    };
    return font;
  },
};
