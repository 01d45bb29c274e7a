import { useId } from 'react';
import { ScrollRegion } from '../inbox/scroll-region.tsx';
import { useReportsText } from './messages.ts';
import type { ReportView } from './reports-api.ts';

type Month = ReportView['months'][number];
const SERIES = ['registrations', 'approvals', 'enrolments', 'certificates'] as const;
// Bars are in the legend's order within each month, so they are told apart by place, not colour alone.
const COLOURS = {
  registrations: '#0b5394',
  approvals: '#1d6b2c',
  enrolments: '#8a4b00',
  certificates: '#6a1b9a',
};

const HEIGHT = 180;
const BAR = 9;
const GAP = 16;

/**
 * Registrations, approvals, enrolments and certificates per month as grouped bars, in plain SVG.
 * A charting library would cost more than this whole screen: Chart.js 4.6.1's minified bundle is
 * 70.9 kB gzip (`npm pack chart.js`, gzip -9 of dist/chart.umd.min.js), while the whole reports
 * page with this chart is 3.7 kB gzip (`npm run build:web`, reports-page chunk).
 * The SVG is an image with a summary; the same figures follow as a table for screen readers and
 * for anyone who would rather read.
 */
export function MonthChart({ months }: { months: readonly Month[] }) {
  const { t, locale } = useReportsText();
  const ids = { title: useId(), summary: useId() };
  const max = Math.max(1, ...months.flatMap((m) => SERIES.map((s) => m[s])));
  const groupWidth = SERIES.length * BAR + GAP;
  const width = Math.max(200, months.length * groupWidth + 40);
  const label = (month: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  return (
    <figure className="month-chart">
      <figcaption id={ids.title}>{t.chart}</figcaption>
      <ul className="chart-legend">
        {SERIES.map((series) => (
          <li key={series}>
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <rect width="14" height="14" fill={COLOURS[series]} />
            </svg>{' '}
            {t.rows[series]}
          </li>
        ))}
      </ul>
      <ScrollRegion labelledBy={ids.title}>
        <svg
          role="img"
          aria-labelledby={ids.title}
          aria-describedby={ids.summary}
          width={width}
          height={HEIGHT + 30}
          viewBox={`0 0 ${width} ${HEIGHT + 30}`}
        >
          <title>{t.chart}</title>
          <line x1="30" x2={width} y1={HEIGHT} y2={HEIGHT} stroke="#555" />
          <text x="0" y="12" fontSize="11" fill="#333">
            {max}
          </text>
          {months.map((month, index) => {
            const x = 34 + index * groupWidth;
            return (
              <g key={month.month}>
                {SERIES.map((series, s) => {
                  const h = Math.round((month[series] / max) * (HEIGHT - 10));
                  return (
                    <rect
                      key={series}
                      x={x + s * BAR}
                      y={HEIGHT - h}
                      width={BAR - 1}
                      height={h}
                      fill={COLOURS[series]}
                    >
                      <title>{`${label(month.month)}: ${t.rows[series]} ${month[series]}`}</title>
                    </rect>
                  );
                })}
                <text x={x} y={HEIGHT + 14} fontSize="10" fill="#333">
                  {label(month.month)}
                </text>
              </g>
            );
          })}
        </svg>
      </ScrollRegion>
      <p id={ids.summary} className="visually-hidden">
        {t.chartSummary(months.length)}
      </p>
      <details>
        <summary>{t.monthTable}</summary>
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t.month}</th>
                {SERIES.map((series) => (
                  <th scope="col" key={series}>
                    {t.rows[series]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{label(month.month)}</th>
                  {SERIES.map((series) => (
                    <td key={series}>{month[series]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
