import { type FormEvent, useEffect, useId, useState } from 'react';

const texts = {
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

type Locale = keyof typeof texts;
// Of the locales above; not imported from the contract, whose zod schemas would join the bundle.
const rightToLeft: ReadonlySet<string> = new Set(['ar', 'fa']);
interface AnswerView {
  status: 'open' | 'answered' | 'expired';
  locale: string;
  formTitle: string;
  question: string;
}

/** The page the applicant's question e-mail links to, in their language; only submitting sends the answer. */
export function AnswerPage({ token }: { token: string }) {
  const [view, setView] = useState<AnswerView | { error: number }>();
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'failed'>('idle');
  const fieldId = useId();
  useEffect(() => {
    fetch(`/api/answers/${encodeURIComponent(token)}`).then(
      async (response) =>
        setView(response.ok ? ((await response.json()) as AnswerView) : { error: response.status }),
      () => setView({ error: 0 }),
    );
  }, [token]);
  const locale: Locale = view && 'locale' in view && view.locale in texts ? (view.locale as Locale) : 'de';
  const t = texts[locale];
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = rightToLeft.has(locale) ? 'rtl' : 'ltr';
  }, [locale]);
  if (!view) return null;
  if ('error' in view) return <p role="alert">{view.error === 410 ? t.expired : t.invalid}</p>;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answer = String(new FormData(event.currentTarget).get('answer') ?? '').trim();
    if (!answer) return;
    setState('sending');
    const response = await fetch(`/api/answers/${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer }),
    }).catch(() => undefined);
    setState(response?.ok ? 'done' : 'failed');
  }

  return (
    <section aria-labelledby="answer-title">
      <h1 id="answer-title">
        {t.title}: {view.formTitle}
      </h1>
      <p>{view.question}</p>
      {view.status === 'answered' && <p role="status">{t.answered}</p>}
      {view.status === 'expired' && <p role="status">{t.expired}</p>}
      {state === 'done' && <p role="status">{t.done}</p>}
      {state === 'failed' && <p role="alert">{t.failed}</p>}
      {view.status === 'open' && state !== 'done' && (
        <form onSubmit={submit}>
          <label htmlFor={fieldId}>{t.answer}</label>
          <textarea id={fieldId} name="answer" rows={5} maxLength={4000} required />
          <button type="submit" disabled={state === 'sending'}>
            {t.send}
          </button>
        </form>
      )}
    </section>
  );
}
