import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { apiJson, SignInRequired } from '../api.ts';
import { type AuditFilters, useAuditLog } from './audit-api.ts';
import { AuditEntryView } from './audit-entry.tsx';
import { AuditFiltersForm } from './audit-filters.tsx';
import { useAuditText } from './messages.ts';

const FILTER_KEYS = ['from', 'to', 'action', 'actor'] as const;

/** The accounts, to name people by e-mail in the filter and in entries about them. */
const usePeople = () =>
  useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => apiJson<{ users: { id: string; email: string }[] }>('/admin/users').then((b) => b.users),
  });

/** `/console/audit`: the audit log, newest first, filtered by the URL's query, older pages on demand. */
export function AuditPage() {
  const { t } = useAuditText();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])),
  );
  const log = useAuditLog(filters);
  const people = usePeople().data ?? [];
  const emails = new Map(people.map((person) => [person.id, person.email]));
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const firstOfLastPage = useRef<HTMLLIElement>(null);
  const pages = log.data?.pages.length ?? 0;

  useEffect(() => {
    // After "load older", the first new entry gets focus, so keyboard users continue from there.
    if (pages > 1) firstOfLastPage.current?.focus();
  }, [pages]);

  const apply = (next: AuditFilters) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, value]) => value)) as Record<string, string>,
    );
  const lastPageStart = entries.length - (log.data?.pages.at(-1)?.entries.length ?? 0);

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <AuditFiltersForm filters={filters} people={people} onApply={apply} />
      <div aria-live="polite" className="admin-status">
        {log.isSuccess && <p>{entries.length === 0 ? t.none : t.count(entries.length)}</p>}
        {log.isError && !(log.error instanceof SignInRequired) && (
          <p className="error">
            {t.failed} {log.error.message}
          </p>
        )}
      </div>
      {entries.length > 0 && (
        <ol className="audit-list" aria-label={t.listLabel}>
          {entries.map((entry, index) => (
            <li
              key={`${entry.at}-${entry.actor.sub}-${entry.action}-${entry.target.id}`}
              ref={index === lastPageStart ? firstOfLastPage : undefined}
              tabIndex={index === lastPageStart && pages > 1 ? -1 : undefined}
            >
              <AuditEntryView entry={entry} emails={emails} />
            </li>
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {t.more}
        </button>
      )}
      {log.isSuccess && entries.length > 0 && !log.hasNextPage && <p className="muted">{t.end}</p>}
    </>
  );
}
