import { escapeHtml, type MailMessage } from '../adapters/mailer.ts';

const texts = {
  de: {
    subject: 'Lotse: Systemprüfung',
    intro: 'diese E-Mail bestätigt, dass Daten, Abläufe und E-Mail-Versand von Lotse zusammen funktionieren.',
    action: 'Geben Sie diesen Code ein, um die Prüfung abzuschließen:',
    ignore: 'Wenn Sie keine Prüfung gestartet haben, können Sie diese E-Mail ignorieren.',
    greeting: 'Hallo,',
  },
  en: {
    subject: 'Lotse: system check',
    intro: 'this e-mail confirms that data, workflows and mail delivery of Lotse work together.',
    action: 'Enter this code to finish the check:',
    ignore: 'If you did not start a check, you can ignore this e-mail.',
    greeting: 'Hello,',
  },
} as const;

/** The check e-mail: short, readable on a phone, the code in large type. No personal data in the subject. */
export function systemCheckMail(input: {
  to: string;
  locale: 'de' | 'en';
  code: string;
  organisation: string;
  checkUrl: string;
}): MailMessage {
  const t = texts[input.locale];
  const org = escapeHtml(input.organisation);
  const text = [
    t.greeting,
    '',
    t.intro,
    '',
    t.action,
    '',
    `    ${input.code}`,
    '',
    input.checkUrl,
    '',
    t.ignore,
    '',
    `— ${input.organisation}`,
  ].join('\n');
  const html = `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t.subject)}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">
<main style="max-width:560px;margin:0 auto">
<p>${escapeHtml(t.greeting)}</p><p>${escapeHtml(t.intro)}</p><p>${escapeHtml(t.action)}</p>
<p style="font-size:28px;font-weight:700;letter-spacing:4px;font-family:ui-monospace,Menlo,Consolas,monospace">${escapeHtml(input.code)}</p>
<p><a href="${escapeHtml(input.checkUrl)}">${escapeHtml(input.checkUrl)}</a></p>
<p style="color:#555">${escapeHtml(t.ignore)}</p><p>— ${org}</p>
</main></body></html>`;
  return { to: input.to, subject: t.subject, text, html };
}
