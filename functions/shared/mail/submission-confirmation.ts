import { escapeHtml, type MailMessage } from '../adapters/mailer.ts';
import { rightToLeftLocales } from '../contracts/form-definition.ts';

const texts: Record<
  string,
  {
    subject: string;
    greeting: (name?: string) => string;
    body: string;
    receipt: string;
    next: string;
    footer: string;
  }
> = {
  de: {
    subject: 'Eingangsbestätigung',
    greeting: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
    body: 'vielen Dank! Ihre Angaben zum Formular „{title}“ sind bei uns eingegangen.',
    receipt: 'Ihre Eingangsnummer',
    next: 'Wir melden uns bei Ihnen. Bitte geben Sie die Eingangsnummer an, wenn Sie uns schreiben oder anrufen.',
    footer: 'Diese E-Mail wurde automatisch versendet.',
  },
  en: {
    subject: 'We have received your submission',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    body: 'thank you! We have received your answers to the form “{title}”.',
    receipt: 'Your receipt number',
    next: 'We will get in touch with you. Please quote the receipt number when you write or call us.',
    footer: 'This e-mail was sent automatically.',
  },
  ar: {
    subject: 'تأكيد الاستلام',
    greeting: (name) => (name ? `مرحبًا ${name}،` : 'مرحبًا،'),
    body: 'شكرًا لك! لقد استلمنا إجاباتك على النموذج «{title}».',
    receipt: 'رقم الاستلام الخاص بك',
    next: 'سنتواصل معك. يرجى ذكر رقم الاستلام عندما تكتب لنا أو تتصل بنا.',
    footer: 'تم إرسال هذا البريد الإلكتروني تلقائيًا.',
  },
  uk: {
    subject: 'Підтвердження отримання',
    greeting: (name) => (name ? `Вітаємо, ${name}!` : 'Вітаємо!'),
    body: 'Дякуємо! Ми отримали ваші відповіді на форму «{title}».',
    receipt: 'Ваш номер підтвердження',
    next: "Ми зв'яжемося з вами. Будь ласка, вказуйте номер підтвердження, коли пишете або телефонуєте нам.",
    footer: 'Цей лист надіслано автоматично.',
  },
};

/**
 * The confirmation to the person who submitted: in their language, readable on a phone, every
 * value they typed escaped, nothing personal in the subject (the first name appears in the body only).
 */
export function submissionConfirmationMail(input: {
  to: string;
  locale: string;
  firstName?: string;
  formTitle: string;
  receiptNumber: string;
  organisation: string;
  /** The form's own texts (placeholders filled): the subject, and the body instead of greeting, intro and next steps. */
  custom?: { subject?: string; body?: string };
}): MailMessage {
  const t = texts[input.locale] ?? texts.en ?? (texts.de as (typeof texts)['de']);
  const dir = (rightToLeftLocales as readonly string[]).includes(input.locale) ? 'rtl' : 'ltr';
  const subject = (input.custom?.subject ?? `${t.subject} ${input.receiptNumber} – ${input.organisation}`)
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 200);
  const body = t.body.replace('{title}', input.formTitle);
  const intro = input.custom?.body?.split(/\n\s*\n/) ?? [t.greeting(input.firstName), body];
  const next = input.custom?.body ? [] : [t.next, ''];
  const text = [
    intro.join('\n\n'),
    '',
    `${t.receipt}: ${input.receiptNumber}`,
    '',
    ...next,
    `— ${input.organisation}`,
    t.footer,
  ].join('\n');
  const html = `<!doctype html><html lang="${escapeHtml(input.locale)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#fff">
<main style="max-width:560px;margin:0 auto">
${intro.map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`).join('')}
<p>${escapeHtml(t.receipt)}:<br><strong style="font-size:24px;letter-spacing:2px;font-family:ui-monospace,Menlo,Consolas,monospace" dir="ltr">${escapeHtml(input.receiptNumber)}</strong></p>
${next.length ? `<p>${escapeHtml(t.next)}</p>` : ''}
<p>— ${escapeHtml(input.organisation)}</p><p style="color:#555;font-size:14px">${escapeHtml(t.footer)}</p>
</main></body></html>`;
  return { to: input.to, subject, text, html };
}
