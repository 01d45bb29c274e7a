import { type ShippedLocale, shippedLocaleFor } from './locales.ts';
import { requestMessages } from './request-messages.ts';

/**
 * The server's own sentences, in every shipped language (the type makes a missing one a compile
 * error). A form's translations cover its fields; these cover refusals that are not about one field.
 */
const formMessages = {
  formNotFound: {
    de: 'Dieses Formular gibt es nicht oder es ist geschlossen.',
    en: 'This form does not exist or is not open.',
    ar: 'هذا النموذج غير موجود أو مغلق.',
    uk: 'Ця форма не існує або закрита.',
    fa: 'این فرم وجود ندارد یا بسته است.',
    tr: 'Bu form mevcut değil veya kapalı.',
    ru: 'Эта форма не существует или закрыта.',
  },
  formChanged: {
    de: 'Das Formular wurde inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Angaben.',
    en: 'The form has changed in the meantime. Please reload the page and check your answers.',
    ar: 'تم تغيير النموذج في هذه الأثناء. يرجى إعادة تحميل الصفحة ومراجعة إجاباتك.',
    uk: 'Тим часом форму змінено. Будь ласка, перезавантажте сторінку та перевірте свої відповіді.',
    fa: 'فرم در این فاصله تغییر کرده است. لطفاً صفحه را دوباره بارگذاری کنید و پاسخ‌های خود را بررسی کنید.',
    tr: 'Form bu arada değişti. Lütfen sayfayı yeniden yükleyin ve yanıtlarınızı kontrol edin.',
    ru: 'Тем временем форма изменилась. Пожалуйста, перезагрузите страницу и проверьте свои ответы.',
  },
  consentChanged: {
    de: 'Die Einwilligungserklärung wurde geändert. Bitte laden Sie die Seite neu und stimmen Sie erneut zu.',
    en: 'The consent text has changed. Please reload the page and agree again.',
    ar: 'تم تغيير نص الموافقة. يرجى إعادة تحميل الصفحة والموافقة مرة أخرى.',
    uk: 'Текст згоди змінено. Будь ласка, перезавантажте сторінку та погодьтеся ще раз.',
    fa: 'متن رضایت‌نامه تغییر کرده است. لطفاً صفحه را دوباره بارگذاری کنید و دوباره موافقت کنید.',
    tr: 'Onay metni değişti. Lütfen sayfayı yeniden yükleyin ve tekrar onaylayın.',
    ru: 'Текст согласия изменился. Пожалуйста, перезагрузите страницу и дайте согласие ещё раз.',
  },
  idConflict: {
    de: 'Diese Einreichung wurde bereits mit anderen Angaben gesendet. Bitte laden Sie die Seite neu.',
    en: 'This submission was already sent with different answers. Please reload the page.',
    ar: 'تم إرسال هذا الطلب من قبل بإجابات مختلفة. يرجى إعادة تحميل الصفحة.',
    uk: 'Цю заявку вже надіслано з іншими відповідями. Будь ласка, перезавантажте сторінку.',
    fa: 'این درخواست قبلاً با پاسخ‌های دیگری فرستاده شده است. لطفاً صفحه را دوباره بارگذاری کنید.',
    tr: 'Bu başvuru daha önce farklı yanıtlarla gönderildi. Lütfen sayfayı yeniden yükleyin.',
    ru: 'Эта заявка уже была отправлена с другими ответами. Пожалуйста, перезагрузите страницу.',
  },
  tooMany: {
    de: 'Zu viele Einreichungen in kurzer Zeit. Bitte warten Sie ein paar Minuten und versuchen Sie es dann erneut.',
    en: 'Too many submissions in a short time. Please wait a few minutes, then try again.',
    ar: 'عدد كبير جدًا من الطلبات في وقت قصير. يرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.',
    uk: 'Забагато заявок за короткий час. Будь ласка, зачекайте кілька хвилин і спробуйте ще раз.',
    fa: 'در زمانی کوتاه درخواست‌های زیادی فرستاده شده است. لطفاً چند دقیقه صبر کنید و سپس دوباره امتحان کنید.',
    tr: 'Kısa sürede çok fazla başvuru gönderildi. Lütfen birkaç dakika bekleyin ve sonra tekrar deneyin.',
    ru: 'Слишком много заявок за короткое время. Пожалуйста, подождите несколько минут и попробуйте ещё раз.',
  },
  invalidAnswers: {
    de: 'Bitte prüfen Sie die markierten Angaben.',
    en: 'Please check the marked answers.',
    ar: 'يرجى مراجعة الإجابات المحددة.',
    uk: 'Будь ласка, перевірте позначені відповіді.',
    fa: 'لطفاً پاسخ‌های علامت‌گذاری‌شده را بررسی کنید.',
    tr: 'Lütfen işaretli yanıtları kontrol edin.',
    ru: 'Пожалуйста, проверьте отмеченные ответы.',
  },
  invalidValue: {
    de: 'Diese Angabe ist nicht gültig.',
    en: 'This answer is not valid.',
    ar: 'هذه الإجابة غير صالحة.',
    uk: 'Ця відповідь недійсна.',
    fa: 'این پاسخ معتبر نیست.',
    tr: 'Bu yanıt geçerli değil.',
    ru: 'Этот ответ недействителен.',
  },
  consentRequired: {
    de: 'Bitte stimmen Sie der Einwilligungserklärung zu.',
    en: 'Please agree to the consent statement.',
    ar: 'يرجى الموافقة على إقرار الموافقة.',
    uk: 'Будь ласка, погодьтеся із заявою про згоду.',
    fa: 'لطفاً با متن رضایت‌نامه موافقت کنید.',
    tr: 'Lütfen onay beyanını kabul edin.',
    ru: 'Пожалуйста, подтвердите своё согласие, поставив отметку.',
  },
  botSuspected: {
    de: 'Das Formular konnte nicht gesendet werden. Bitte laden Sie die Seite neu.',
    en: 'The form could not be sent. Please reload the page.',
    ar: 'تعذر إرسال النموذج. يرجى إعادة تحميل الصفحة.',
    uk: 'Не вдалося надіслати форму. Будь ласка, перезавантажте сторінку.',
    fa: 'فرم فرستاده نشد. لطفاً صفحه را دوباره بارگذاری کنید.',
    tr: 'Form gönderilemedi. Lütfen sayfayı yeniden yükleyin.',
    ru: 'Не удалось отправить форму. Пожалуйста, перезагрузите страницу.',
  },
  required: {
    de: 'Bitte füllen Sie dieses Feld aus.',
    en: 'Please fill in this field.',
    ar: 'يرجى ملء هذا الحقل.',
    uk: 'Будь ласка, заповніть це поле.',
    fa: 'لطفاً این فیلد را پر کنید.',
    tr: 'Lütfen bu alanı doldurun.',
    ru: 'Пожалуйста, заполните это поле.',
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
} as const satisfies Record<string, Record<ShippedLocale, string>>;

export type MessageId = keyof typeof formMessages | keyof typeof requestMessages;

/**
 * A sentence in the visitor's language. (No `{ ...requestMessages, ...formMessages }` here: esbuild
 * keeps a module-level spread as a possible side effect, and with it all 15 sentences in every
 * bundle that imports this module for anything.)
 */
export function message(id: MessageId, locale: string): string {
  const texts =
    id in formMessages
      ? formMessages[id as keyof typeof formMessages]
      : requestMessages[id as keyof typeof requestMessages];
  return texts[shippedLocaleFor(locale)];
}
