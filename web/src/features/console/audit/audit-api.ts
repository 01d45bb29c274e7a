import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../api.ts';

/** One audit entry as GET /api/admin/audit answers it (functions/shared/domain/audit.ts). */
export interface AuditEntry {
  readonly at: string;
  readonly actor: { readonly sub: string; readonly username: string };
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string };
  readonly before?: unknown;
  readonly after?: unknown;
  readonly details?: Record<string, unknown>;
}

interface AuditPage {
  readonly entries: AuditEntry[];
  readonly cursor?: string;
}

/** The filters as the URL holds them: dates as YYYY-MM-DD, the actor by id. */
export interface AuditFilters {
  readonly from?: string;
  readonly to?: string;
  readonly action?: string;
  readonly actor?: string;
}

const PAGE_SIZE = 25;

/** A day in the admin's own time zone, from its first to its last millisecond. */
const dayStart = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const dayEnd = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

function query(filters: AuditFilters, cursor: string | undefined): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filters.from) params.set('from', dayStart(filters.from));
  if (filters.to) params.set('to', dayEnd(filters.to));
  if (filters.action) params.set('action', filters.action);
  if (filters.actor) params.set('actor', filters.actor);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const useAuditLog = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) => apiJson<AuditPage>(`/admin/audit?${query(filters, pageParam)}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor,
  });
