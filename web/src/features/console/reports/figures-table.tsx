import { ScrollRegion } from '../inbox/scroll-region.tsx';
import { useReportsText } from './messages.ts';
import type { ReportView } from './reports-api.ts';

const ROWS = [
  'registrations',
  'approvals',
  'offers',
  'enrolments',
  'attendanceRate',
  'certificates',
  'teachingHours',
  'volunteerHours',
] as const;

type Figures = ReportView['totals'];

/** One row per figure, one column per programme and the total: reads down on a phone, scrolls sideways. */
export function FiguresTable({ report }: { report: ReportView }) {
  const { t, locale } = useReportsText();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${iso}T12:00:00Z`),
    );
  const cell = (figures: Figures, row: (typeof ROWS)[number]) => {
    const value = figures[row];
    if (value === null) return '–';
    return row === 'attendanceRate' ? percent.format(value) : number.format(value);
  };
  const columns = report.programmes.length === 1 ? report.programmes : [...report.programmes];
  return (
    <div>
      <h2 id="figures-title">{t.figures}</h2>
      <ScrollRegion labelledBy="figures-title">
        <table className="admin-table figures-table">
          <caption>{t.figuresCaption(date(report.from), date(report.to))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.figure}</th>
              {columns.map((programme) => (
                <th scope="col" key={programme.formSlug}>
                  {programme.title}
                </th>
              ))}
              {columns.length !== 1 && <th scope="col">{t.total}</th>}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} data-figure={row}>
                <th scope="row">{t.rows[row]}</th>
                {columns.map((programme) => (
                  <td key={programme.formSlug}>{cell(programme, row)}</td>
                ))}
                {columns.length !== 1 && <td>{cell(report.totals, row)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
