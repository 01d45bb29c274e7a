import { type FormEvent, useId, useState } from 'react';
import { ApiError, SignInRequired } from '../api.ts';
import { FormChoices } from './form-choices.tsx';
import { useUsersText } from './messages.ts';
import { Modal } from './modal.tsx';
import { fieldErrors, type UserView, useUpdateUser } from './users-api.ts';

type Role = NonNullable<UserView['role']>;

interface Props {
  readonly user: UserView;
  readonly isSelf: boolean;
  readonly onClose: () => void;
  readonly onSaved: (message: string) => void;
}

/** Changes a person's role and forms in a modal dialog; one's own role stays (the API refuses it). */
export function EditUserDialog({ user, isSelf, onClose, onSaved }: Props) {
  const { t } = useUsersText();
  const ids = { title: useId(), role: useId(), self: useId() };
  const update = useUpdateUser();
  const [role, setRole] = useState<Role>(user.role ?? 'viewer');
  const [forms, setForms] = useState<string[]>(user.forms);
  const failure = update.error instanceof SignInRequired ? undefined : update.error;
  const errors = fieldErrors(failure);
  const general = failure && !(failure instanceof ApiError) ? t.failed : errors[''];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const change = { role, forms: role === 'admin' ? ['*'] : forms };
    update.mutate({ id: user.id, change }, { onSuccess: () => onSaved(t.saved(user.email)) });
  }

  return (
    <Modal titleId={ids.title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={ids.title}>{t.editTitle(user.email)}</h2>
        <label htmlFor={ids.role}>{t.role}</label>
        <select
          id={ids.role}
          value={role}
          disabled={isSelf}
          aria-describedby={isSelf ? ids.self : undefined}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {(['coordinator', 'viewer', 'admin'] as const).map((option) => (
            <option key={option} value={option}>
              {t.roles[option]}
            </option>
          ))}
        </select>
        {isSelf && (
          <p id={ids.self} className="muted">
            {t.selfReason}
          </p>
        )}
        {errors.role && <p className="error">{errors.role}</p>}
        {role === 'admin' ? (
          <p className="muted">{t.adminSeesAll}</p>
        ) : (
          <FormChoices value={forms} onChange={setForms} error={errors.forms} />
        )}
        {general && (
          <p role="alert" className="error">
            {general}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={update.isPending}>
            {t.save}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
