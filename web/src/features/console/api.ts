import { currentUser, signIn } from './auth/user-manager.ts';

/** Thrown after the browser was sent to sign in; callers need not show anything for it. */
export class SignInRequired extends Error {
  override name = 'SignInRequired';
}

const here = () => `${window.location.pathname}${window.location.search}`;
const locale = () => document.documentElement.lang || 'de';

/**
 * `fetch` for console areas: `/api` + path with the signed-in user's bearer token. Without a valid
 * session, or when the API answers 401 (expired or revoked), it starts a new sign-in that returns
 * to this page.
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const user = await currentUser();
  if (!user) {
    await signIn(here(), locale());
    throw new SignInRequired();
  }
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${user.access_token}`);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  const response = await fetch(`/api${path}`, { ...init, headers });
  if (response.status === 401) {
    await signIn(here(), locale());
    throw new SignInRequired();
  }
  return response;
}

/** apiFetch with a JSON answer; the error message of a failed call is the API's own. */
export async function apiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await apiFetch(path, init);
  const body = (await response.json().catch(() => ({}))) as T & {
    error?: { message?: string; issues?: readonly FieldIssue[] };
  };
  if (!response.ok)
    throw new ApiError(response.status, body.error?.message ?? `HTTP ${response.status}`, body.error?.issues);
  return body;
}

/** One refused field of a 400 answer: `field` is its JSON path (`email`, `forms.0`). */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}
