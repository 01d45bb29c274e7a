import { type UsersMessages, useUsersText } from './messages.ts';
import { formTitle, type PublishedForm, type UserView, usePublishedForms } from './users-api.ts';

export type UserAction = 'edit' | 'enable' | 'resend';

interface Props {
  readonly users: readonly UserView[];
  readonly ownId: string | null | undefined;
  readonly onAction: (action: UserAction, user: UserView) => void;
}

function formsText(user: UserView, t: UsersMessages, forms: readonly PublishedForm[], locale: string) {
  if (user.forms.includes('*')) return t.everyForm;
  if (user.forms.length === 0) return t.noForms;
  return user.forms
    .map((slug) => {
      const form = forms.find((candidate) => candidate.slug === slug);
      return form ? formTitle(form, locale) : slug;
    })
    .join(', ');
}

/** Every account; on a phone each row becomes a card (labels from `data-label`). */
export function UsersTable({ users, ownId, onAction }: Props) {
  const { t, locale } = useUsersText();
  const forms = usePublishedForms().data ?? [];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <table className="admin-table users-table">
      <caption>{t.listCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.email}</th>
          <th scope="col">{t.role}</th>
          <th scope="col">{t.forms}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.created}</th>
          <th scope="col">{t.actions}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const isSelf = user.id === ownId;
          const reasonId = `self-reason-${user.id}`;
          return (
            <tr key={user.id} data-user={user.email}>
              <th scope="row" data-label={t.email}>
                {user.email}
                {isSelf && <span className="muted"> ({t.you})</span>}
              </th>
              <td data-label={t.role}>{user.role ? t.roles[user.role] : t.noRole}</td>
              <td data-label={t.forms}>{formsText(user, t, forms, locale)}</td>
              <td data-label={t.status}>
                <span className={`user-status user-status-${user.status}`}>{t.statuses[user.status]}</span>
              </td>
              <td data-label={t.created}>{date.format(new Date(user.createdAt))}</td>
              <td data-label={t.actions}>
                <div className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${t.edit}: ${user.email}`}
                    onClick={() => onAction('edit', user)}
                  >
                    {t.edit}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={isSelf}
                    aria-label={`${user.enabled ? t.disable : t.enable}: ${user.email}`}
                    aria-describedby={isSelf ? reasonId : undefined}
                    onClick={() => onAction('enable', user)}
                  >
                    {user.enabled ? t.disable : t.enable}
                  </button>
                  {user.status === 'invited' && (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`${t.resend}: ${user.email}`}
                      onClick={() => onAction('resend', user)}
                    >
                      {t.resend}
                    </button>
                  )}
                </div>
                {isSelf && (
                  <p id={reasonId} className="muted">
                    {t.selfReason}
                  </p>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
