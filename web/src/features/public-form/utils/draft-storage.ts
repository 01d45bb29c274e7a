/**
 * What a visitor typed, kept in localStorage per form and version so a reload, a lost connection or
 * a closed tab loses nothing. The submissionId lives with the data: a retry after a network error
 * sends the same id, and the server answers it with the same receipt instead of storing it twice.
 */
export interface Draft {
  readonly submissionId: string;
  readonly data: Record<string, unknown>;
  readonly consent: boolean;
  readonly savedAt: number;
}

/** The part of `Storage` this needs; tests pass a Map-backed fake. */
export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** A draft nobody touched for this long is deleted rather than restored (shared phones). */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const PREFIX = 'lotse:draft:';
export const draftKey = (slug: string, version: number) => `${PREFIX}${slug}:${version}`;

function read(store: DraftStore, key: string): Draft | undefined {
  try {
    const value = JSON.parse(store.getItem(key) ?? 'null') as Partial<Draft> | null;
    if (!value || typeof value.submissionId !== 'string' || typeof value.data !== 'object' || !value.data)
      return undefined;
    return {
      submissionId: value.submissionId,
      data: value.data,
      consent: value.consent === true,
      savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0,
    };
  } catch {
    return undefined;
  }
}

function keysOf(store: DraftStore, slug: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(`${PREFIX}${slug}:`)) keys.push(key);
  }
  return keys;
}

/**
 * The draft for this form version. When there is none but one for another version of the same form
 * (the form was republished while the visitor was away), that one moves over: what they typed is
 * kept, and JSON Forms shows where it no longer fits.
 */
export function loadDraft(
  store: DraftStore,
  slug: string,
  version: number,
  now = Date.now(),
): Draft | undefined {
  const key = draftKey(slug, version);
  let draft = read(store, key);
  if (!draft) {
    const others = keysOf(store, slug)
      .filter((other) => other !== key)
      .map((other) => ({ other, draft: read(store, other) }))
      .sort((a, b) => (b.draft?.savedAt ?? 0) - (a.draft?.savedAt ?? 0));
    draft = others[0]?.draft;
    for (const { other } of others) store.removeItem(other);
  }
  if (draft && now - draft.savedAt > DRAFT_MAX_AGE_MS) {
    store.removeItem(key);
    return undefined;
  }
  if (draft) saveDraft(store, slug, version, draft);
  return draft;
}

/** Saves quietly: a full or disabled storage must not stop anyone from filling in the form. */
export function saveDraft(
  store: DraftStore,
  slug: string,
  version: number,
  draft: Omit<Draft, 'savedAt'> & { savedAt?: number },
): void {
  try {
    store.setItem(
      draftKey(slug, version),
      JSON.stringify({ ...draft, savedAt: draft.savedAt ?? Date.now() }),
    );
  } catch {
    // Quota exceeded or storage disabled (private mode): the form still works, only without a draft.
  }
}

export function clearDrafts(store: DraftStore, slug: string): void {
  for (const key of keysOf(store, slug)) store.removeItem(key);
}

/** localStorage when the browser allows it (it throws in some private modes). */
export function browserStore(): DraftStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** A random v4 UUID, also where crypto.randomUUID is missing (plain-HTTP test hosts, old browsers). */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
