import type { MailMessage } from '../adapters/mailer.ts';
import { type ShippedLocale, shippedLocaleFor } from '../i18n/locales.ts';
import { greeting, sentAutomatically, signOff } from './greeting.ts';
import { renderMail } from './layout.ts';

/** To the team: nothing personal beyond a first name and the topic; the case itself is behind sign-in. */
export function teamNotificationMail(input: {
  to: string;
  locale: string;
  escalation: boolean;
  teamName: string;
  firstName?: string;
  topic: string;
  receiptNumber: string;
  caseUrl: string;
  pickupWithinHours: number;
  organisation: string;
}): MailMessage {
  const en = input.locale === 'en';
  const who = input.firstName ?? (en ? 'someone' : 'eine Person');
  const subject = input.escalation
    ? en
      ? `Not picked up yet: counselling request ${input.receiptNumber}`
      : `Noch nicht übernommen: Beratungsanfrage ${input.receiptNumber}`
    : en
      ? `New counselling request: ${who} – ${input.topic}`
      : `Neue Beratungsanfrage: ${who} – ${input.topic}`;
  const intro = input.escalation
    ? en
      ? `nobody from ${input.teamName} has picked up this request within ${input.pickupWithinHours} hours.`
      : `diese Anfrage wurde innerhalb von ${input.pickupWithinHours} Stunden von niemandem aus „${input.teamName}“ übernommen.`
    : en
      ? `a new counselling request for ${input.teamName} has arrived. Please pick it up within ${input.pickupWithinHours} hours.`
      : `für „${input.teamName}“ ist eine neue Beratungsanfrage eingegangen. Bitte übernehmen Sie sie innerhalb von ${input.pickupWithinHours} Stunden.`;
  return renderMail({
    to: input.to,
    subject,
    locale: input.locale,
    blocks: [
      { kind: 'text', text: `${en ? 'Hello,' : 'Hallo,'}\n${intro}` },
      {
        kind: 'facts',
        facts: [
          [en ? 'First name' : 'Vorname', input.firstName ?? '—'],
          [en ? 'Topic' : 'Thema', input.topic],
          [en ? 'Receipt number' : 'Eingangsnummer', input.receiptNumber],
        ],
      },
      {
        kind: 'buttons',
        buttons: [{ label: en ? 'Open the case (sign-in)' : 'Fall öffnen (Anmeldung)', url: input.caseUrl }],
      },
    ],
    footer: `— ${input.organisation}`,
  });
}

/** "within N working days", with the number's grammar where the language needs it. */
const withinDays: Record<ShippedLocale, (days: number) => string> = {
  de: (n) => (n === 1 ? 'innerhalb eines Werktags' : `innerhalb von ${n} Werktagen`),
  en: (n) => (n === 1 ? 'within one working day' : `within ${n} working days`),
  ar: (n) => {
    const rule = new Intl.PluralRules('ar').select(n);
    if (rule === 'one') return 'خلال يوم عمل واحد';
    if (rule === 'two') return 'خلال يومَي عمل';
    return rule === 'few' ? `خلال ${n} أيام عمل` : `خلال ${n} يوم عمل`;
  },
  fa: (n) => `ظرف ${n} روز کاری`,
  uk: (n) =>
    `протягом ${n} ${new Intl.PluralRules('uk').select(n) === 'one' ? 'робочого дня' : 'робочих днів'}`,
  tr: (n) => `${n} iş günü içinde`,
  ru: (n) =>
    `в течение ${n} ${new Intl.PluralRules('ru').select(n) === 'one' ? 'рабочего дня' : 'рабочих дней'}`,
};

const acknowledgement: Record<
  ShippedLocale,
  (team: string, within: string) => { subject: string; body: string }
> = {
  de: (team, within) => ({
    subject: 'Ihre Anfrage ist angekommen',
    body: `vielen Dank für Ihre Anfrage. Das Team „${team}“ meldet sich ${within} bei Ihnen. Die Beratung ist kostenlos und vertraulich.`,
  }),
  en: (team, within) => ({
    subject: 'We have received your request',
    body: `thank you for your request. The team “${team}” will contact you ${within}. Counselling is free and confidential.`,
  }),
  ar: (team, within) => ({
    subject: 'لقد استلمنا طلبك',
    body: `شكرًا لطلبك. سيتواصل معك فريق «${team}» ${within}. الاستشارة مجانية وسرية.`,
  }),
  fa: (team, within) => ({
    subject: 'درخواست شما به دست ما رسید',
    body: `از درخواست شما سپاس‌گزاریم. تیم «${team}» ${within} با شما تماس می‌گیرد. مشاوره رایگان و محرمانه است.`,
  }),
  uk: (team, within) => ({
    subject: 'Ми отримали ваш запит',
    body: `Дякуємо за ваш запит. Команда «${team}» зв’яжеться з вами ${within}. Консультація безкоштовна та конфіденційна.`,
  }),
  tr: (team, within) => ({
    subject: 'Talebiniz bize ulaştı',
    body: `Talebiniz için teşekkür ederiz. “${team}” ekibi ${within} sizinle iletişime geçecek. Danışmanlık ücretsiz ve gizlidir.`,
  }),
  ru: (team, within) => ({
    subject: 'Мы получили ваш запрос',
    body: `Спасибо за ваш запрос. Команда «${team}» свяжется с вами ${within}. Консультация бесплатная и конфиденциальная.`,
  }),
};

/** To the person: who will contact them and when, in their language. */
export function intakeAcknowledgementMail(input: {
  to: string;
  locale: string;
  firstName?: string;
  teamName: string;
  withinDays: number;
  receiptNumber: string;
  organisation: string;
}): MailMessage {
  const locale = shippedLocaleFor(input.locale);
  const texts = acknowledgement[locale](input.teamName, withinDays[locale](input.withinDays));
  return renderMail({
    to: input.to,
    subject: `${texts.subject} (${input.receiptNumber})`,
    locale,
    blocks: [
      { kind: 'text', text: `${greeting(locale, input.firstName)}\n${texts.body}` },
      { kind: 'facts', facts: [['#', input.receiptNumber]] },
    ],
    footer: signOff(input.organisation, sentAutomatically[locale]),
  });
}
