import { stringify } from 'csv-stringify/sync';
import type { ReportView } from '../contracts/courses.ts';
import { type Cell, cellText, neutralise } from './cells.ts';
import { csvDelimiter, numberFormatter } from './csv.ts';

const headers = {
  de: {
    programme: 'Programm',
    from: 'Von',
    to: 'Bis',
    registrations: 'Anmeldungen',
    approvals: 'Angenommen',
    offers: 'Kursangebote',
    enrolments: 'Kursplätze gebucht',
    attendanceRate: 'Anwesenheit (%)',
    certificates: 'Zertifikate',
    teachingHours: 'Unterrichtsstunden',
    volunteerHours: 'Stunden der Ehrenamtlichen',
    total: 'Gesamt',
  },
  en: {
    programme: 'Programme',
    from: 'From',
    to: 'To',
    registrations: 'Registrations',
    approvals: 'Approvals',
    offers: 'Course offers',
    enrolments: 'Enrolments',
    attendanceRate: 'Attendance (%)',
    certificates: 'Certificates',
    teachingHours: 'Teaching hours',
    volunteerHours: 'Volunteer hours',
    total: 'Total',
  },
} as const;

type Row = ReportView['totals'];

/**
 * The funders' report as a CSV for Excel, written like the submissions export (csv.ts): UTF-8 with
 * a byte-order mark, CRLF, every field quoted, the region's list separator and decimal mark, text
 * neutralised against formulas (a programme's title is typed by staff). One row per programme and
 * a total row; the period is in every row, so rows pasted together from several reports still say
 * which period they are.
 */
export function reportCsv(view: ReportView, locale: string): string {
  const t = locale === 'de' ? headers.de : headers.en;
  const formatNumber = numberFormatter(locale);
  const row = (label: string, figures: Row): Cell[] => [
    label,
    view.from,
    view.to,
    figures.registrations,
    figures.approvals,
    figures.offers,
    figures.enrolments,
    figures.attendanceRate === null ? null : Math.round(figures.attendanceRate * 1000) / 10,
    figures.certificates,
    figures.teachingHours,
    figures.volunteerHours,
  ];
  const labels = [
    t.programme,
    t.from,
    t.to,
    t.registrations,
    t.approvals,
    t.offers,
    t.enrolments,
    t.attendanceRate,
    t.certificates,
    t.teachingHours,
    t.volunteerHours,
  ];
  const rows = [...view.programmes.map((p) => row(p.title, p)), row(t.total, view.totals)];
  return stringify(
    [labels.map(neutralise), ...rows.map((cells) => cells.map((c) => cellText(c, formatNumber)))],
    {
      delimiter: csvDelimiter(locale),
      record_delimiter: 'windows',
      bom: true,
      quoted: true,
    },
  );
}

/** A file name that says what and when, in ASCII so every browser keeps it. */
export const reportFileName = (view: Pick<ReportView, 'from' | 'to'>): string =>
  `lotse-report-${view.from}-${view.to}.csv`;
