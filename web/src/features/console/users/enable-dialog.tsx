import { useId } from 'react';
import { ApiError, SignInRequired } from '../api.ts';
import { useUsersText } from './messages.ts';
import { Modal } from './modal.tsx';
import { type UserView, useUpdateUser } from './users-api.ts';

interface Props {
  readonly user: UserView;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

/** Says what disabling (or enabling) does before it happens: disabling signs out everywhere at once. */
export function EnableDialog({ user, onClose, onDone }: Props) {
  const { t } = useUsersText();
  const ids = { title: useId(), text: useId() };
  const update = useUpdateUser();
  const disabling = user.enabled;
  const failure = update.error instanceof SignInRequired ? undefined : update.error;

  const confirm = () =>
    update.mutate(
      { id: user.id, change: { enabled: !disabling } },
      { onSuccess: () => onDone(disabling ? t.disabledDone(user.email) : t.enabledDone(user.email)) },
    );

  return (
    <Modal titleId={ids.title} describedBy={ids.text} onClose={onClose}>
      <h2 id={ids.title}>{disabling ? t.disableTitle(user.email) : t.enableTitle(user.email)}</h2>
      <p id={ids.text}>{disabling ? t.disableText : t.enableText}</p>
      {failure && (
        <p role="alert" className="error">
          {failure instanceof ApiError ? failure.message : t.failed}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className={disabling ? 'danger' : undefined}
          disabled={update.isPending}
          onClick={confirm}
        >
          {disabling ? t.disableConfirm : t.enableConfirm}
        </button>
        <button type="button" className="secondary" onClick={onClose} data-initial-focus>
          {t.cancel}
        </button>
      </div>
    </Modal>
  );
}
