import type { InboxStatus } from '../domain/inbox.ts';

/** The texts an export adds around the form's own labels: German, English for any other locale. */
const texts = {
  de: {
    receiptNumber: 'Eingangsnummer',
    receivedAt: 'Eingegangen am (UTC, ISO 8601)',
    receivedAtLocal: 'Eingegangen am',
    status: 'Status',
    formVersion: 'Formularversion',
    applicantLanguage: 'Sprache der Person',
    yes: 'Ja',
    no: 'Nein',
    statuses: {
      new: 'Neu',
      waiting: 'Wartet auf Entscheidung',
      question: 'Rückfrage offen',
      approved: 'Angenommen',
      rejected: 'Abgelehnt',
      expired: 'Abgelaufen',
      open: 'Offen',
      'picked-up': 'Übernommen',
      unassigned: 'Nicht übernommen',
      failed: 'Fehlgeschlagen',
    },
  },
  en: {
    receiptNumber: 'Receipt number',
    receivedAt: 'Received at (UTC, ISO 8601)',
    receivedAtLocal: 'Received at',
    status: 'Status',
    formVersion: 'Form version',
    applicantLanguage: "Applicant's language",
    yes: 'Yes',
    no: 'No',
    statuses: {
      new: 'New',
      waiting: 'Waiting for a decision',
      question: 'Question open',
      approved: 'Approved',
      rejected: 'Rejected',
      expired: 'Expired',
      open: 'Open',
      'picked-up': 'Picked up',
      unassigned: 'Not picked up',
      failed: 'Failed',
    },
  },
} satisfies Record<string, { statuses: Record<InboxStatus, string> } & Record<string, unknown>>;

export type ExportTexts = (typeof texts)['en'];

export const exportTexts = (locale: string): ExportTexts => (locale === 'de' ? texts.de : texts.en);

/** The name of a language in the export's language, e.g. `Arabisch (ar)`; the code alone if unknown. */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' }).of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
