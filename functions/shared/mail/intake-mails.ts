import type { MailMessage } from '../adapters/mailer.ts';
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

const acknowledgement: Record<
  string,
  (team: string, days: number) => { subject: string; body: string; footer: string }
> = {
  de: (team, days) => ({
    subject: 'Ihre Anfrage ist angekommen',
    body: `vielen Dank für Ihre Anfrage. Das Team „${team}“ meldet sich innerhalb von ${days} Werktagen bei Ihnen. Die Beratung ist kostenlos und vertraulich.`,
    footer: 'Diese E-Mail wurde automatisch versendet.',
  }),
  en: (team, days) => ({
    subject: 'We have received your request',
    body: `thank you for your request. The team “${team}” will contact you within ${days} working days. Counselling is free and confidential.`,
    footer: 'This e-mail was sent automatically.',
  }),
  ar: (team, days) => ({
    subject: 'لقد استلمنا طلبك',
    body: `شكرًا لطلبك. سيتواصل معك فريق «${team}» خلال ${days} أيام عمل. الاستشارة مجانية وسرية.`,
    footer: 'تم إرسال هذا البريد الإلكتروني تلقائيًا.',
  }),
  uk: (team, days) => ({
    subject: 'Ми отримали ваш запит',
    body: `Дякуємо за ваш запит. Команда «${team}» зв’яжеться з вами протягом ${days} робочих днів. Консультація безкоштовна та конфіденційна.`,
    footer: 'Цей лист надіслано автоматично.',
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
  const texts = (acknowledgement[input.locale] ?? acknowledgement.en ?? acknowledgement.de)?.(
    input.teamName,
    input.withinDays,
  );
  const hello: Record<string, string> = { de: 'Hallo', en: 'Hello', ar: 'مرحبًا', uk: 'Вітаємо' };
  const greeting = `${hello[input.locale] ?? hello.en}${input.firstName ? ` ${input.firstName}` : ''},`;
  return renderMail({
    to: input.to,
    subject: `${texts?.subject ?? ''} (${input.receiptNumber})`,
    locale: input.locale,
    blocks: [
      { kind: 'text', text: `${greeting}\n${texts?.body ?? ''}` },
      { kind: 'facts', facts: [['#', input.receiptNumber]] },
    ],
    footer: `— ${input.organisation}. ${texts?.footer ?? ''}`,
  });
}
