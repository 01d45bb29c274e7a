import { useCallback, useEffect, useRef, useState } from 'react';
import {
  browserStore,
  clearDrafts,
  type Draft,
  loadDraft,
  newSubmissionId,
  saveDraft,
} from '../utils/draft-storage.ts';

/**
 * The draft of this visit (none in the editor's preview, `enabled` false): what was restored, and functions to keep saving it. The submissionId
 * is fixed for the life of the draft, so a retry sends the same one.
 */
export function useDraft(slug: string, version: number, enabled = true) {
  const storeIfEnabled = useCallback(() => (enabled ? browserStore() : undefined), [enabled]);
  const [restored] = useState<Draft | undefined>(() => {
    const store = storeIfEnabled();
    return store ? loadDraft(store, slug, version) : undefined;
  });
  const submissionId = useRef(restored?.submissionId ?? newSubmissionId());
  const savedVersion = useRef(version);

  const save = useCallback(
    (data: Record<string, unknown>, consent: boolean) => {
      const store = storeIfEnabled();
      if (!store) return;
      // Republished while open (after a 409 and reload): the draft moves to the new version.
      if (savedVersion.current !== version) clearDrafts(store, slug);
      savedVersion.current = version;
      saveDraft(store, slug, version, { submissionId: submissionId.current, data, consent });
    },
    [slug, version, storeIfEnabled],
  );

  /**
   * After a 409 nothing was stored under this id, or something else was (the first try got through
   * and the answers changed since): either way the next try needs an id of its own.
   */
  const renewId = useCallback(() => {
    submissionId.current = newSubmissionId();
  }, []);

  const clear = useCallback(() => {
    const store = storeIfEnabled();
    if (store) clearDrafts(store, slug);
  }, [slug, storeIfEnabled]);

  return { restored, submissionId: () => submissionId.current, save, clear, renewId };
}

/**
 * Phones drop background tabs without warning: saves the very latest answers when the page is
 * hidden or left, on top of the saves after each change (which JSON Forms reports 10 ms late).
 */
export function useSaveWhenHidden(save: () => void) {
  const latestSave = useRef(save);
  latestSave.current = save;
  useEffect(() => {
    const saveNow = (event: Event) => {
      if (event.type === 'pagehide' || document.visibilityState === 'hidden') latestSave.current();
    };
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', saveNow);
    return () => {
      window.removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', saveNow);
    };
  }, []);
}
