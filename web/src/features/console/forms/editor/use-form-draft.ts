import { useQuery } from '@tanstack/react-query';
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type FieldIssue, SignInRequired } from '../../api.ts';
import { type FormDraft, getDraft, saveDraft } from '../forms-api.ts';
import type { DraftDefinition } from '../translations/form-text.ts';
import { type History, record, redo, startHistory, undo } from './history.ts';

/** Autosave waits this long after the last change, so typing is one save, not one per key. */
export const AUTOSAVE_DELAY_MS = 1000;

export type SaveStatus =
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'dirty' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'conflict'; readonly theirs: FormDraft };

interface EditorState {
  readonly history: History<DraftDefinition>;
  /** The server's revision that `saved` is; the next PUT names it. */
  readonly revision: number;
  /** The definition as the server has it at `revision`. */
  readonly saved: DraftDefinition;
  readonly status: SaveStatus;
  readonly issues: readonly FieldIssue[];
  readonly basedOn?: number;
}

const fromServer = (draft: FormDraft): EditorState => ({
  history: startHistory(draft.definition as DraftDefinition),
  revision: draft.revision,
  saved: draft.definition as DraftDefinition,
  status: { kind: 'saved', at: draft.updatedAt },
  issues: draft.issues,
  ...(draft.basedOn !== undefined ? { basedOn: draft.basedOn } : {}),
});

/** PUTs one definition and folds the answer into the editor state. */
async function putDraft(
  slug: string,
  sending: DraftDefinition,
  revision: number,
  setState: Dispatch<SetStateAction<EditorState | undefined>>,
): Promise<number | undefined> {
  try {
    const outcome = await saveDraft(slug, revision, sending);
    setState((s) => {
      if (!s) return s;
      if (outcome.kind === 'conflict') return { ...s, status: { kind: 'conflict', theirs: outcome.draft } };
      const { draft } = outcome;
      const status: SaveStatus =
        s.history.present === sending ? { kind: 'saved', at: draft.updatedAt } : { kind: 'dirty' };
      return { ...s, revision: draft.revision, saved: sending, status, issues: draft.issues };
    });
    return outcome.kind === 'saved' ? outcome.draft.revision : undefined;
  } catch (error) {
    if (error instanceof SignInRequired) return undefined;
    const status: SaveStatus =
      error instanceof ApiError ? { kind: 'failed', message: error.message } : { kind: 'offline' };
    setState((s) => s && { ...s, status });
    return undefined;
  }
}

export const draftKey = (slug: string) => ['admin', 'forms', slug, 'draft'] as const;

/**
 * One form's draft in the editor: loaded once, changed through `change` (one undo step each),
 * saved on its own 1 s after the last change. A save someone else's save overtook is a conflict
 * the admin resolves; the editor never overwrites it unasked.
 */
export function useFormDraft(slug: string) {
  const query = useQuery({
    queryKey: draftKey(slug),
    queryFn: () => getDraft(slug),
    gcTime: 0,
    staleTime: Infinity,
  });
  const [state, setState] = useState<EditorState>();
  const latest = useRef(state);
  latest.current = state;
  const inFlight = useRef<Promise<number | undefined>>(undefined);

  useEffect(() => {
    if (query.data) setState(fromServer(query.data));
  }, [query.data]);

  /** One PUT at a time; resolves to the revision saved, or undefined when it was not. */
  const save = useCallback(
    (revisionOverride?: number): Promise<number | undefined> => {
      const current = latest.current;
      if (!current) return Promise.resolve(undefined);
      if (inFlight.current) return inFlight.current;
      const sending = current.history.present;
      const revision = revisionOverride ?? current.revision;
      setState((s) => s && { ...s, status: { kind: 'saving' } });
      inFlight.current = putDraft(slug, sending, revision, setState).finally(() => {
        inFlight.current = undefined;
      });
      return inFlight.current;
    },
    [slug],
  );

  // Autosave: a change since the last save, no conflict open, nothing on its way.
  useEffect(() => {
    if (!state || state.history.present === state.saved || state.status.kind !== 'dirty') return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, save]);

  // Leaving the editor within the autosave delay still saves; closing the tab asks first.
  useEffect(() => {
    const unsaved = () => {
      const current = latest.current;
      return current !== undefined && current.history.present !== current.saved;
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (unsaved() && latest.current?.status.kind === 'dirty') void save();
    };
  }, [save]);

  // Back online: try again at once.
  useEffect(() => {
    const retry = () => {
      if (latest.current?.status.kind === 'offline') void save();
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [save]);

  const update = useCallback((next: (history: History<DraftDefinition>) => History<DraftDefinition>) => {
    setState((s) => {
      if (!s) return s;
      const history = next(s.history);
      if (history === s.history) return s;
      const keep = s.status.kind === 'conflict' || s.status.kind === 'saving';
      return { ...s, history, status: keep ? s.status : { kind: 'dirty' } };
    });
  }, []);

  const change = useCallback(
    (definition: DraftDefinition, what: string) => update((h) => record(h, definition, what, Date.now())),
    [update],
  );

  /** Saves now if anything is unsaved; the revision the server has afterwards. */
  const flush = useCallback(async (): Promise<number | undefined> => {
    if (inFlight.current) await inFlight.current;
    const current = latest.current;
    if (!current || current.status.kind === 'conflict') return undefined;
    return current.history.present === current.saved ? current.revision : save();
  }, [save]);

  return {
    query,
    state,
    change,
    undo: useCallback(() => update(undo), [update]),
    redo: useCallback(() => update(redo), [update]),
    retry: useCallback(() => void save(), [save]),
    flush,
    loadTheirs: useCallback(() => {
      const current = latest.current;
      if (current?.status.kind === 'conflict') setState(fromServer(current.status.theirs));
    }, []),
    overwrite: useCallback(() => {
      const current = latest.current;
      if (current?.status.kind === 'conflict') void save(current.status.theirs.revision);
    }, [save]),
    /** After a publish: the server's draft becomes the editor's state again. */
    reload: useCallback(async () => {
      const draft = await getDraft(slug);
      setState(fromServer(draft));
    }, [slug]),
  };
}

export type FormDraftEditor = ReturnType<typeof useFormDraft>;
