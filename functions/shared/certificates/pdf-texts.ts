import type { ShippedLocale } from '../i18n/locales.ts';

/**
 * The printed words of a certificate in each shipped language. The phrase before the programme is a
 * noun phrase ("for successful participation in") because it needs no grammatical gender of the
 * holder, which Arabic, Russian and Ukrainian verbs would.
 */
export interface CertificateTexts {
  readonly title: string;
  readonly participation: string;
  readonly period: string;
  readonly hours: (formatted: string, value: number) => string;
  readonly issuedOn: string;
  readonly signature: string;
  readonly number: string;
  readonly verify: string;
}

export const certificateTexts: Readonly<Record<ShippedLocale, CertificateTexts>> = {
  de: {
    title: 'Zertifikat',
    participation: 'für die erfolgreiche Teilnahme an',
    period: 'Zeitraum',
    hours: (h, n) => `Umfang: ${h} ${n === 1 ? 'Stunde' : 'Stunden'}`,
    issuedOn: 'Ausgestellt am',
    signature: 'Kursleitung',
    number: 'Zertifikatsnummer',
    verify: 'Echtheit prüfen',
  },
  en: {
    title: 'Certificate',
    participation: 'for successfully taking part in',
    period: 'Period',
    hours: (h, n) => `Duration: ${h} ${n === 1 ? 'hour' : 'hours'}`,
    issuedOn: 'Issued on',
    signature: 'Course coordinator',
    number: 'Certificate number',
    verify: 'Verify at',
  },
  ar: {
    title: 'شهادة',
    participation: 'تقديرًا للمشاركة الناجحة في',
    period: 'الفترة',
    hours: (h) => `عدد الساعات: ${h}`,
    issuedOn: 'تاريخ الإصدار',
    signature: 'منسق الدورة',
    number: 'رقم الشهادة',
    verify: 'التحقق من الصحة',
  },
  fa: {
    title: 'گواهی‌نامه',
    participation: 'به پاس شرکت موفق در',
    period: 'دوره زمانی',
    hours: (h) => `تعداد ساعت‌ها: ${h}`,
    issuedOn: 'تاریخ صدور',
    signature: 'هماهنگ‌کننده دوره',
    number: 'شماره گواهی‌نامه',
    verify: 'بررسی اعتبار',
  },
  uk: {
    title: 'Сертифікат',
    participation: 'за успішну участь у',
    period: 'Період',
    hours: (h) => `Обсяг: ${h} год.`,
    issuedOn: 'Дата видачі',
    signature: 'Координатор курсу',
    number: 'Номер сертифіката',
    verify: 'Перевірити справжність',
  },
  tr: {
    title: 'Sertifika',
    participation: 'Aşağıdaki programa başarılı katılımı için',
    period: 'Dönem',
    hours: (h) => `Süre: ${h} saat`,
    issuedOn: 'Düzenlenme tarihi',
    signature: 'Kurs koordinatörü',
    number: 'Sertifika numarası',
    verify: 'Doğrulama',
  },
  ru: {
    title: 'Сертификат',
    participation: 'за успешное участие в',
    period: 'Период',
    hours: (h) => `Объём: ${h} ч.`,
    issuedOn: 'Дата выдачи',
    signature: 'Координатор курса',
    number: 'Номер сертификата',
    verify: 'Проверить подлинность',
  },
};

/**
 * Dates on the Gregorian calendar with Latin digits in every language: the certificate is read by
 * employers here as much as by its holder, and its dates must match the verification page. (Persian
 * would otherwise default to the Solar Hijri calendar.)
 */
export function formatCertificateDate(isoDate: string, locale: ShippedLocale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    calendar: 'gregory',
    numberingSystem: 'latn',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}

export const formatHours = (hours: number, locale: ShippedLocale): string =>
  new Intl.NumberFormat(locale, { numberingSystem: 'latn', maximumFractionDigits: 2 }).format(hours);
