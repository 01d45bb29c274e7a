import type { MailMessage } from '../adapters/mailer.ts';
import { type ShippedLocale, shippedLocaleFor } from '../i18n/locales.ts';
import { greeting, sentAutomatically, signOff } from './greeting.ts';
import { type Block, renderMail } from './layout.ts';

export type RequestRound = 'initial' | 'reminder' | 'escalation' | 'after-answer';

const coordinatorTexts = {
  de: {
    subject: {
      initial: 'Neue Anmeldung',
      reminder: 'Erinnerung: Anmeldung wartet auf Entscheidung',
      escalation: 'Eskalation: Anmeldung seit Tagen ohne Entscheidung',
      'after-answer': 'Antwort auf Ihre Rückfrage',
    },
    intro: {
      initial: 'für „{form}“ ist eine neue Anmeldung eingegangen.',
      reminder: 'die Anmeldung für „{form}“ wartet noch auf eine Entscheidung.',
      escalation:
        'über die Anmeldung für „{form}“ wurde seit {days} Tagen nicht entschieden. Sie erhalten diese E-Mail als Eskalationskontakt oder Koordination.',
      'after-answer': 'die Person hat Ihre Rückfrage zur Anmeldung für „{form}“ beantwortet:',
    },
    question: 'Ihre Frage',
    answer: 'Antwort',
    approve: 'Annehmen',
    reject: 'Ablehnen',
    ask: 'Rückfrage stellen',
    more: 'Alle Angaben sehen Sie auf der Entscheidungsseite. Das Öffnen eines Links entscheidet noch nichts.',
    greeting: 'Hallo,',
    footer: 'Diese E-Mail wurde automatisch versendet. Die Links gelten bis {until} und nur für Sie.',
  },
  en: {
    subject: {
      initial: 'New registration',
      reminder: 'Reminder: a registration is waiting for a decision',
      escalation: 'Escalation: a registration has had no decision for days',
      'after-answer': 'Answer to your question',
    },
    intro: {
      initial: 'a new registration for “{form}” has arrived.',
      reminder: 'the registration for “{form}” is still waiting for a decision.',
      escalation:
        'nobody has decided on the registration for “{form}” for {days} days. You receive this e-mail as escalation contact or coordinator.',
      'after-answer': 'the applicant has answered your question about the registration for “{form}”:',
    },
    question: 'Your question',
    answer: 'Answer',
    approve: 'Approve',
    reject: 'Reject',
    ask: 'Ask a question',
    more: 'All answers are on the decision page. Opening a link does not decide anything.',
    greeting: 'Hello,',
    footer: 'This e-mail was sent automatically. The links are valid until {until} and for you only.',
  },
} as const;

/** The e-mail to a coordinator: who applied, the key answers, and the three actions. */
export function approvalRequestMail(input: {
  to: string;
  locale: string;
  round: RequestRound;
  formTitle: string;
  firstName?: string;
  facts: ReadonlyArray<readonly [string, string]>;
  decideUrl: string;
  validUntil: Date;
  escalatedAfterDays?: number;
  question?: string;
  answer?: string;
  organisation: string;
}): MailMessage {
  const t = input.locale === 'en' ? coordinatorTexts.en : coordinatorTexts.de;
  const name = input.firstName ? `: ${input.firstName}` : '';
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `${t.greeting}\n${t.intro[input.round].replace('{form}', input.formTitle).replace('{days}', String(input.escalatedAfterDays ?? ''))}`,
    },
  ];
  if (input.round === 'after-answer' && input.question) {
    blocks.push({
      kind: 'facts',
      facts: [
        [t.question, input.question],
        [t.answer, input.answer ?? ''],
      ],
    });
  }
  blocks.push({ kind: 'facts', facts: input.facts });
  blocks.push({
    kind: 'buttons',
    buttons: [
      { label: t.approve, url: `${input.decideUrl}?action=approve` },
      { label: t.reject, url: `${input.decideUrl}?action=reject` },
      { label: t.ask, url: `${input.decideUrl}?action=question` },
    ],
  });
  blocks.push({ kind: 'text', text: t.more });
  return renderMail({
    to: input.to,
    subject: `${t.subject[input.round]}${name} – ${input.formTitle}`,
    locale: input.locale,
    blocks,
    footer: `${t.footer.replace('{until}', input.validUntil.toISOString().slice(0, 10))} — ${input.organisation}`,
  });
}

type ApplicantKind = 'approved' | 'rejected' | 'expired' | 'question';

const applicantTexts: Record<ShippedLocale, Record<ApplicantKind | 'comment' | 'answerButton', string>> = {
  de: {
    approved:
      'gute Nachrichten: Ihre Anmeldung für „{form}“ wurde angenommen. Als Nächstes erhalten Sie eine Einladung zum nächsten Vorbereitungskurs mit freien Plätzen.',
    rejected:
      'vielen Dank für Ihr Interesse an „{form}“. Leider können wir Ihre Anmeldung dieses Mal nicht annehmen.',
    expired:
      'vielen Dank für Ihre Anmeldung für „{form}“. Leider konnten wir sie nicht rechtzeitig bearbeiten. Das tut uns leid. Wir melden uns, sobald es weitergeht – Sie müssen nichts tun.',
    question: 'zu Ihrer Anmeldung für „{form}“ haben wir eine Frage:',
    comment: 'Anmerkung',
    answerButton: 'Frage beantworten',
  },
  en: {
    approved:
      'good news: your registration for “{form}” has been approved. Next, you will receive an invitation to the next preparation course with free places.',
    rejected:
      'thank you for your interest in “{form}”. Unfortunately we cannot accept your registration this time.',
    expired:
      'thank you for your registration for “{form}”. Unfortunately we could not process it in time. We are sorry. We will get in touch as soon as things move on – you do not need to do anything.',
    question: 'we have a question about your registration for “{form}”:',
    comment: 'Note',
    answerButton: 'Answer the question',
  },
  ar: {
    approved:
      'أخبار سارة: تم قبول تسجيلك في «{form}». ستصلك بعد ذلك دعوة إلى دورة التحضير القادمة التي تتوفر فيها أماكن.',
    rejected: 'شكرًا لاهتمامك بـ «{form}». للأسف لا يمكننا قبول تسجيلك هذه المرة.',
    expired:
      'شكرًا لتسجيلك في «{form}». للأسف لم نتمكن من معالجته في الوقت المحدد. نعتذر عن ذلك. سنتواصل معك عندما تتقدم الأمور – لا يلزمك فعل أي شيء.',
    question: 'لدينا سؤال حول تسجيلك في «{form}»:',
    comment: 'ملاحظة',
    answerButton: 'الإجابة على السؤال',
  },
  fa: {
    approved:
      'خبر خوب: ثبت‌نام شما برای «{form}» پذیرفته شد. در گام بعد، دعوت‌نامه‌ای برای دوره آمادگی بعدی که جای خالی دارد دریافت می‌کنید.',
    rejected: 'از علاقه شما به «{form}» سپاس‌گزاریم. متأسفانه این بار نمی‌توانیم ثبت‌نام شما را بپذیریم.',
    expired:
      'از ثبت‌نام شما برای «{form}» سپاس‌گزاریم. متأسفانه نتوانستیم آن را به‌موقع بررسی کنیم و از این بابت پوزش می‌خواهیم. به محض این‌که کار پیش برود با شما تماس می‌گیریم – لازم نیست کاری انجام دهید.',
    question: 'درباره ثبت‌نام شما برای «{form}» یک پرسش داریم:',
    comment: 'توضیح',
    answerButton: 'پاسخ به پرسش',
  },
  uk: {
    approved:
      'Гарна новина: вашу реєстрацію на «{form}» прийнято. Далі ви отримаєте запрошення на найближчий підготовчий курс, де є вільні місця.',
    rejected: 'Дякуємо за інтерес до «{form}». На жаль, цього разу ми не можемо прийняти вашу реєстрацію.',
    expired:
      'Дякуємо за реєстрацію на «{form}». На жаль, ми не встигли її вчасно опрацювати. Просимо вибачення. Ми зв’яжемося з вами, щойно справа рушить далі, – вам нічого не потрібно робити.',
    question: 'У нас є запитання щодо вашої реєстрації на «{form}»:',
    comment: 'Примітка',
    answerButton: 'Відповісти на запитання',
  },
  tr: {
    approved:
      'Güzel bir haberimiz var: “{form}” için kaydınız kabul edildi. Bir sonraki adımda, boş yeri olan ilk hazırlık kursuna bir davet alacaksınız.',
    rejected:
      '“{form}” ile ilgilendiğiniz için teşekkür ederiz. Ne yazık ki bu sefer kaydınızı kabul edemiyoruz.',
    expired:
      '“{form}” için yaptığınız kayıt için teşekkür ederiz. Ne yazık ki kaydınızı zamanında işleme alamadık, bunun için özür dileriz. Süreç ilerler ilerlemez sizinle iletişime geçeceğiz – sizin bir şey yapmanıza gerek yok.',
    question: '“{form}” için yaptığınız kayıtla ilgili bir sorumuz var:',
    comment: 'Not',
    answerButton: 'Soruyu yanıtla',
  },
  ru: {
    approved:
      'Хорошая новость: ваша регистрация на «{form}» принята. Далее вы получите приглашение на ближайший подготовительный курс, где есть свободные места.',
    rejected: 'Спасибо за интерес к «{form}». К сожалению, в этот раз мы не можем принять вашу регистрацию.',
    expired:
      'Спасибо за регистрацию на «{form}». К сожалению, мы не успели вовремя её рассмотреть. Просим прощения. Мы свяжемся с вами, как только появятся новости, – вам ничего не нужно делать.',
    question: 'У нас есть вопрос о вашей регистрации на «{form}»:',
    comment: 'Примечание',
    answerButton: 'Ответить на вопрос',
  },
};

/** E-mails to the applicant, in their language: the outcome, a kind note on expiry, or a question. */
export function applicantMail(input: {
  to: string;
  locale: string;
  kind: ApplicantKind;
  formTitle: string;
  firstName?: string;
  comment?: string;
  question?: string;
  answerUrl?: string;
  organisation: string;
}): MailMessage {
  const locale = shippedLocaleFor(input.locale);
  const t = applicantTexts[locale];
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `${greeting(locale, input.firstName)}\n${t[input.kind].replace('{form}', input.formTitle)}`,
    },
  ];
  if (input.kind === 'question') {
    blocks.push({ kind: 'text', text: input.question ?? '' });
    if (input.answerUrl)
      blocks.push({ kind: 'buttons', buttons: [{ label: t.answerButton, url: input.answerUrl }] });
  }
  if (input.kind === 'rejected' && input.comment)
    blocks.push({ kind: 'facts', facts: [[t.comment, input.comment]] });
  return renderMail({
    to: input.to,
    subject: `${input.formTitle} – ${input.organisation}`,
    locale,
    blocks,
    footer: signOff(input.organisation, sentAutomatically[locale]),
  });
}
