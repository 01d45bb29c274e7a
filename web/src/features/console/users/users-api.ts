import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InviteUserRequest, UpdateUserRequest, UserView } from '#shared/contracts/users.ts';
import { ApiError, apiJson } from '../api.ts';
import { currentUser } from '../auth/user-manager.ts';

export type { UserView };

/** A published form as GET /api/forms lists it; the title per language. */
export interface PublishedForm {
  readonly slug: string;
  readonly title: Readonly<Record<string, string>> | string;
  readonly defaultLocale?: string;
}

const USERS = ['admin', 'users'] as const;

export const useUsers = () =>
  useQuery({
    queryKey: USERS,
    queryFn: () => apiJson<{ users: UserView[] }>('/admin/users').then((body) => body.users),
  });

export const usePublishedForms = () =>
  useQuery({
    queryKey: ['forms', 'published'],
    queryFn: () => apiJson<{ forms: PublishedForm[] }>('/forms').then((body) => body.forms),
    staleTime: 60_000,
  });

/** The signed-in admin's own id, to mark their row: the API refuses to demote or disable it. */
export const useOwnId = () =>
  useQuery({
    queryKey: ['session', 'sub'],
    queryFn: async () => (await currentUser())?.profile.sub ?? null,
    staleTime: Number.POSITIVE_INFINITY,
  });

export function formTitle(form: PublishedForm, locale: string): string {
  if (typeof form.title === 'string') return form.title;
  return form.title[locale] ?? form.title[form.defaultLocale ?? ''] ?? form.slug;
}

function useUserMutation<Input>(call: (input: Input) => Promise<UserView>) {
  const client = useQueryClient();
  return useMutation<UserView, Error, Input>({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}

export const useInvite = () =>
  useUserMutation((input: InviteUserRequest) =>
    apiJson<UserView>('/admin/users', { method: 'POST', body: JSON.stringify(input) }),
  );

export const useUpdateUser = () =>
  useUserMutation(({ id, change }: { id: string; change: UpdateUserRequest }) =>
    apiJson<UserView>(`/admin/users/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: JSON.stringify(change),
    }),
  );

export const useResendInvitation = () =>
  useUserMutation((id: string) =>
    apiJson<UserView>(`/admin/users/${encodeURIComponent(id)}/invitation`, { method: 'POST' }),
  );

/**
 * The API's refusals by top-level field (`forms.2` counts for `forms`), so each shows next to its
 * input; `''` holds what names no field.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.issues.length === 0) return { '': error.message };
  const byField: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.field.split('.')[0] ?? '';
    byField[field] = byField[field] ? `${byField[field]} ${issue.message}` : issue.message;
  }
  return byField;
}
