import { useQuery } from '@tanstack/react-query';
import type * as z from 'zod';
import type {
  AdminFormSummary,
  CreateFormRequest,
  FormDiff,
  FormDraft,
  FormImpact,
  formTemplateSummary,
  publishResult,
} from '#shared/contracts/form-editor.ts';
import { ApiError, apiFetch, apiJson, type FieldIssue } from '../api.ts';

/* The editor's calls of the admin API (functions/shared/contracts/form-editor.ts). */

export type { AdminFormSummary, FormDiff, FormDraft, FormImpact };
export type FormTemplate = z.output<typeof formTemplateSummary>;
export type PublishResult = z.output<typeof publishResult>;

export interface FormVersions {
  readonly slug: string;
  readonly publishedVersion?: number;
  readonly latestVersion: number;
  readonly versions: readonly { version: number; createdAt: string; createdBy: string }[];
}

const path = (slug: string, rest = '') => `/admin/forms/${encodeURIComponent(slug)}${rest}`;

export const formsKey = ['admin', 'forms'] as const;
export const useFormsList = () =>
  useQuery({ queryKey: formsKey, queryFn: () => apiJson<{ forms: AdminFormSummary[] }>('/admin/forms') });
export const useTemplates = () =>
  useQuery({
    queryKey: [...formsKey, 'templates'],
    queryFn: () => apiJson<{ templates: FormTemplate[] }>('/admin/forms/templates'),
  });
export const versionsKey = (slug: string) => [...formsKey, slug, 'versions'] as const;
export const useVersions = (slug: string) =>
  useQuery({ queryKey: versionsKey(slug), queryFn: () => apiJson<FormVersions>(path(slug, '/versions')) });

export const createForm = (request: CreateFormRequest) =>
  apiJson<FormDraft>('/admin/forms', { method: 'POST', body: JSON.stringify(request) });
export const getDraft = (slug: string) => apiJson<FormDraft>(path(slug, '/draft'));
export const getDiff = (slug: string, from: number | 'draft', to: number | 'draft') =>
  apiJson<FormDiff>(path(slug, `/diff?from=${from}&to=${to}`));
export const getImpact = (slug: string, to: number | 'draft') =>
  apiJson<FormImpact>(path(slug, `/impact?to=${to}`));
export const rollbackTo = (slug: string, version: number) =>
  apiJson(path(slug, '/rollback'), { method: 'POST', body: JSON.stringify({ version }) });
export const exportVersion = (slug: string, version: number) =>
  apiJson<{ schema: Record<string, unknown>; uischema: Record<string, unknown> }>(
    path(slug, `/versions/${version}/export`),
  );
export const publishVersion = (slug: string, version: number) =>
  apiJson(path(slug, `/versions/${version}/publish`), { method: 'POST' });

/** The error part of an answer: the API nests it under `error`, the editor contract's 409/400 may not. */
const failureOf = (body: unknown): Record<string, unknown> => {
  const record = (body ?? {}) as Record<string, unknown>;
  return typeof record.error === 'object' && record.error !== null
    ? { ...record, ...(record.error as Record<string, unknown>) }
    : record;
};

const readBody = async (response: Response) => response.json().catch(() => ({}));

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly draft: FormDraft }
  | { readonly kind: 'conflict'; readonly draft: FormDraft; readonly message: string };

/** PUT the draft; a 409 is an outcome (someone saved since), other failures throw. */
export async function saveDraft(slug: string, revision: number, definition: unknown): Promise<SaveOutcome> {
  const response = await apiFetch(path(slug, '/draft'), {
    method: 'PUT',
    body: JSON.stringify({ revision, definition }),
  });
  const body = await readBody(response);
  if (response.ok) return { kind: 'saved', draft: body as FormDraft };
  const failure = failureOf(body);
  if (response.status === 409 && failure.draft)
    return { kind: 'conflict', draft: failure.draft as FormDraft, message: String(failure.message ?? '') };
  throw new ApiError(
    response.status,
    String(failure.message ?? `HTTP ${response.status}`),
    failure.issues as FieldIssue[],
  );
}

export type PublishOutcome =
  | { readonly kind: 'published'; readonly result: PublishResult }
  | {
      readonly kind: 'refused';
      readonly message: string;
      readonly issues: readonly FieldIssue[];
      readonly missingTranslations: Record<string, { key: string; text: string }[]>;
    }
  | { readonly kind: 'conflict'; readonly draft: FormDraft; readonly message: string };

export async function publishDraft(
  slug: string,
  revision: number,
  withoutLocales?: string[],
): Promise<PublishOutcome> {
  const response = await apiFetch(path(slug, '/draft/publish'), {
    method: 'POST',
    body: JSON.stringify(withoutLocales?.length ? { revision, withoutLocales } : { revision }),
  });
  const body = await readBody(response);
  if (response.ok) return { kind: 'published', result: body as PublishResult };
  const failure = failureOf(body);
  const message = String(failure.message ?? `HTTP ${response.status}`);
  if (response.status === 409 && failure.draft)
    return { kind: 'conflict', draft: failure.draft as FormDraft, message };
  if (response.status === 400)
    return {
      kind: 'refused',
      message,
      issues: (failure.issues as FieldIssue[] | undefined) ?? [],
      missingTranslations:
        (failure.missingTranslations as Record<string, { key: string; text: string }[]>) ?? {},
    };
  throw new ApiError(response.status, message, failure.issues as FieldIssue[]);
}
