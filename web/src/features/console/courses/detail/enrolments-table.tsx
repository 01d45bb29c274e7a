import { ScrollRegion } from '../../inbox/scroll-region.tsx';
import type { EnrolmentView } from '../courses-api.ts';
import { formatTime, useCoursesText } from '../messages.ts';

const percent = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    value > 1 ? value / 100 : value,
  );

/** Everyone with a place in the course (not the waiting list); scrolls sideways on a phone. */
export function EnrolmentsTable({ enrolments }: { enrolments: readonly EnrolmentView[] }) {
  const { t, locale } = useCoursesText();
  return (
    <div>
      <h2 id="enrolments-title">{t.enrolments}</h2>
      {enrolments.length === 0 ? (
        <p>{t.noEnrolments}</p>
      ) : (
        <ScrollRegion labelledBy="enrolments-title">
          <table className="admin-table enrolments-table">
            <caption className="visually-hidden">{t.enrolmentsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.enrolmentStatus}</th>
                <th scope="col">{t.heldUntil}</th>
                <th scope="col">{t.attendance}</th>
                <th scope="col">{t.certificate}</th>
              </tr>
            </thead>
            <tbody>
              {enrolments.map((e) => (
                <tr key={e.participantId} data-participant={e.participantId}>
                  <th scope="row">{e.name}</th>
                  <td>{t.enrolment[e.status] ?? e.status}</td>
                  <td>{e.status === 'offered' ? formatTime(e.offerExpiresAt, locale) : ''}</td>
                  <td>{Object.keys(e.attendance).length > 0 ? percent(e.attendancePercent, locale) : '–'}</td>
                  <td>{e.certificateNumber ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
