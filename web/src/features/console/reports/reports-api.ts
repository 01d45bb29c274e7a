import { useQuery } from '@tanstack/react-query';
import type { ReportView } from '#shared/contracts/courses.ts';
import { ApiError, apiFetch, apiJson } from '../api.ts';

export type { ReportView };

export interface ReportFilter {
  readonly from: string;
  readonly to: string;
  readonly form?: string;
}

/** `locale`: the programmes' titles and the CSV's headers and separator follow the console's language. */
const query = (filter: ReportFilter, format: 'json' | 'csv', locale: string) => {
  const params = new URLSearchParams({ from: filter.from, to: filter.to, format, locale });
  if (filter.form) params.set('form', filter.form);
  return `/admin/reports?${params}`;
};

export const useReport = (filter: ReportFilter, locale: string) =>
  useQuery({
    queryKey: ['admin', 'reports', filter.from, filter.to, filter.form ?? '', locale],
    queryFn: () => apiJson<ReportView>(query(filter, 'json', locale)),
  });

/** The CSV as the API writes it (separator and headers in the console's language). */
export async function downloadReportCsv(filter: ReportFilter, locale: string): Promise<string> {
  const response = await apiFetch(query(filter, 'csv', locale));
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new ApiError(response.status, body.error?.message ?? `HTTP ${response.status}`);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `report-${filter.from}-${filter.to}.csv`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
