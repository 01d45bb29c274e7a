export interface ApiError {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: { field: string; message: string }[];
  };
}

/** Calls the Lotse API on the same origin; returns the parsed body with the status. */
export async function callApi<T>(path: string, init?: { method?: string; body?: unknown }) {
  const response = await fetch(`/api${path}`, {
    method: init?.method ?? 'GET',
    headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json().catch(() => ({}))) as T & Partial<ApiError>;
  return { ok: response.ok, status: response.status, body };
}
