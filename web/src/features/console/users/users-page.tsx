import { useState } from 'react';
import { ApiError, SignInRequired } from '../api.ts';
import { EditUserDialog } from './edit-user-dialog.tsx';
import { EnableDialog } from './enable-dialog.tsx';
import { InviteForm } from './invite-form.tsx';
import { useUsersText } from './messages.ts';
import { type UserView, useOwnId, useResendInvitation, useUsers } from './users-api.ts';
import { type UserAction, UsersTable } from './users-table.tsx';

type Open = { action: 'edit' | 'enable'; user: UserView } | undefined;

/** `/console/users`: who may sign in, with which role and forms; invite, change, disable. */
export function UsersPage() {
  const { t } = useUsersText();
  const users = useUsers();
  const ownId = useOwnId().data;
  const resend = useResendInvitation();
  const [open, setOpen] = useState<Open>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  const announce = (text: string, error = false) => {
    setMessage({ text, error });
    setOpen(undefined);
  };

  function act(action: UserAction, user: UserView) {
    if (action !== 'resend') return setOpen({ action, user });
    resend.mutate(user.id, {
      onSuccess: () => announce(t.resent(user.email)),
      onError: (failure) => {
        if (failure instanceof SignInRequired) return;
        announce(failure instanceof ApiError ? failure.message : t.failed, true);
      },
    });
  }

  return (
    <>
      <h1>{t.title}</h1>
      <div aria-live="polite" className="admin-status">
        {message && <p className={message.error ? 'error' : 'success'}>{message.text}</p>}
      </div>
      {users.isError && !(users.error instanceof SignInRequired) && (
        <p role="alert" className="error">
          {t.loadFailed}
        </p>
      )}
      {users.data && (
        <div className="table-region">
          <UsersTable users={users.data} ownId={ownId} onAction={act} />
        </div>
      )}
      <InviteForm onInvited={(text) => announce(text)} />
      {open?.action === 'edit' && (
        <EditUserDialog
          user={open.user}
          isSelf={open.user.id === ownId}
          onClose={() => setOpen(undefined)}
          onSaved={announce}
        />
      )}
      {open?.action === 'enable' && (
        <EnableDialog user={open.user} onClose={() => setOpen(undefined)} onDone={announce} />
      )}
    </>
  );
}
