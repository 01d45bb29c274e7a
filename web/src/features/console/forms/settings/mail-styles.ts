const marker = 'data-mail-style';
/** A style attribute in a start tag (text has its `<` escaped, so only tags match). */
const styleAttribute = /(<[a-z][a-z0-9-]*\s(?:[^>]*?\s)?)style=/gi;
const styleElement = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** A mail's HTML without its inline styles, and how to put them back into the preview's document. */
export interface DetachedStyles {
  /** The HTML with each style attribute renamed to data-mail-style and no <style> elements. */
  readonly markup: string;
  /** Gives the preview's document the styles again, through the CSSOM. */
  readonly apply: (document: Document) => void;
}

/**
 * Mails carry their styles inline (style="…", <style>), as mail clients need. The preview's srcdoc
 * frame inherits the console's Content-Security-Policy, whose style-src has no 'unsafe-inline', so the
 * browser would refuse them there. They are taken out of the markup as text (parsing it, even with
 * DOMParser, already counts as applying them) and set through the CSSOM once the frame has loaded,
 * which the policy does not restrict.
 */
export function detachStyles(html: string): DetachedStyles {
  const sheets: string[] = [];
  const markup = html
    .replace(styleElement, (_, css: string) => {
      sheets.push(css);
      return '';
    })
    .replace(styleAttribute, `$1${marker}=`);
  return {
    markup,
    apply(document) {
      for (const element of document.querySelectorAll<HTMLElement>(`[${marker}]`)) {
        element.style.cssText = element.getAttribute(marker) ?? '';
      }
      const view = document.defaultView;
      if (view && sheets.length > 0) {
        const sheet = new view.CSSStyleSheet();
        sheet.replaceSync(sheets.join('\n'));
        document.adoptedStyleSheets = [sheet];
      }
    },
  };
}
