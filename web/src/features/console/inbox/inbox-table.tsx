import { Link } from 'react-router';
import { formatTime } from './format.ts';
import type { InboxRow } from './inbox-api.ts';
import { useInboxText } from './messages.ts';
import { ScrollRegion } from './scroll-region.tsx';

interface Props {
  readonly caption: string;
  readonly rows: readonly InboxRow[];
  readonly titleFor: (slug: string) => string;
}

/**
 * One row per application; the receipt number is the link and covers the whole row (CSS), so a
 * click anywhere opens it while the keyboard meets one link per row. On a phone the table scrolls
 * inside its own focusable region.
 */
export function InboxTable({ caption, rows, titleFor }: Props) {
  const { t, locale } = useInboxText();
  return (
    <ScrollRegion labelledBy="inbox-caption">
      <table className="inbox-table">
        <caption id="inbox-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.receipt}</th>
            <th scope="col">{t.applicant}</th>
            <th scope="col">{t.form}</th>
            <th scope="col">{t.statusLabel}</th>
            <th scope="col">{t.stepLabel}</th>
            <th scope="col">{t.received}</th>
            <th scope="col">{t.assignee}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.submissionId} data-submission={row.submissionId}>
              <th scope="row">
                <Link className="row-link" to={`/console/inbox/${row.submissionId}`}>
                  {row.receiptNumber}
                </Link>
              </th>
              <td>{row.applicantName ?? ''}</td>
              <td>{titleFor(row.formSlug)}</td>
              <td>{t.status[row.status] ?? row.status}</td>
              <td>{t.step[row.step] ?? row.step}</td>
              <td>{formatTime(row.receivedAt, locale)}</td>
              <td>{row.assignee?.username ?? t.nobody}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
