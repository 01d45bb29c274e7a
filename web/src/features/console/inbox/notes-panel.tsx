import { type FormEvent, useRef, useState } from 'react';
import { formatTime } from './format.ts';
import { addNote, type TimelineEvent } from './inbox-api.ts';
import { useInboxText } from './messages.ts';
import { useApplicationChange } from './use-change.ts';

interface Props {
  readonly submissionId: string;
  readonly notes: readonly TimelineEvent[];
  readonly canWrite: boolean;
}

/** Internal notes, newest last; staff who may change things can add one. */
export function NotesPanel({ submissionId, notes, canWrite }: Props) {
  const { t, locale } = useInboxText();
  const [saved, setSaved] = useState(false);
  const text = useRef<HTMLTextAreaElement>(null);
  const change = useApplicationChange(submissionId, (value: string) => addNote(submissionId, value));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    change.mutate(text.current?.value ?? '', {
      onSuccess: () => {
        if (text.current) text.current.value = '';
        setSaved(true);
      },
    });
  }
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{t.notes}</h2>
      {notes.length === 0 ? (
        <p>{t.noNotes}</p>
      ) : (
        <ul className="notes">
          {notes.map((note) => (
            <li key={`${note.at}-${note.actor}`}>
              <p className="note-meta">
                {note.actor}, {formatTime(note.at, locale)}
              </p>
              <p className="note-text">{note.detail?.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form onSubmit={submit} method="post">
          <label htmlFor="note-text">{t.noteLabel}</label>
          {change.failure && (
            <p id="note-error" className="inbox-error">
              {change.failure.message}
            </p>
          )}
          <textarea
            ref={text}
            id="note-text"
            rows={3}
            maxLength={4000}
            aria-describedby={change.failure ? 'note-error' : undefined}
            aria-invalid={change.failure ? true : undefined}
          />
          <button type="submit" aria-disabled={change.isPending || undefined}>
            {t.addNote}
          </button>
          <p aria-live="polite">{saved ? t.noteSaved : ''}</p>
        </form>
      )}
    </section>
  );
}
