import { fetchWithTimeout, readJson } from './fetch-with-timeout.ts';
import type { PublishedForm } from './types.ts';

export type FormLoad =
  | { readonly kind: 'ok'; readonly form: PublishedForm }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'failed'; readonly status?: number };

/** The part of Storage the cache needs. A published form is public, not personal data. */
export type FormCache = Pick<Storage, 'getItem' | 'setItem'>;

interface Cached {
  readonly etag: string;
  readonly form: PublishedForm;
}

const cacheKey = (slug: string, locale: string) => `lotse:form:${slug}:${locale}`;

function readCache(cache: FormCache | undefined, key: string): Cached | undefined {
  try {
    const cached = JSON.parse(cache?.getItem(key) ?? 'null') as Cached | null;
    return cached && typeof cached.etag === 'string' && isPublishedForm(cached.form) ? cached : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cache: FormCache | undefined, key: string, value: Cached) {
  try {
    cache?.setItem(key, JSON.stringify(value));
  } catch {
    // A full storage only costs the next visit a full download.
  }
}

/** Enough of a shape check to render safely; the contract itself is enforced by the API. */
export function isPublishedForm(value: unknown): value is PublishedForm {
  const form = value as Partial<PublishedForm> | null;
  return (
    !!form &&
    typeof form.slug === 'string' &&
    typeof form.version === 'number' &&
    typeof form.locale === 'string' &&
    Array.isArray(form.locales) &&
    typeof form.schema === 'object' &&
    typeof form.uischema === 'object' &&
    typeof form.translations === 'object' &&
    typeof form.consent === 'object'
  );
}

/**
 * GET /api/forms/{slug}?locale=xx, revalidated with If-None-Match against the copy kept from the
 * last visit: on a slow line a 304 saves the whole download, and offline the kept copy still works.
 */
export async function getPublishedForm(
  slug: string,
  locale: string,
  cache: FormCache | undefined,
  signal?: AbortSignal,
): Promise<FormLoad> {
  const key = cacheKey(slug, locale);
  const cached = readCache(cache, key);
  let response: Response;
  try {
    response = await fetchWithTimeout(
      `/api/forms/${encodeURIComponent(slug)}?locale=${encodeURIComponent(locale)}`,
      { headers: cached ? { 'if-none-match': cached.etag } : {}, signal },
    );
  } catch (error) {
    if (signal?.aborted) throw error;
    return cached ? { kind: 'ok', form: cached.form } : { kind: 'failed' };
  }
  if (response.status === 304 && cached) return { kind: 'ok', form: cached.form };
  if (response.status === 404) return { kind: 'not-found' };
  const body = response.ok ? await readJson<unknown>(response) : undefined;
  if (!isPublishedForm(body)) return { kind: 'failed', status: response.status };
  const etag = response.headers.get('etag');
  if (etag) writeCache(cache, key, { etag, form: body });
  return { kind: 'ok', form: body };
}
