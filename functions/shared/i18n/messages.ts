/**
 * The server's own sentences, in the languages the shipped forms offer. A form's translations
 * cover its fields; these cover refusals that are not about one field.
 */
const messages = {
  formNotFound: {
    de: 'Dieses Formular gibt es nicht oder es ist geschlossen.',
    en: 'This form does not exist or is not open.',
    ar: 'هذا النموذج غير موجود أو مغلق.',
    uk: 'Ця форма не існує або закрита.',
  },
  formChanged: {
    de: 'Das Formular wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Angaben.',
    en: 'The form has changed in the meantime. Please reload the page and check your answers.',
    ar: 'تم تغيير النموذج في هذه الأثناء. يرجى إعادة تحميل الصفحة ومراجعة إجاباتك.',
    uk: 'Тим часом форму змінено. Будь ласка, перезавантажте сторінку та перевірте свої відповіді.',
  },
  consentChanged: {
    de: 'Die Einwilligungserklärung wurde geändert. Bitte laden Sie die Seite neu und stimmen Sie erneut zu.',
    en: 'The consent text has changed. Please reload the page and agree again.',
    ar: 'تم تغيير نص الموافقة. يرجى إعادة تحميل الصفحة والموافقة مرة أخرى.',
    uk: 'Текст згоди змінено. Будь ласка, перезавантажте сторінку та погодьтеся ще раз.',
  },
  idConflict: {
    de: 'Diese Einreichung wurde bereits mit anderen Angaben gesendet. Bitte laden Sie die Seite neu.',
    en: 'This submission was already sent with different answers. Please reload the page.',
    ar: 'تم إرسال هذا الطلب من قبل بإجابات مختلفة. يرجى إعادة تحميل الصفحة.',
    uk: 'Цю заявку вже надіслано з іншими відповідями. Будь ласка, перезавантажте сторінку.',
  },
  tooMany: {
    de: 'Zu viele Einreichungen in kurzer Zeit. Bitte warten Sie ein paar Minuten und versuchen Sie es dann erneut.',
    en: 'Too many submissions in a short time. Please wait a few minutes, then try again.',
    ar: 'عدد كبير جدًا من الطلبات في وقت قصير. يرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.',
    uk: 'Забагато заявок за короткий час. Будь ласка, зачекайте кілька хвилин і спробуйте ще раз.',
  },
  invalidAnswers: {
    de: 'Bitte prüfen Sie die markierten Angaben.',
    en: 'Please check the marked answers.',
    ar: 'يرجى مراجعة الإجابات المحددة.',
    uk: 'Будь ласка, перевірте позначені відповіді.',
  },
  invalidValue: {
    de: 'Diese Angabe ist nicht gültig.',
    en: 'This answer is not valid.',
    ar: 'هذه الإجابة غير صالحة.',
    uk: 'Ця відповідь недійсна.',
  },
  consentRequired: {
    de: 'Bitte stimmen Sie der Einwilligungserklärung zu.',
    en: 'Please agree to the consent statement.',
    ar: 'يرجى الموافقة على إقرار الموافقة.',
    uk: 'Будь ласка, погодьтеся із заявою про згоду.',
  },
  botSuspected: {
    de: 'Das Formular konnte nicht gesendet werden. Bitte laden Sie die Seite neu.',
    en: 'The form could not be sent. Please reload the page.',
    ar: 'تعذر إرسال النموذج. يرجى إعادة تحميل الصفحة.',
    uk: 'Не вдалося надіслати форму. Будь ласка, перезавантажте сторінку.',
  },
  bodyTooLarge: {
    de: 'Die Angaben sind zu umfangreich. Bitte kürzen Sie lange Texte.',
    en: 'The answers are too long. Please shorten long texts.',
    ar: 'الإجابات طويلة جدًا. يرجى تقصير النصوص الطويلة.',
    uk: 'Відповіді задовгі. Будь ласка, скоротіть довгі тексти.',
  },
  notJson: {
    de: 'Die Anfrage hat das falsche Format (erwartet: JSON).',
    en: 'The request has the wrong format (expected: JSON).',
    ar: 'الطلب بتنسيق خاطئ (المتوقع: JSON).',
    uk: 'Запит має неправильний формат (очікується JSON).',
  },
  required: {
    de: 'Bitte füllen Sie dieses Feld aus.',
    en: 'Please fill in this field.',
    ar: 'يرجى ملء هذا الحقل.',
    uk: 'Будь ласка, заповніть це поле.',
  },
  formNotYetOpen: {
    de: 'Dieses Formular ist noch nicht geöffnet. Bitte versuchen Sie es später erneut.',
    en: 'This form is not open yet. Please try again later.',
    ar: 'هذا النموذج غير مفتوح بعد. يرجى المحاولة مرة أخرى لاحقًا.',
    uk: 'Ця форма ще не відкрита. Будь ласка, спробуйте пізніше.',
    fa: 'این فرم هنوز باز نشده است. لطفاً بعداً دوباره تلاش کنید.',
    tr: 'Bu form henüz açık değil. Lütfen daha sonra tekrar deneyin.',
    ru: 'Эта форма ещё не открыта. Пожалуйста, попробуйте позже.',
  },
  formClosed: {
    de: 'Dieses Formular ist geschlossen und nimmt keine Einsendungen mehr an.',
    en: 'This form is closed and no longer accepts submissions.',
    ar: 'هذا النموذج مغلق ولم يعد يقبل الطلبات.',
    uk: 'Ця форма закрита й більше не приймає заявок.',
    fa: 'این فرم بسته شده است و دیگر درخواستی نمی‌پذیرد.',
    tr: 'Bu form kapandı ve artık başvuru kabul etmiyor.',
    ru: 'Эта форма закрыта и больше не принимает заявки.',
  },
  formFull: {
    de: 'Für dieses Formular sind alle Plätze vergeben. Es nimmt keine Einsendungen mehr an.',
    en: 'All places for this form are taken. It no longer accepts submissions.',
    ar: 'تم شغل جميع الأماكن لهذا النموذج. لم يعد يقبل الطلبات.',
    uk: 'Усі місця для цієї форми зайняті. Вона більше не приймає заявок.',
    fa: 'همه جاهای این فرم پر شده است. دیگر درخواستی نمی‌پذیرد.',
    tr: 'Bu form için tüm yerler doldu. Artık başvuru kabul etmiyor.',
    ru: 'Все места по этой форме заняты. Она больше не принимает заявки.',
  },
} as const;

export type MessageId = keyof typeof messages;

export function message(id: MessageId, locale: string): string {
  const texts = messages[id] as Record<string, string>;
  return texts[locale] ?? texts[locale.split('-')[0] ?? ''] ?? texts.en ?? '';
}

/** The first language of an Accept-Language header, e.g. `ar` from `ar-SY,ar;q=0.9,en;q=0.8`. */
export const preferredLocale = (acceptLanguage: string | undefined): string =>
  acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().toLowerCase().split('-')[0] || 'en';
