import { useFormsText } from '../messages.ts';
import { redoName, undoName } from './history.ts';
import type { FormDraftEditor, SaveStatus } from './use-form-draft.ts';

function statusText(status: SaveStatus, t: ReturnType<typeof useFormsText>['t'], locale: string) {
  switch (status.kind) {
    case 'saved':
      return t.saved(new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(status.at)));
    case 'saving':
      return t.saving;
    case 'dirty':
      return t.unsaved;
    case 'offline':
      return t.offline;
    case 'failed':
      return t.saveFailed(status.message);
    case 'conflict':
      return t.unsaved;
  }
}

/** Save state, undo/redo with the step's name, the conflict banner and the publishing issues. */
export function DraftToolbar({ editor }: { editor: FormDraftEditor }) {
  const { t, locale } = useFormsText();
  const { state } = editor;
  if (!state) return null;
  const { status, history, issues } = state;
  const undoing = undoName(history);
  const redoing = redoName(history);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <div className="editor-toolbar">
        <p className="save-status" aria-live="polite" data-status={status.kind}>
          {statusText(status, t, locale)}
        </p>
        {(status.kind === 'offline' || status.kind === 'failed') && (
          <button type="button" className="secondary" onClick={editor.retry}>
            {t.retry}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          disabled={!undoing}
          aria-keyshortcuts="Control+Z"
          onClick={editor.undo}
        >
          {undoing ? t.undoWhat(undoing) : t.undo}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!redoing}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          onClick={editor.redo}
        >
          {redoing ? t.redoWhat(redoing) : t.redo}
        </button>
      </div>
      {status.kind === 'conflict' && (
        <div role="alert" className="conflict-banner">
          <p>{t.conflict(status.theirs.updatedBy, when.format(new Date(status.theirs.updatedAt)))}</p>
          <p className="dialog-actions">
            <button type="button" onClick={editor.loadTheirs}>
              {t.loadTheirs}
            </button>
            <button type="button" className="secondary" onClick={editor.overwrite}>
              {t.overwrite}
            </button>
          </p>
        </div>
      )}
      {issues.length > 0 && (
        <details className="draft-issues">
          <summary>{t.issues(issues.length)}</summary>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.field}:${issue.message}`}>
                <code>{issue.field}</code> {issue.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
