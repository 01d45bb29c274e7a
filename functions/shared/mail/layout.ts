import { escapeHtml, type MailMessage } from '../adapters/mailer.ts';
import { rightToLeftLocales } from '../contracts/form-definition.ts';

/** One block of an e-mail: a paragraph, a list of label/value pairs, or buttons. */
export type Block =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'facts'; readonly facts: ReadonlyArray<readonly [string, string]> }
  | {
      readonly kind: 'buttons';
      readonly buttons: ReadonlyArray<{ readonly label: string; readonly url: string }>;
    };

/**
 * Renders an e-mail as HTML and plain text from blocks, so every value is escaped in one place,
 * the layout works on a phone (one column, large tap targets) and right-to-left languages get
 * dir="rtl". Line breaks are stripped from the subject, so no header can be injected through it.
 */
export function renderMail(input: {
  to: string;
  subject: string;
  locale: string;
  blocks: readonly Block[];
  footer: string;
}): MailMessage {
  const dir = (rightToLeftLocales as readonly string[]).includes(input.locale) ? 'rtl' : 'ltr';
  const subject = input.subject.replace(/[\r\n]+/g, ' ').slice(0, 200);
  const text = input.blocks
    .map((block) => {
      if (block.kind === 'text') return block.text;
      if (block.kind === 'facts') return block.facts.map(([label, value]) => `${label}: ${value}`).join('\n');
      return block.buttons.map((button) => `${button.label}:\n${button.url}`).join('\n\n');
    })
    .concat(['', input.footer])
    .join('\n\n');
  const html = input.blocks
    .map((block) => {
      if (block.kind === 'text') return `<p>${escapeHtml(block.text).replaceAll('\n', '<br>')}</p>`;
      if (block.kind === 'facts') {
        return `<table role="presentation" style="border-collapse:collapse;width:100%">${block.facts
          .map(
            ([label, value]) =>
              `<tr><th scope="row" style="text-align:start;vertical-align:top;padding:4px 8px 4px 0;color:#444;font-weight:600">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join('')}</table>`;
      }
      return `<p>${block.buttons
        .map(
          (button) =>
            `<a href="${escapeHtml(button.url)}" style="display:inline-block;margin:4px 8px 4px 0;padding:12px 20px;border-radius:6px;background:#0b5394;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(button.label)}</a>`,
        )
        .join(' ')}</p>`;
    })
    .join('\n');
  return {
    to: input.to,
    subject,
    text,
    html: `<!doctype html><html lang="${escapeHtml(input.locale)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">
<main style="max-width:560px;margin:0 auto">
${html}
<p style="color:#555;font-size:14px">${escapeHtml(input.footer)}</p>
</main></body></html>`,
  };
}
