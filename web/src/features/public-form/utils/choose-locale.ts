/** Locales written right to left; the contract sends `direction`, this covers the page before it loads. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ku']);

const LOCALE = /^[a-z]{2,3}(-[a-z]{2})?$/i;

/** `uk-ua` → `uk-UA`; anything that is not a language code → undefined (it comes from the URL). */
export function normaliseLocale(value: string | null | undefined): string | undefined {
  if (!value || !LOCALE.test(value)) return undefined;
  const [language = '', region] = value.split('-');
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}

const base = (locale: string) => locale.split('-')[0] ?? locale;

function match(candidate: string, available: readonly string[]): string | undefined {
  const wanted = normaliseLocale(candidate);
  if (!wanted) return undefined;
  return (
    available.find((locale) => locale === wanted) ??
    available.find((locale) => locale === base(wanted)) ??
    available.find((locale) => base(locale) === base(wanted))
  );
}

export interface LocaleChoice {
  /** `?lang=` from the address, if any. */
  readonly requested?: string | null;
  /** `navigator.languages`, most preferred first. */
  readonly preferred: readonly string[];
  /** The form's locales. */
  readonly available: readonly string[];
  readonly defaultLocale: string;
}

/** `?lang`, else the first of the browser's languages the form offers, else the form's default. */
export function chooseLocale({ requested, preferred, available, defaultLocale }: LocaleChoice): string {
  for (const candidate of [requested, ...preferred]) {
    const found = candidate ? match(candidate, available) : undefined;
    if (found) return found;
  }
  return defaultLocale;
}

/** What to ask the API for before the form's locales are known. */
export function firstGuess(requested: string | null | undefined, preferred: readonly string[]): string {
  const candidate = normaliseLocale(requested) ?? preferred.map(normaliseLocale).find(Boolean);
  return candidate ? base(candidate) : 'de';
}

export const directionOf = (locale: string): 'ltr' | 'rtl' =>
  RIGHT_TO_LEFT.has(base(locale)) ? 'rtl' : 'ltr';
