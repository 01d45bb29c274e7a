import type { ShippedLocale } from '../i18n/locales.ts';

/** How a volunteer's e-mail opens, with their first name when we have it (punctuation per language). */
const greetings: Record<ShippedLocale, (name?: string) => string> = {
  de: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
  en: (name) => (name ? `Hello ${name},` : 'Hello,'),
  ar: (name) => (name ? `مرحبًا ${name}،` : 'مرحبًا،'),
  fa: (name) => (name ? `سلام ${name}،` : 'سلام،'),
  uk: (name) => (name ? `Вітаємо, ${name}!` : 'Вітаємо!'),
  tr: (name) => (name ? `Merhaba ${name},` : 'Merhaba,'),
  ru: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
};

export const greeting = (locale: ShippedLocale, name?: string): string => greetings[locale](name);

/** The last line of every volunteer's e-mail. */
export const sentAutomatically: Record<ShippedLocale, string> = {
  de: 'Diese E-Mail wurde automatisch versendet.',
  en: 'This e-mail was sent automatically.',
  ar: 'تم إرسال هذا البريد الإلكتروني تلقائيًا.',
  fa: 'این ایمیل به‌طور خودکار فرستاده شده است.',
  uk: 'Цей лист надіслано автоматично.',
  tr: 'Bu e-posta otomatik olarak gönderildi.',
  ru: 'Это письмо отправлено автоматически.',
};

/**
 * "— <organisation>. <text>": the sign-off line. A name that already ends in a full stop
 * ("Freiwilligenagentur e.V.") gets no second one.
 */
export const signOff = (organisation: string, text: string): string =>
  `— ${organisation}${/[.!?。]$/.test(organisation.trim()) ? '' : '.'} ${text}`;
