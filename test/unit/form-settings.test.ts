import { describe, expect, it } from 'vitest';
import {
  availabilityState,
  checkFormSettings,
  confirmationFor,
  fillPlaceholders,
} from '../../functions/shared/domain/form-settings.ts';

const definition = (extra: Record<string, unknown> = {}) => ({
  locales: ['de', 'en'],
  schema: { type: 'object', properties: { firstName: { type: 'string' }, email: { type: 'string' } } },
  ...extra,
});

describe('checkFormSettings', () => {
  it('accepts the known placeholders in every confirmation text', () => {
    const confirmation = {
      page: { de: 'Danke {firstName}! Nummer {receiptNumber}.' },
      emailSubject: { en: '{formTitle} – {organisation}' },
      emailBody: { de: 'Hallo {firstName},\n\n{receiptNumber}' },
    };
    expect(checkFormSettings(definition({ confirmation }))).toEqual([]);
  });

  it('names the field and the unknown placeholder', () => {
    const issues = checkFormSettings(
      definition({ confirmation: { emailBody: { en: 'Hi {name}, {receipt}' } } }),
    );
    expect(issues).toEqual([
      { field: 'confirmation.emailBody.en', message: expect.stringContaining('unknown placeholder {name}') },
      {
        field: 'confirmation.emailBody.en',
        message: expect.stringContaining('unknown placeholder {receipt}'),
      },
    ]);
  });

  it('refuses {firstName} when the form asks for no first name', () => {
    const noFirstName = definition({
      schema: { type: 'object', properties: { email: { type: 'string' } } },
      confirmation: { page: { de: 'Danke {firstName}' } },
    });
    expect(checkFormSettings(noFirstName)).toEqual([
      { field: 'confirmation.page.de', message: expect.stringContaining('settings.firstNameField') },
    ]);
    const renamed = { ...noFirstName, settings: { firstNameField: 'email' } };
    expect(checkFormSettings(renamed)).toEqual([]);
  });

  it('refuses texts for a language the form does not offer and a subject over two lines', () => {
    const issues = checkFormSettings(
      definition({ confirmation: { emailSubject: { tr: 'Teşekkürler\nSatır' } } }),
    );
    expect(issues.map((issue) => issue.field)).toEqual([
      'confirmation.emailSubject.tr',
      'confirmation.emailSubject.tr',
    ]);
    expect(issues[1]?.message).toBe('must be one line');
  });

  it('refuses a window that closes before it opens', () => {
    const availability = { opensAt: '2027-01-02T10:00:00+01:00', closesAt: '2027-01-02T08:30:00+00:00' };
    expect(checkFormSettings(definition({ availability }))).toEqual([
      { field: 'availability.closesAt', message: 'must be later than opensAt' },
    ]);
  });
});

describe('availabilityState', () => {
  const now = new Date('2027-01-02T12:00:00Z');
  it('is open without settings, and by the window and the count otherwise', () => {
    expect(availabilityState(undefined, now, 0)).toBe('open');
    expect(availabilityState({ opensAt: '2027-01-02T13:00:00+01:00' }, now, 0)).toBe('open');
    expect(availabilityState({ opensAt: '2027-01-02T14:00:00+01:00' }, now, 0)).toBe('not-yet-open');
    expect(availabilityState({ closesAt: '2027-01-02T12:00:00Z' }, now, 0)).toBe('closed');
    expect(availabilityState({ maxSubmissions: 3 }, now, 2)).toBe('open');
    expect(availabilityState({ maxSubmissions: 3 }, now, 3)).toBe('full');
  });
});

describe('placeholders', () => {
  it('fills known ones, keeps unknown ones, and drops an empty one with its space', () => {
    expect(fillPlaceholders('Hallo {firstName}, {receiptNumber} {x}', { receiptNumber: 'L-1' })).toBe(
      'Hallo, L-1 {x}',
    );
  });

  it('takes the visitor language, else the default language', () => {
    const texts = {
      defaultLocale: 'de',
      confirmation: { page: { de: 'Danke' }, emailSubject: { en: 'Thanks' } },
    };
    expect(confirmationFor(texts, 'en', {})).toEqual({ page: 'Danke', subject: 'Thanks' });
    expect(confirmationFor(texts, 'uk', {})).toEqual({ page: 'Danke' });
  });
});
