import { escapeHtml, type MailMessage } from '../adapters/mailer.ts';
import { directionOf, type ShippedLocale, shippedLocaleFor } from '../i18n/locales.ts';
import { greeting, sentAutomatically } from './greeting.ts';

const texts: Record<ShippedLocale, { subject: string; body: string; receipt: string; next: string }> = {
  de: {
    subject: 'Eingangsbestätigung',
    body: 'vielen Dank! Ihre Angaben zum Formular „{title}“ sind bei uns eingegangen.',
    receipt: 'Ihre Eingangsnummer',
    next: 'Wir melden uns bei Ihnen. Bitte geben Sie die Eingangsnummer an, wenn Sie uns schreiben oder anrufen.',
  },
  en: {
    subject: 'We have received your submission',
    body: 'thank you! We have received your answers to the form “{title}”.',
    receipt: 'Your receipt number',
    next: 'We will get in touch with you. Please quote the receipt number when you write or call us.',
  },
  ar: {
    subject: 'تأكيد الاستلام',
    body: 'شكرًا لك! لقد استلمنا إجاباتك على النموذج «{title}».',
    receipt: 'رقم الاستلام الخاص بك',
    next: 'سنتواصل معك. يرجى ذكر رقم الاستلام عندما تكتب لنا أو تتصل بنا.',
  },
  fa: {
    subject: 'تأیید دریافت',
    body: 'سپاس‌گزاریم! پاسخ‌های شما به فرم «{title}» به دست ما رسید.',
    receipt: 'شماره پیگیری شما',
    next: 'ما با شما تماس می‌گیریم. لطفاً هر بار که برای ما می‌نویسید یا با ما تماس می‌گیرید، شماره پیگیری را بگویید.',
  },
  uk: {
    subject: 'Підтвердження отримання',
    body: 'Дякуємо! Ми отримали ваші відповіді на форму «{title}».',
    receipt: 'Ваш номер підтвердження',
    next: "Ми зв'яжемося з вами. Будь ласка, вказуйте номер підтвердження, коли пишете або телефонуєте нам.",
  },
  tr: {
    subject: 'Başvurunuz bize ulaştı',
    body: 'Teşekkür ederiz! “{title}” formuna verdiğiniz yanıtlar bize ulaştı.',
    receipt: 'Başvuru numaranız',
    next: 'Sizinle iletişime geçeceğiz. Bize yazdığınızda veya bizi aradığınızda lütfen başvuru numaranızı belirtin.',
  },
  ru: {
    subject: 'Подтверждение получения',
    body: 'Спасибо! Мы получили ваши ответы на форму «{title}».',
    receipt: 'Ваш номер подтверждения',
    next: 'Мы свяжемся с вами. Пожалуйста, называйте номер подтверждения, когда пишете или звоните нам.',
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
  const locale = shippedLocaleFor(input.locale);
  const t = texts[locale];
  const hello = greeting(locale, input.firstName);
  const footer = sentAutomatically[locale];
  const dir = directionOf(locale);
  const subject = (input.custom?.subject ?? `${t.subject} ${input.receiptNumber} – ${input.organisation}`)
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 200);
  const body = t.body.replace('{title}', input.formTitle);
  const intro = input.custom?.body?.split(/\n\s*\n/) ?? [hello, body];
  const next = input.custom?.body ? [] : [t.next, ''];
  const text = [
    intro.join('\n\n'),
    '',
    `${t.receipt}: ${input.receiptNumber}`,
    '',
    ...next,
    `— ${input.organisation}`,
    footer,
  ].join('\n');
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#fff">
<main style="max-width:560px;margin:0 auto">
${intro.map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`).join('')}
<p>${escapeHtml(t.receipt)}:<br><strong style="font-size:24px;letter-spacing:2px;font-family:ui-monospace,Menlo,Consolas,monospace" dir="ltr">${escapeHtml(input.receiptNumber)}</strong></p>
${next.length ? `<p>${escapeHtml(t.next)}</p>` : ''}
<p>— ${escapeHtml(input.organisation)}</p><p style="color:#555;font-size:14px">${escapeHtml(footer)}</p>
</main></body></html>`;
  return { to: input.to, subject, text, html };
}
