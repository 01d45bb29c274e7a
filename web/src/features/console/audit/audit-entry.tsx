import type { AuditEntry } from './audit-api.ts';
import { changes } from './diff.ts';
import { type AuditMessages, useAuditText } from './messages.ts';

interface Props {
  readonly entry: AuditEntry;
  /** E-mail addresses by account id, so entries about a user name them. */
  readonly emails: ReadonlyMap<string, string>;
}

function show(value: unknown, t: AuditMessages): string {
  if (value === undefined || value === null || value === '') return t.empty;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (Array.isArray(value)) return value.length === 0 ? t.empty : value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function targetText(entry: AuditEntry, t: AuditMessages, emails: ReadonlyMap<string, string>): string {
  const { type, id } = entry.target;
  if (type === 'settings') return t.organisation;
  const name = type === 'user' ? (emails.get(id) ?? id) : id;
  return `${t.targets[type] ?? type}: ${name}`;
}

/** One entry: when, who, what, which target, and what changed as a small table. */
export function AuditEntryView({ entry, emails }: Props) {
  const { t, locale } = useAuditText();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const changed = changes(entry.before, entry.after);
  const details = Object.entries(entry.details ?? {});
  return (
    <article className="audit-entry" data-action={entry.action}>
      <h2 className="audit-what">{t.actions[entry.action] ?? entry.action}</h2>
      <dl className="audit-facts">
        <div>
          <dt>{t.when}</dt>
          <dd>
            <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
          </dd>
        </div>
        <div>
          <dt>{t.who}</dt>
          <dd>{entry.actor.username}</dd>
        </div>
        <div>
          <dt>{t.target}</dt>
          <dd>{targetText(entry, t, emails)}</dd>
        </div>
        {details.map(([key, value]) => (
          <div key={key}>
            <dt>{t.keys[key] ?? key}</dt>
            <dd>{show(value, t)}</dd>
          </div>
        ))}
      </dl>
      {changed.length > 0 && (
        <table className="admin-table audit-diff">
          <caption>{t.changes}</caption>
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.before}</th>
              <th scope="col">{t.after}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((change) => (
              <tr key={change.key}>
                <th scope="row">{t.keys[change.key] ?? change.key}</th>
                <td>
                  <del>{show(change.before, t)}</del>
                </td>
                <td>
                  <ins>{show(change.after, t)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
