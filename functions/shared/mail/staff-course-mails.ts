import type { MailMessage } from '../adapters/mailer.ts';
import { fill } from './course-mails.ts';
import { signOff } from './greeting.ts';
import { type Block, renderMail } from './layout.ts';

const texts = {
  de: {
    subject: 'Platz freigegeben: {course}',
    intro: 'Hallo,\n{name} hat den Platz im Kurs „{course}“ freigegeben.',
    promoted: 'Die erste Person auf der Warteliste hat ein Angebot für den Platz bekommen.',
    free: 'Niemand wartet; der Platz ist jetzt frei.',
    open: 'Kurs öffnen',
    footer: 'Diese E-Mail wurde automatisch versendet.',
  },
  en: {
    subject: 'Seat given back: {course}',
    intro: 'Hello,\n{name} has given back their seat in the course “{course}”.',
    promoted: 'The first person on the waiting list has been offered the seat.',
    free: 'Nobody is waiting; the seat is free now.',
    open: 'Open the course',
    footer: 'This e-mail was sent automatically.',
  },
} as const;

/**
 * To the course's coordinator when a volunteer cancels their seat. Staff read German or English;
 * only the first name goes into the mail, the console shows the rest to those allowed to see it.
 */
export function seatCancelledNotice(input: {
  to: string;
  locale: string;
  firstName: string;
  courseTitle: string;
  courseUrl: string;
  /** Whether the freed seat went to the first person waiting. */
  promoted: boolean;
  organisation: string;
}): MailMessage {
  const t = input.locale === 'de' ? texts.de : texts.en;
  const fillIn = (template: string) => fill(template, { name: input.firstName, course: input.courseTitle });
  const blocks: Block[] = [
    { kind: 'text', text: fillIn(t.intro) },
    { kind: 'text', text: input.promoted ? t.promoted : t.free },
    { kind: 'buttons', buttons: [{ label: t.open, url: input.courseUrl }] },
  ];
  return renderMail({
    to: input.to,
    subject: fillIn(t.subject),
    locale: input.locale === 'de' ? 'de' : 'en',
    blocks,
    footer: signOff(input.organisation, t.footer),
  });
}
