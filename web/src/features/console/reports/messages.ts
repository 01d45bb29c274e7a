import { useConsoleText } from '../i18n.tsx';

/** The reports page's texts in German and English. */
const de = {
  title: 'Berichte',
  intro: 'Zahlen für Förderer: je Programm und Zeitraum.',
  period: 'Zeitraum',
  from: 'Von',
  to: 'Bis',
  thisYear: 'Dieses Jahr',
  lastYear: 'Letztes Jahr',
  programme: 'Programm',
  allProgrammes: 'Alle Programme',
  show: 'Anzeigen',
  loading: 'Wird geladen …',
  loadFailed: 'Der Bericht konnte nicht geladen werden.',
  figures: 'Zahlen',
  figuresCaption: (from: string, to: string) => `Zahlen vom ${from} bis ${to}`,
  figure: 'Kennzahl',
  total: 'Zusammen',
  rows: {
    registrations: 'Registrierungen',
    approvals: 'Annahmen',
    offers: 'Kursangebote',
    enrolments: 'Kursanmeldungen',
    attendanceRate: 'Anwesenheitsquote',
    certificates: 'Zertifikate',
    teachingHours: 'Unterrichtsstunden',
    volunteerHours: 'Stunden der Freiwilligen in Kursen',
  } as Record<string, string>,
  chart: 'Je Monat',
  chartSummary: (months: number) =>
    `Säulendiagramm über ${months} Monate: Registrierungen, Annahmen, Kursanmeldungen und Zertifikate je Monat. Die Zahlen stehen in der Tabelle darunter.`,
  monthTable: 'Je Monat als Tabelle',
  month: 'Monat',
  noMonths: 'In diesem Zeitraum gibt es noch keine Zahlen.',
  downloadCsv: 'CSV herunterladen',
  downloaded: (name: string) => `${name} ist heruntergeladen.`,
  failed: 'Das hat nicht geklappt.',
  badPeriod: '„Von“ muss vor „Bis“ liegen.',
};

type ReportsMessages = typeof de;

const en: ReportsMessages = {
  title: 'Reports',
  intro: 'Figures for funders: per programme and period.',
  period: 'Period',
  from: 'From',
  to: 'To',
  thisYear: 'This year',
  lastYear: 'Last year',
  programme: 'Programme',
  allProgrammes: 'All programmes',
  show: 'Show',
  loading: 'Loading …',
  loadFailed: 'The report could not be loaded.',
  figures: 'Figures',
  figuresCaption: (from, to) => `Figures from ${from} to ${to}`,
  figure: 'Figure',
  total: 'Total',
  rows: {
    registrations: 'Registrations',
    approvals: 'Approvals',
    offers: 'Course offers',
    enrolments: 'Enrolments',
    attendanceRate: 'Attendance rate',
    certificates: 'Certificates',
    teachingHours: 'Teaching hours',
    volunteerHours: 'Volunteer hours in courses',
  },
  chart: 'Per month',
  chartSummary: (months) =>
    `Bar chart over ${months} months: registrations, approvals, enrolments and certificates per month. The figures are in the table below it.`,
  monthTable: 'Per month as a table',
  month: 'Month',
  noMonths: 'No figures in this period yet.',
  downloadCsv: 'Download CSV',
  downloaded: (name) => `${name} is downloaded.`,
  failed: 'That did not work.',
  badPeriod: '"From" must come before "To".',
};

export function useReportsText(): { t: ReportsMessages; locale: 'de' | 'en' } {
  const { locale } = useConsoleText();
  return { t: { de, en }[locale], locale };
}
