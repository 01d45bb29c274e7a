import { describe, expect, it } from 'vitest';
import {
  format,
  languageName,
  messagesByLocale,
  messagesFor,
} from '../../web/src/features/public-form/messages-all.ts';
import { shippedForms } from './support/shipped-forms.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const flatten = (messages: object): Record<string, string> =>
  Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[key, value]]
        : Object.entries(value as object).map(([k, v]) => [`${key}.${k}`, v]),
    ),
  );

describe("the page's own words", () => {
  const english = flatten(messagesFor('en'));

  it.each(Object.keys(messagesByLocale))(
    '%s has every text, none empty, with the same placeholders',
    (locale) => {
      const texts = flatten(messagesByLocale[locale] as object);
      expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(texts)) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(english[key] as string));
      }
    },
  );

  it('exists for every locale a shipped form offers', () => {
    for (const form of shippedForms())
      for (const locale of form.locales) expect(messagesByLocale[locale], locale).toBeDefined();
  });

  it('falls back by language, then to English', () => {
    expect(messagesFor('uk-UA')).toBe(messagesByLocale.uk);
    expect(messagesFor('tr-TR')).toBe(messagesByLocale.tr);
    expect(messagesFor('it')).toBe(messagesByLocale.en);
  });

  it('names languages in themselves', () => {
    expect(languageName('uk')).toBe('Українська');
    expect(languageName('ar')).toBe('العربية');
    expect(languageName('it')).toBe('italiano');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{item} entfernen', { item: 'Sprache 2' })).toBe('Sprache 2 entfernen');
    expect(format('{x}', {})).toBe('{x}');
  });
});
