import { type ShippedLocale, shippedLocaleFor } from './locales.ts';

/**
 * The refusals of a request body that every function reading one may give (functions/shared/http/
 * json-body.ts), apart from the form's sentences in messages.ts: those 13, in seven languages, were
 * 18 kB of every bundle that reads a body, and only the submit and form routes say them.
 */
export const requestMessages = {
  bodyTooLarge: {
    de: 'Die Angaben sind zu umfangreich. Bitte kürzen Sie lange Texte.',
    en: 'The answers are too long. Please shorten long texts.',
    ar: 'الإجابات طويلة جدًا. يرجى تقصير النصوص الطويلة.',
    uk: 'Відповіді задовгі. Будь ласка, скоротіть довгі тексти.',
    fa: 'پاسخ‌ها بیش از حد طولانی است. لطفاً متن‌های طولانی را کوتاه‌تر کنید.',
    tr: 'Yanıtlar çok uzun. Lütfen uzun metinleri kısaltın.',
    ru: 'Ответы слишком длинные. Пожалуйста, сократите длинные тексты.',
  },
  notJson: {
    de: 'Die Anfrage hat das falsche Format (erwartet: JSON).',
    en: 'The request has the wrong format (expected: JSON).',
    ar: 'الطلب بتنسيق خاطئ (المتوقع: JSON).',
    uk: 'Запит має неправильний формат (очікується JSON).',
    fa: 'درخواست قالب نادرستی دارد (قالب مورد انتظار: JSON).',
    tr: 'İstek yanlış biçimde (beklenen: JSON).',
    ru: 'Запрос имеет неверный формат (ожидается JSON).',
  },
} as const satisfies Record<string, Record<ShippedLocale, string>>;

export function requestMessage(id: keyof typeof requestMessages, locale: string): string {
  return requestMessages[id][shippedLocaleFor(locale)];
}

/** The first language of an Accept-Language header, e.g. `ar` from `ar-SY,ar;q=0.9,en;q=0.8`. */
export const preferredLocale = (acceptLanguage: string | undefined): string =>
  acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().toLowerCase().split('-')[0] || 'en';
