import { rightToLeftLocales } from '../contracts/form-definition.ts';

/**
 * The languages Lotse ships its own texts in (public page, volunteers' e-mails, field library):
 * those of the people the programmes serve. A form may offer other locales; they get English
 * built-in texts.
 */
export const shippedLocales = ['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru'] as const;

export type ShippedLocale = (typeof shippedLocales)[number];

/** Each language named in itself, so a visitor finds theirs whatever language the page is in. */
export const endonyms: Readonly<Record<ShippedLocale, string>> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  uk: 'Українська',
  tr: 'Türkçe',
  ru: 'Русский',
};

export const isShippedLocale = (locale: string): locale is ShippedLocale =>
  (shippedLocales as readonly string[]).includes(locale);

/** `ar-SY` -> `ar`; a locale Lotse does not ship -> English, the widest understood fallback. */
export function shippedLocaleFor(locale: string): ShippedLocale {
  if (isShippedLocale(locale)) return locale;
  const base = locale.split('-')[0]?.toLowerCase() ?? '';
  return isShippedLocale(base) ? base : 'en';
}

export const directionOf = (locale: string): 'rtl' | 'ltr' =>
  (rightToLeftLocales as readonly string[]).includes(locale.split('-')[0] ?? locale) ? 'rtl' : 'ltr';
