import { describe, expect, it } from 'vitest';
import { endonyms, type ShippedLocale, shippedLocales } from '../../functions/shared/i18n/locales.ts';
import { type MessageId, message } from '../../functions/shared/i18n/messages.ts';
import { applicantMail } from '../../functions/shared/mail/approval-mails.ts';
import { intakeAcknowledgementMail } from '../../functions/shared/mail/intake-mails.ts';
import { submissionConfirmationMail } from '../../functions/shared/mail/submission-confirmation.ts';
import { answerDirection, answerLocaleFor, answerMessages } from '../../web/src/features/answer/messages.ts';

const common = { to: 'amal@example.org', organisation: 'Lotse e.V.', formTitle: 'Integrationslotsen' };

/** Every e-mail a volunteer or applicant can receive, in one locale. */
const volunteerMails = (locale: string, firstName?: string) => ({
  confirmation: submissionConfirmationMail({
    ...common,
    locale,
    receiptNumber: 'K7P-4QX',
    ...name(firstName),
  }),
  approved: applicantMail({ ...common, locale, kind: 'approved', ...name(firstName) }),
  rejected: applicantMail({ ...common, locale, kind: 'rejected', comment: 'Kurs voll', ...name(firstName) }),
  expired: applicantMail({ ...common, locale, kind: 'expired', ...name(firstName) }),
  question: applicantMail({
    ...common,
    locale,
    kind: 'question',
    question: 'Wann passt es Ihnen?',
    answerUrl: 'https://lotse.example.org/answer/t0ken',
    ...name(firstName),
  }),
  intake: intakeAcknowledgementMail({
    ...common,
    locale,
    teamName: 'Beratung Nord',
    withinDays: 3,
    receiptNumber: 'K7P-4QX',
    ...name(firstName),
  }),
});
const name = (firstName?: string) => (firstName ? { firstName } : {});

/** The writing system of each language, so an English fallback in Arabic or Cyrillic shows. */
const latin = /^[^\u0400-\u04FF\u0600-\u06FF]*$/;
const script: Record<ShippedLocale, RegExp> = {
  de: latin,
  en: latin,
  tr: latin,
  ar: /[\u0600-\u06FF]/,
  fa: /[\u0600-\u06FF]/,
  uk: /[\u0400-\u04FF]/,
  ru: /[\u0400-\u04FF]/,
};

const messageIds: MessageId[] = [
  'formNotFound',
  'formChanged',
  'consentChanged',
  'idConflict',
  'tooMany',
  'invalidAnswers',
  'invalidValue',
  'consentRequired',
  'botSuspected',
  'bodyTooLarge',
  'notJson',
  'required',
];

describe('volunteers’ e-mails in every shipped language', () => {
  it('ships the seven languages of issue 10, each named in itself', () => {
    expect([...shippedLocales]).toEqual(['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru']);
    expect(endonyms.fa).toBe('فارسی');
    expect(endonyms.tr).toBe('Türkçe');
  });

  describe.each(shippedLocales)('%s', (locale) => {
    const mails = volunteerMails(locale, 'Amal');

    it.each(Object.keys(mails))('renders the %s mail complete, in its own words', (kind) => {
      const mail = mails[kind as keyof typeof mails];
      for (const part of [mail.subject, mail.text, mail.html]) {
        expect(part).not.toMatch(/undefined|null|NaN|\{\w+\}/);
      }
      expect(mail.text).toMatch(script[locale]);
      expect(mail.text).toContain('Amal');
      for (const other of shippedLocales.filter((l) => l !== locale)) {
        expect(mail.text).not.toBe(volunteerMails(other, 'Amal')[kind as keyof typeof mails].text);
      }
    });

    it('sets the language and writing direction on every mail', () => {
      const dir = locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr';
      for (const mail of Object.values(mails)) {
        expect(mail.html).toContain(`<html lang="${locale}" dir="${dir}">`);
      }
    });

    it('greets without a name too', () => {
      for (const mail of Object.values(volunteerMails(locale))) {
        expect(mail.text.split('\n')[0]).toMatch(script[locale]);
        expect(mail.text).not.toMatch(/undefined|\s[,،!]/);
      }
    });

    it('has every refusal a public page can show', () => {
      for (const id of messageIds) {
        const text = message(id, locale);
        expect(text.length).toBeGreaterThan(5);
        expect(text).toMatch(script[locale]);
        for (const other of shippedLocales.filter((l) => l !== locale)) {
          expect(text).not.toBe(message(id, other));
        }
      }
    });
  });

  it('uses the regional variant’s language, and English for a language Lotse does not ship', () => {
    expect(volunteerMails('fa-IR').approved.html).toContain('<html lang="fa" dir="rtl">');
    expect(volunteerMails('fr').approved.text).toBe(volunteerMails('en').approved.text);
    expect(message('required', 'ru-RU')).toBe(message('required', 'ru'));
    expect(message('required', 'pl')).toBe(message('required', 'en'));
  });

  it('says one working day in the singular and several in the plural', () => {
    const within = (locale: string, withinDays: number) =>
      intakeAcknowledgementMail({
        ...common,
        locale,
        teamName: 'Beratung Nord',
        withinDays,
        receiptNumber: 'K7P-4QX',
      }).text;
    expect(within('ru', 1)).toContain('в течение 1 рабочего дня');
    expect(within('ru', 5)).toContain('в течение 5 рабочих дней');
    expect(within('uk', 21)).toContain('протягом 21 робочого дня');
    expect(within('de', 1)).toContain('innerhalb eines Werktags');
    expect(within('ar', 2)).toContain('خلال يومَي عمل');
    expect(within('ar', 3)).toContain('خلال 3 أيام عمل');
  });

  it('lets the applicant answer a question in each language, right to left in Arabic and Persian', () => {
    const keys = Object.keys(answerMessages.de).sort();
    for (const locale of shippedLocales) {
      const texts: Record<string, string> = answerMessages[answerLocaleFor(locale)];
      expect(answerLocaleFor(locale)).toBe(locale);
      expect(Object.keys(texts).sort()).toEqual(keys);
      for (const text of Object.values(texts)) expect(text).toMatch(script[locale]);
      expect(answerDirection(answerLocaleFor(locale))).toBe(
        locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr',
      );
    }
    expect(answerLocaleFor('fa-AF')).toBe('fa');
    expect(answerLocaleFor('fr')).toBe('en');
  });
});
