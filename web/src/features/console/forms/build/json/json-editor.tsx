import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, foldGutter, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorState, Transaction } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: Record<string, unknown>;
  /** Called with a document that parses, ~400 ms after the last keystroke. */
  readonly onApply: (document: Record<string, unknown>) => void;
  readonly lint: (state: EditorState) => Diagnostic[];
  readonly parseError: (message: string) => string;
}

const DEBOUNCE_MS = 400;
const format = (value: unknown) => JSON.stringify(value, null, 2);

const sameJson = (text: string, value: unknown) => {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
};

/**
 * One JSON document in CodeMirror. What the person types is applied once it parses; a change
 * from outside (the visual editor, undo) replaces the text unless the text already says the same.
 */
export function JsonEditor({ id, label, value, onApply, lint, parseError }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ value, onApply });
  latest.current = { value, onApply };
  const [error, setError] = useState<string>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = (text: string) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        setError(parseError((e as Error).message));
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        setError(parseError('{ … }'));
        return;
      }
      setError(undefined);
      if (!sameJson(text, latest.current.value)) latest.current.onApply(parsed as Record<string, unknown>);
    };
    const editor = new EditorView({
      parent: host.current as HTMLDivElement,
      state: EditorState.create({
        doc: format(latest.current.value),
        extensions: [
          lineNumbers(),
          foldGutter(),
          history(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          json(),
          linter(jsonParseLinter()),
          linter((v) => lint(v.state)),
          lintGutter(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, id: `${id}-content` }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.every((t) => t.annotation(Transaction.remote)))
              return;
            clearTimeout(timer);
            timer = setTimeout(() => apply(update.state.doc.toString()), DEBOUNCE_MS);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      clearTimeout(timer);
      editor.destroy();
      view.current = null;
    };
  }, [id, label, lint, parseError]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || sameJson(editor.state.doc.toString(), value)) return;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: format(value) },
      annotations: [Transaction.remote.of(true), Transaction.addToHistory.of(false)],
    });
    setError(undefined);
  }, [value]);

  return (
    <div className="build-json-editor">
      <h3 id={`${id}-title`}>{label}</h3>
      <div ref={host} className="build-json-host" data-testid={id} />
      <p className="error" role="status" aria-live="polite" id={`${id}-status`}>
        {error ?? ''}
      </p>
    </div>
  );
}
