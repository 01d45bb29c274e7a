import { ApiError, apiFetch, apiJson } from '../api.ts';

/** Shapes of the inbox API (functions/inbox-*, functions/submission-*), as the screens use them. */
export const STATUSES = [
  'new',
  'waiting',
  'question',
  'approved',
  'rejected',
  'expired',
  'open',
  'picked-up',
  'unassigned',
  'failed',
] as const;
export const STEPS = ['received', 'decision', 'question', 'pickup', 'done', 'attention'] as const;

export interface InboxRow {
  readonly submissionId: string;
  readonly receiptNumber: string;
  readonly formSlug: string;
  readonly receivedAt: string;
  readonly status: string;
  readonly step: string;
  readonly applicantName?: string;
  readonly assignee?: { readonly sub: string; readonly username: string };
}

export interface InboxPage {
  readonly items: readonly InboxRow[];
  readonly cursor?: string;
  readonly truncated?: boolean;
}

export type StatusCounts = Readonly<Record<string, number>>;
export interface Counts {
  readonly total: StatusCounts;
  readonly forms: Readonly<Record<string, StatusCounts>>;
}

export interface TimelineEvent {
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly detail?: Readonly<Record<string, string>>;
}

export interface FormDefinition {
  readonly defaultLocale: string;
  readonly locales: readonly string[];
  readonly title: Readonly<Record<string, string>>;
  readonly schema: Record<string, unknown>;
  readonly uischema: Record<string, unknown>;
  readonly translations: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface Application {
  readonly submissionId: string;
  readonly receiptNumber: string;
  readonly formSlug: string;
  readonly formVersion: number;
  readonly receivedAt: string;
  readonly locale: string;
  readonly consent?: { readonly version: string; readonly acceptedAt?: string };
  readonly answers: Record<string, unknown>;
  readonly form: FormDefinition;
  readonly status: string;
  readonly step: string;
  readonly applicant: { readonly name?: string; readonly email?: string };
  readonly assignee: { readonly sub: string; readonly username: string } | null;
  readonly approval: {
    readonly status: string;
    readonly waitingFor?: 'decision' | 'answer';
    readonly decision?: string;
    readonly decidedBy?: string;
    readonly decidedAt?: string;
    readonly question?: string;
    readonly answer?: string;
  } | null;
  readonly case: {
    readonly status: string;
    readonly pickedUpBy?: string;
    readonly pickedUpAt?: string;
  } | null;
  readonly notes: readonly TimelineEvent[];
  readonly timeline: readonly TimelineEvent[];
}

/** Filters as they stand in the list's query string: never a search term or anything personal. */
export interface InboxFilters {
  readonly form?: string;
  readonly status?: string;
  readonly step?: string;
  readonly from?: string;
  readonly to?: string;
  readonly assigned?: 'me';
}

export const FILTER_KEYS = ['form', 'status', 'step', 'from', 'to', 'assigned'] as const;

export function filtersFrom(params: URLSearchParams): InboxFilters {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters as InboxFilters;
}

const query = (values: Readonly<Record<string, string | undefined>>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const listInbox = (filters: InboxFilters, cursor?: string) =>
  apiJson<InboxPage>(`/inbox${query({ ...filters, cursor })}`);

export const countInbox = (form?: string) => apiJson<Counts>(`/inbox/counts${query({ form })}`);

/** A POST, so the term stays out of every URL and access log. */
export const searchInbox = (q: string, form?: string, cursor?: string) =>
  apiJson<InboxPage>('/inbox/search', {
    method: 'POST',
    body: JSON.stringify({ q, ...(form ? { form } : {}), ...(cursor ? { cursor } : {}) }),
  });

export interface PublishedFormSummary {
  readonly slug: string;
  readonly title: Readonly<Record<string, string>>;
}
export const listForms = () => apiJson<{ forms: PublishedFormSummary[] }>('/forms');

const submissionPath = (id: string) => `/submissions/${encodeURIComponent(id)}`;

export const getApplication = (id: string) => apiJson<Application>(submissionPath(id));

export interface DecisionInput {
  readonly decision: 'approve' | 'reject' | 'question';
  readonly comment?: string;
  readonly shareComment?: boolean;
  readonly question?: string;
}
export const decide = (id: string, input: DecisionInput) =>
  apiJson<unknown>(`${submissionPath(id)}/decision`, { method: 'POST', body: JSON.stringify(input) });

export const addNote = (id: string, text: string) =>
  apiJson<TimelineEvent>(`${submissionPath(id)}/notes`, { method: 'POST', body: JSON.stringify({ text }) });

export const assign = (id: string, sub: string | null) =>
  apiJson<unknown>(`${submissionPath(id)}/assignee`, { method: 'PUT', body: JSON.stringify({ sub }) });

export const pickUp = (id: string) => apiJson<unknown>(`${submissionPath(id)}/pickup`, { method: 'POST' });

/** The export as a file: its name from content-disposition, the API's message on a refusal. */
export async function downloadExport(
  filters: InboxFilters,
  format: 'csv' | 'xlsx',
  locale: string,
): Promise<{ blob: Blob; name: string }> {
  const { form, status, from, to } = filters;
  const response = await apiFetch(`/inbox/export${query({ form, format, status, from, to, locale })}`);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new ApiError(response.status, body.error?.message ?? `HTTP ${response.status}`);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await response.blob(), name: name ? decodeURIComponent(name) : `${form}.${format}` };
}
