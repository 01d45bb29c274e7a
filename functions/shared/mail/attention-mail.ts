import type { MailMessage } from '../adapters/mailer.ts';
import type { AttentionItem, AttentionKind, AttentionSummary } from '../domain/attention.ts';
import { receiptNumber } from '../domain/submissions.ts';
import { renderMail } from './layout.ts';

const kindTexts: Record<AttentionKind, { de: string; en: string }> = {
  'workflow-failed': {
    de: 'Abläufe abgebrochen oder abgelaufen',
    en: 'workflows that failed or timed out',
  },
  'workflow-not-started': {
    de: 'Anmeldungen, deren Ablauf nicht startet',
    en: 'submissions whose workflow does not start',
  },
  'mail-refused': { de: 'E-Mails, die nicht zugestellt werden konnten', en: 'e-mails that were refused' },
};

/**
 * The admin's digest: what needs attention since the last one, in German and English (admins may
 * be either), receipt numbers only, so it can be read on a phone and forwarded without a data leak.
 */
export function attentionDigestMail(input: {
  to: string;
  organisation: string;
  summaries: Readonly<Record<AttentionKind, AttentionSummary>>;
  fresh: Readonly<Record<AttentionKind, readonly AttentionItem[]>>;
  healthUrl: string;
}): MailMessage {
  const kinds = Object.keys(kindTexts) as AttentionKind[];
  const total = kinds.reduce((sum, kind) => sum + input.summaries[kind].count, 0);
  const facts = kinds
    .filter((kind) => input.summaries[kind].count > 0)
    .map((kind) => [
      `${kindTexts[kind].de} / ${kindTexts[kind].en}`,
      `${input.summaries[kind].count}${
        input.fresh[kind].length > 0
          ? ` (neu / new: ${input.fresh[kind].map((item) => receiptNumber(item.submissionId)).join(', ')})`
          : ''
      }`,
    ]) as [string, string][];
  return renderMail({
    to: input.to,
    subject: `${input.organisation}: ${total} Fälle brauchen Aufmerksamkeit / ${total} cases need attention`,
    locale: 'de',
    blocks: [
      {
        kind: 'text',
        text: 'Hallo,\n\nin Lotse warten Fälle auf Sie. Niemand soll unbemerkt warten: Bitte sehen Sie sich diese Anmeldungen an (Zeitleiste der Anmeldung). Abgebrochene Abläufe starten Sie mit „npm run forms -- restart --failed“ neu.',
      },
      { kind: 'facts', facts },
      {
        kind: 'text',
        text: 'Hello,\n\nsome cases in Lotse need you. Please look at these submissions (their timeline). Restart failed workflows with "npm run forms -- restart --failed".',
      },
      { kind: 'buttons', buttons: [{ label: 'Konsole öffnen / Open the console', url: input.healthUrl }] },
    ],
    footer: `${input.organisation} · Lotse`,
  });
}
