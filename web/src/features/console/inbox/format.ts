/** Dates and language names in the console's language. */
export function formatTime(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A form's title in the console's language, else its first one, else the slug. */
export function titleOf(titles: Readonly<Record<string, string>> | undefined, slug: string, locale: string) {
  if (!titles) return slug;
  return titles[locale] ?? Object.values(titles)[0] ?? slug;
}
