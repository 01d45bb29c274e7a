import { describe, expect, it } from 'vitest';
import {
  clearDrafts,
  DRAFT_MAX_AGE_MS,
  type DraftStore,
  draftKey,
  loadDraft,
  newSubmissionId,
  saveDraft,
} from '../../web/src/features/public-form/utils/draft-storage.ts';

/** A Storage stand-in over a Map. */
function memoryStore(): DraftStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const slug = 'integrationslotsen-registrierung';
const id = '0b6d3f4e-3c5a-4d2b-9a7e-1f2e3d4c5b6a';

describe('the draft kept on the device', () => {
  it('comes back after a reload with the same submission id', () => {
    const store = memoryStore();
    saveDraft(store, slug, 3, { submissionId: id, data: { firstName: 'Olena' }, consent: true });
    expect(loadDraft(store, slug, 3)).toMatchObject({
      submissionId: id,
      data: { firstName: 'Olena' },
      consent: true,
    });
  });

  it('is kept per form and version', () => {
    const store = memoryStore();
    saveDraft(store, slug, 3, { submissionId: id, data: { a: 1 }, consent: false });
    expect(store.map.has(draftKey(slug, 3))).toBe(true);
    expect(loadDraft(store, 'beratung-anfrage', 1)).toBeUndefined();
  });

  it('moves to a newly published version instead of being lost', () => {
    const store = memoryStore();
    saveDraft(store, slug, 3, { submissionId: id, data: { firstName: 'Ali' }, consent: false, savedAt: 1 });
    saveDraft(store, slug, 2, {
      submissionId: newSubmissionId(),
      data: { old: true },
      consent: false,
      savedAt: 0,
    });
    const moved = loadDraft(store, slug, 4, 1000);
    expect(moved).toMatchObject({ submissionId: id, data: { firstName: 'Ali' } });
    expect([...store.map.keys()]).toEqual([draftKey(slug, 4)]);
  });

  it('is forgotten after 30 days untouched', () => {
    const store = memoryStore();
    saveDraft(store, slug, 1, { submissionId: id, data: { a: 1 }, consent: false, savedAt: 0 });
    expect(loadDraft(store, slug, 1, DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(store.map.size).toBe(0);
  });

  it('is cleared for every version after a successful submission', () => {
    const store = memoryStore();
    saveDraft(store, slug, 1, { submissionId: id, data: {}, consent: false });
    saveDraft(store, slug, 2, { submissionId: id, data: {}, consent: false });
    saveDraft(store, 'other-form', 1, { submissionId: id, data: {}, consent: false });
    clearDrafts(store, slug);
    expect([...store.map.keys()]).toEqual([draftKey('other-form', 1)]);
  });

  it('ignores broken entries and a storage that refuses to save', () => {
    const store = memoryStore();
    store.setItem(draftKey(slug, 1), '{not json');
    expect(loadDraft(store, slug, 1)).toBeUndefined();
    const full = {
      ...memoryStore(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveDraft(full, slug, 1, { submissionId: id, data: {}, consent: false })).not.toThrow();
  });

  it('makes v4 UUIDs, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newSubmissionId()).toMatch(uuid);
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, newSubmissionId));
      expect(ids.size).toBe(50);
      for (const value of ids) expect(value).toMatch(uuid);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
