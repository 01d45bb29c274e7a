import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { ExportButtons } from './export-buttons.tsx';
import { FilterForm } from './filter-form.tsx';
import { filtersFrom, type InboxFilters, type InboxPage, listInbox, searchInbox } from './inbox-api.ts';
import { InboxTable } from './inbox-table.tsx';
import { useInboxText } from './messages.ts';
import { SearchBox } from './search-box.tsx';
import { StatusChips } from './status-chips.tsx';
import { useScopeForms } from './use-forms.ts';

const messageOf = (error: unknown, fallback: string) =>
  error instanceof ApiError ? error.message : fallback;

/** `/console/inbox`: counts, filters (in the query string), search (in state), pages, export. */
export function InboxList() {
  const { t, locale } = useInboxText();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const [term, setTerm] = useState<string>();
  const { forms, counts, titleFor } = useScopeForms(locale);
  const results = useRef<HTMLHeadingElement>(null);

  const list = useInfiniteQuery({
    queryKey: ['inbox', 'list', filters],
    queryFn: ({ pageParam }) => listInbox(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: InboxPage) => page.cursor,
    enabled: term === undefined,
  });
  const search = useInfiniteQuery({
    queryKey: ['inbox', 'search', term, filters.form],
    queryFn: ({ pageParam }) => searchInbox(term ?? '', filters.form, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: InboxPage) => page.cursor,
    enabled: term !== undefined,
    retry: false,
  });
  const current = term === undefined ? list : search;
  const rows = current.data?.pages.flatMap((page) => page.items) ?? [];
  const truncated = current.data?.pages.some((page) => page.truncated);
  const statusCounts = filters.form ? counts.data?.forms[filters.form] : counts.data?.total;

  const apply = (next: InboxFilters) => {
    setParams(next as Record<string, string>);
    results.current?.focus();
  };
  const searchFor = (next: string) => {
    setTerm(next);
    results.current?.focus();
  };
  const searchError = term !== undefined && search.isError ? messageOf(search.error, t.failed) : undefined;
  const listError = term === undefined && list.isError ? messageOf(list.error, t.failed) : undefined;
  const emptyText = term !== undefined ? t.emptySearch : statusCounts?.total ? t.empty : t.emptyAll;

  return (
    <>
      <h1>{t.title}</h1>
      <StatusChips counts={statusCounts} filters={filters} />
      <SearchBox
        active={term !== undefined}
        error={searchError}
        onSearch={searchFor}
        onClear={() => setTerm(undefined)}
      />
      <FilterForm key={params.toString()} filters={filters} forms={forms} onApply={apply} />
      {listError && (
        <p className="inbox-error" role="alert">
          {listError}
        </p>
      )}
      <h2 id="inbox-results" ref={results} tabIndex={-1}>
        {term !== undefined ? t.search : t.results}
      </h2>
      <p aria-live="polite" className="inbox-summary">
        {current.isPending && current.fetchStatus !== 'idle'
          ? t.loading
          : term !== undefined
            ? t.searchResults(rows.length)
            : t.shown(rows.length)}
        {truncated ? ` ${t.truncated}` : ''}
      </p>
      {current.isSuccess && rows.length === 0 && <p className="inbox-empty">{emptyText}</p>}
      {rows.length > 0 && (
        <InboxTable
          caption={term !== undefined ? t.searchCaption : t.listCaption}
          rows={rows}
          titleFor={titleFor}
        />
      )}
      {current.hasNextPage && (
        <button
          type="button"
          onClick={() => void current.fetchNextPage()}
          aria-disabled={current.isFetchingNextPage}
        >
          {t.more}
        </button>
      )}
      <ExportButtons filters={filters} />
    </>
  );
}
