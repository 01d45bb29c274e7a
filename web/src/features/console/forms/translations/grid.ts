import type { DraftDefinition, FormText } from './form-text.ts';

/*
 * The translations grid's model: where each text of each language lives in a definition, and
 * immutable writes to it. Form title, description and consent text live in their own per-language
 * maps; every other text in `translations[locale][key]` (the shared text model, common10).
 */

type PerLocale = Record<string, string>;

function formLevel(definition: DraftDefinition, text: FormText): PerLocale | undefined {
  if (text.kind === 'title') return text.key === 'description' ? definition.description : definition.title;
  if (text.kind === 'consent') return definition.consent?.text;
  return undefined;
}

const isFormLevel = (text: FormText) => text.kind === 'title' || text.kind === 'consent';

export const defaultLocaleOf = (definition: DraftDefinition) => definition.defaultLocale ?? 'de';
export const localesOf = (definition: DraftDefinition): string[] => {
  const main = defaultLocaleOf(definition);
  const rest = (definition.locales ?? []).filter((locale) => locale !== main);
  return [main, ...rest];
};

/** What the cell holds: the stored text, or for the default language the document's own text. */
export function cellValue(definition: DraftDefinition, text: FormText, locale: string): string | undefined {
  const stored = isFormLevel(text)
    ? formLevel(definition, text)?.[locale]
    : definition.translations?.[locale]?.[text.key];
  if (stored !== undefined && stored !== '') return stored;
  return locale === defaultLocaleOf(definition) ? text.text : undefined;
}

const withEntry = (map: PerLocale | undefined, key: string, value: string): PerLocale => {
  const next = { ...(map ?? {}) };
  if (value === '') delete next[key];
  else next[key] = value;
  return next;
};

/** Writes one cell; an empty value removes the translation. */
export function setCell(
  definition: DraftDefinition,
  text: FormText,
  locale: string,
  value: string,
): DraftDefinition {
  if (text.kind === 'title') {
    const part = text.key === 'description' ? 'description' : 'title';
    return { ...definition, [part]: withEntry(definition[part], locale, value) };
  }
  if (text.kind === 'consent') {
    const consent = definition.consent ?? { version: '1' };
    return { ...definition, consent: { ...consent, text: withEntry(consent.text, locale, value) } };
  }
  const translations = definition.translations ?? {};
  return {
    ...definition,
    translations: { ...translations, [locale]: withEntry(translations[locale], text.key, value) },
  };
}

/** Per offered language other than the default, the texts without a translation. */
export function missingByLocale(definition: DraftDefinition, texts: readonly FormText[]) {
  const result: Record<string, FormText[]> = {};
  for (const locale of localesOf(definition).slice(1))
    result[locale] = texts.filter((text) => cellValue(definition, text, locale) === undefined);
  return result;
}

export function addLocale(definition: DraftDefinition, locale: string): DraftDefinition {
  const locales = definition.locales ?? [defaultLocaleOf(definition)];
  if (locales.includes(locale)) return definition;
  return { ...definition, locales: [...locales, locale] };
}

/** Removes a language and every text written for it (undo brings them back). */
export function removeLocale(definition: DraftDefinition, locale: string): DraftDefinition {
  if (locale === defaultLocaleOf(definition)) return definition;
  const without = (map: PerLocale | undefined) => {
    if (!map) return map;
    const { [locale]: _, ...rest } = map;
    return rest;
  };
  const { [locale]: _, ...translations } = definition.translations ?? {};
  const next: DraftDefinition = {
    ...definition,
    locales: (definition.locales ?? []).filter((code) => code !== locale),
    translations,
  };
  if (definition.title) next.title = without(definition.title);
  if (definition.description) next.description = without(definition.description);
  if (definition.consent?.text)
    next.consent = { ...definition.consent, text: without(definition.consent.text) };
  return next;
}
