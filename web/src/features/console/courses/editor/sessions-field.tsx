import { formatHours, useCoursesText } from '../messages.ts';
import { hoursBetween, newSessionKey, type SessionDraft, totalHours } from './course-draft.ts';
import { fieldId } from './field-errors.ts';

interface Props {
  readonly sessions: readonly SessionDraft[];
  readonly errors: Record<string, string>;
  readonly onChange: (sessions: SessionDraft[]) => void;
}

/** The course's sessions: date, start, end each; hours computed as typed and summed. */
export function SessionsField({ sessions, errors, onChange }: Props) {
  const { t, locale } = useCoursesText();
  const update = (index: number, change: Partial<SessionDraft>) =>
    onChange(sessions.map((session, i) => (i === index ? { ...session, ...change } : session)));
  const add = () => {
    const last = sessions.at(-1);
    onChange([
      ...sessions,
      { key: newSessionKey(), date: '', start: last?.start ?? '18:00', end: last?.end ?? '20:00' },
    ]);
  };
  const listError = errors.sessions;
  return (
    <fieldset className="sessions-field">
      <legend>{t.sessions}</legend>
      {listError && (
        <p id={fieldId('sessions')} className="error" tabIndex={-1}>
          {listError}
        </p>
      )}
      <ol>
        {sessions.map((session, index) => {
          const n = index + 1;
          const input = (name: 'date' | 'start' | 'end', label: string, type: string) => {
            const path = `sessions.${index}.${name}`;
            const error = errors[path];
            return (
              <div className="field">
                <label htmlFor={fieldId(path)}>{label}</label>
                <input
                  id={fieldId(path)}
                  type={type}
                  value={session[name]}
                  onChange={(event) => update(index, { [name]: event.target.value })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${fieldId(path)}-error` : undefined}
                  required
                />
                {error && (
                  <p id={`${fieldId(path)}-error`} className="error">
                    {error}
                  </p>
                )}
              </div>
            );
          };
          if (session.cancelled)
            return (
              <li key={session.key} className="session-row cancelled-session">
                {t.sessionN(n)}: {session.date}, {session.start}–{session.end} · {t.cancelled}
              </li>
            );
          return (
            <li key={session.key} className="session-row">
              <fieldset>
                <legend>{t.sessionN(n)}</legend>
                {input('date', t.date, 'date')}
                {input('start', t.start, 'time')}
                {input('end', t.end, 'time')}
                <p className="session-hours">
                  {t.hoursOf(formatHours(hoursBetween(session.start, session.end), locale))}
                </p>
                {errors[`sessions.${index}`] && <p className="error">{errors[`sessions.${index}`]}</p>}
                {sessions.filter((s) => !s.cancelled).length > 1 && (
                  <button type="button" onClick={() => onChange(sessions.filter((_, i) => i !== index))}>
                    {t.removeSession(n)}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="total-hours">
        {t.totalHours(formatHours(totalHours(sessions), locale))}
      </p>
      <button type="button" onClick={add}>
        {t.addSession}
      </button>
    </fieldset>
  );
}
