import { Link } from 'react-router';
import { type InboxFilters, STATUSES, type StatusCounts } from './inbox-api.ts';
import { useInboxText } from './messages.ts';

export function hrefWith(
  filters: InboxFilters,
  change: Partial<Record<keyof InboxFilters, string | undefined>>,
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...change })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '?';
}

/** Counts per status as links that filter by it; statuses nobody is in are left out. */
export function StatusChips({
  counts,
  filters,
}: {
  counts: StatusCounts | undefined;
  filters: InboxFilters;
}) {
  const { t } = useInboxText();
  if (!counts) return null;
  const shown = STATUSES.filter((status) => (counts[status] ?? 0) > 0 || filters.status === status);
  const chip = (status: string | undefined, label: string, count: number) => (
    <li key={status ?? 'all'}>
      <Link
        className="chip"
        to={hrefWith(filters, { status })}
        aria-current={filters.status === status ? 'true' : undefined}
      >
        {label} <span className="chip-count">{count}</span>
      </Link>
    </li>
  );
  return (
    <nav aria-label={t.counts}>
      <ul className="chips">
        {chip(undefined, t.all, counts.total ?? 0)}
        {shown.map((status) => chip(status, t.status[status] ?? status, counts[status] ?? 0))}
      </ul>
    </nav>
  );
}
