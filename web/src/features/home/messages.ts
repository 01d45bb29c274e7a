/** The home page's own words, in the languages an organisation offers most; others fall back to English. */
export interface HomeMessages {
  readonly intro: string;
  readonly forms: string;
  readonly noForms: string;
  readonly loading: string;
  readonly failed: string;
  readonly language: string;
  readonly privacy: string;
  readonly imprint: string;
  readonly staff: string;
  readonly onlyIn: string;
}

const messages: Readonly<Record<string, HomeMessages>> = {
  de: {
    intro: 'Hier finden Sie unsere Formulare. Wählen Sie eines aus, um es auszufüllen.',
    forms: 'Formulare',
    noForms: 'Zurzeit sind keine Formulare geöffnet.',
    loading: 'Wird geladen …',
    failed: 'Die Seite konnte nicht geladen werden. Bitte versuchen Sie es später noch einmal.',
    language: 'Sprache',
    privacy: 'Datenschutz',
    imprint: 'Impressum',
    staff: 'Anmeldung für Mitarbeitende',
    onlyIn: 'Verfügbar auf',
  },
  en: {
    intro: 'Here you find our forms. Choose one to fill it in.',
    forms: 'Forms',
    noForms: 'No forms are open at the moment.',
    loading: 'Loading …',
    failed: 'The page could not be loaded. Please try again later.',
    language: 'Language',
    privacy: 'Privacy notice',
    imprint: 'Imprint',
    staff: 'Staff sign-in',
    onlyIn: 'Available in',
  },
  ar: {
    intro: 'تجد هنا نماذجنا. اختر نموذجًا لتعبئته.',
    forms: 'النماذج',
    noForms: 'لا توجد نماذج متاحة حاليًا.',
    loading: 'جارٍ التحميل …',
    failed: 'تعذّر تحميل الصفحة. يرجى المحاولة لاحقًا.',
    language: 'اللغة',
    privacy: 'إشعار الخصوصية',
    imprint: 'بيانات الناشر',
    staff: 'دخول الموظفين',
    onlyIn: 'متاح بـ',
  },
  uk: {
    intro: 'Тут ви знайдете наші форми. Виберіть одну, щоб заповнити її.',
    forms: 'Форми',
    noForms: 'Зараз немає відкритих форм.',
    loading: 'Завантаження …',
    failed: 'Не вдалося завантажити сторінку. Спробуйте пізніше.',
    language: 'Мова',
    privacy: 'Захист даних',
    imprint: 'Вихідні дані',
    staff: 'Вхід для працівників',
    onlyIn: 'Доступно мовами',
  },
};

export const homeMessages = (locale: string): HomeMessages =>
  messages[locale.split('-')[0] ?? locale] ?? (messages.en as HomeMessages);

const endonyms: Readonly<Record<string, string>> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  uk: 'Українська',
  fa: 'فارسی',
  ru: 'Русский',
  tr: 'Türkçe',
  fr: 'Français',
};

/** Each language named in itself, so a visitor finds theirs whatever the page's language. */
export function languageName(locale: string): string {
  const known = endonyms[locale];
  if (known) return known;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ku']);
export const directionOf = (locale: string): 'rtl' | 'ltr' =>
  RIGHT_TO_LEFT.has(locale.split('-')[0] ?? locale) ? 'rtl' : 'ltr';

/** `?lang=`, else the first browser language offered, else the organisation's first. */
export function pickLocale(
  offered: readonly string[],
  requested: string | null,
  preferred: readonly string[],
) {
  for (const candidate of [requested, ...preferred]) {
    const base = candidate?.toLowerCase().split('-')[0];
    const found = base ? offered.find((locale) => locale.split('-')[0] === base) : undefined;
    if (found) return found;
  }
  return offered[0] ?? 'de';
}
