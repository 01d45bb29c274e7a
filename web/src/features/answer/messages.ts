/** The answer page's words, in every language Lotse ships (functions/shared/i18n/locales.ts). */
export const answerMessages = {
  de: {
    title: 'Rückfrage',
    answer: 'Ihre Antwort',
    send: 'Antwort senden',
    done: 'Danke! Ihre Antwort ist angekommen.',
    invalid: 'Dieser Link ist ungültig.',
    expired: 'Dieser Link ist abgelaufen.',
    answered: 'Diese Frage ist schon beantwortet.',
    failed: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
  },
  en: {
    title: 'A question',
    answer: 'Your answer',
    send: 'Send answer',
    done: 'Thank you! Your answer has arrived.',
    invalid: 'This link is not valid.',
    expired: 'This link has expired.',
    answered: 'This question has been answered already.',
    failed: 'That did not work. Please try again.',
  },
  ar: {
    title: 'سؤال',
    answer: 'إجابتك',
    send: 'إرسال الإجابة',
    done: 'شكرًا! وصلت إجابتك.',
    invalid: 'هذا الرابط غير صالح.',
    expired: 'انتهت صلاحية هذا الرابط.',
    answered: 'تمت الإجابة على هذا السؤال بالفعل.',
    failed: 'لم ينجح ذلك. يرجى المحاولة مرة أخرى.',
  },
  uk: {
    title: 'Запитання',
    answer: 'Ваша відповідь',
    send: 'Надіслати відповідь',
    done: 'Дякуємо! Вашу відповідь отримано.',
    invalid: 'Це посилання недійсне.',
    expired: 'Термін дії цього посилання минув.',
    answered: 'На це запитання вже відповіли.',
    failed: 'Не вдалося. Будь ласка, спробуйте ще раз.',
  },
  fa: {
    title: 'پرسش',
    answer: 'پاسخ شما',
    send: 'فرستادن پاسخ',
    done: 'سپاس! پاسخ شما به دست ما رسید.',
    invalid: 'این پیوند معتبر نیست.',
    expired: 'مهلت این پیوند به پایان رسیده است.',
    answered: 'به این پرسش قبلاً پاسخ داده شده است.',
    failed: 'این کار انجام نشد. لطفاً دوباره امتحان کنید.',
  },
  tr: {
    title: 'Soru',
    answer: 'Yanıtınız',
    send: 'Yanıtı gönder',
    done: 'Teşekkürler! Yanıtınız bize ulaştı.',
    invalid: 'Bu bağlantı geçerli değil.',
    expired: 'Bu bağlantının süresi doldu.',
    answered: 'Bu soru zaten yanıtlandı.',
    failed: 'Bir sorun oluştu. Lütfen tekrar deneyin.',
  },
  ru: {
    title: 'Вопрос',
    answer: 'Ваш ответ',
    send: 'Отправить ответ',
    done: 'Спасибо! Ваш ответ получен.',
    invalid: 'Эта ссылка недействительна.',
    expired: 'Срок действия этой ссылки истёк.',
    answered: 'На этот вопрос уже ответили.',
    failed: 'Не получилось. Пожалуйста, попробуйте ещё раз.',
  },
} as const;
export type AnswerLocale = keyof typeof answerMessages;

// Not imported from the contract, whose zod schemas would join the page's bundle.
const rightToLeft: ReadonlySet<string> = new Set(['ar', 'fa']);

export const answerDirection = (locale: AnswerLocale): 'rtl' | 'ltr' =>
  rightToLeft.has(locale) ? 'rtl' : 'ltr';

/** The applicant's language, its base for a regional variant (`ar-SY`), English for any other. */
export function answerLocaleFor(locale: string | undefined): AnswerLocale {
  // Before the question has loaded (or when the link is bad) the page cannot know; German is the organisations' language.
  if (!locale) return 'de';
  const base = locale.split('-')[0] ?? '';
  return base in answerMessages ? (base as AnswerLocale) : 'en';
}
