import { describe, expect, it } from 'vitest';
import {
  chooseLocale,
  directionOf,
  firstGuess,
  normaliseLocale,
} from '../../web/src/features/public-form/utils/choose-locale.ts';

const form = { available: ['de', 'en', 'ar', 'uk'], defaultLocale: 'de' };

describe('choosing the language of a public form', () => {
  it('takes ?lang when the form offers it, even against the browser languages', () => {
    expect(chooseLocale({ ...form, requested: 'uk', preferred: ['en-GB'] })).toBe('uk');
  });

  it('matches ?lang with a region to the plain language', () => {
    expect(chooseLocale({ ...form, requested: 'ar-SA', preferred: [] })).toBe('ar');
  });

  it('falls back from an unoffered ?lang to the browser languages in their order', () => {
    expect(chooseLocale({ ...form, requested: 'fa', preferred: ['fa-IR', 'ar-EG', 'en'] })).toBe('ar');
  });

  it('uses the form default when nothing matches', () => {
    expect(chooseLocale({ ...form, requested: null, preferred: ['tr-TR', 'fr'] })).toBe('de');
  });

  it('matches a browser language to a regional form locale by language', () => {
    expect(chooseLocale({ available: ['pt-BR', 'de'], defaultLocale: 'de', preferred: ['pt'] })).toBe(
      'pt-BR',
    );
  });

  it('ignores ?lang values that are not language codes', () => {
    expect(normaliseLocale('"><script>')).toBeUndefined();
    expect(normaliseLocale('uk-ua')).toBe('uk-UA');
    expect(chooseLocale({ ...form, requested: '../../etc', preferred: ['en-US'] })).toBe('en');
  });

  it('guesses the first request from ?lang, then the browser, then German', () => {
    expect(firstGuess('uk-UA', ['en'])).toBe('uk');
    expect(firstGuess(null, ['ar-SY', 'de'])).toBe('ar');
    expect(firstGuess(undefined, [])).toBe('de');
  });

  it('writes Arabic and Persian right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('uk')).toBe('ltr');
  });
});
