import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, SignInRequired } from '../api.ts';
import { FormChoices } from './form-choices.tsx';
import { useUsersText } from './messages.ts';
import { fieldErrors, useInvite } from './users-api.ts';

type Role = 'coordinator' | 'viewer' | 'admin';

/** Invites a person by e-mail; the API's refusals show next to the field they concern. */
export function InviteForm({ onInvited }: { onInvited: (message: string) => void }) {
  const { t, locale } = useUsersText();
  const ids = { email: useId(), role: useId(), error: useId() };
  const invite = useInvite();
  const emailRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('coordinator');
  const [forms, setForms] = useState<string[]>([]);
  const [language, setLanguage] = useState<'de' | 'en'>(locale);

  const failure = invite.error instanceof SignInRequired ? undefined : invite.error;
  const errors =
    failure instanceof ApiError && failure.status === 409 ? { email: t.exists } : fieldErrors(failure);
  const general = failure && !(failure instanceof ApiError) ? t.failed : errors[''];

  useEffect(() => {
    if (errors.email) emailRef.current?.focus();
  }, [errors.email]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    invite.mutate(
      { email, role, forms: role === 'admin' ? ['*'] : forms, locale: language },
      {
        onSuccess: (user) => {
          onInvited(t.invited(user.email));
          setEmail('');
          setForms([]);
        },
      },
    );
  }

  const described = (field: 'email' | 'role') => (errors[field] ? `${ids[field]}-error` : undefined);
  return (
    <section aria-labelledby="invite-title" className="admin-panel">
      <h2 id="invite-title">{t.inviteTitle}</h2>
      <p>{t.inviteIntro}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor={ids.email}>{t.email}</label>
        <input
          ref={emailRef}
          id={ids.email}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={described('email')}
        />
        {errors.email && (
          <p id={`${ids.email}-error`} className="error">
            {errors.email}
          </p>
        )}
        <label htmlFor={ids.role}>{t.role}</label>
        <select
          id={ids.role}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={described('role')}
        >
          {(['coordinator', 'viewer', 'admin'] as const).map((option) => (
            <option key={option} value={option}>
              {t.roles[option]}
            </option>
          ))}
        </select>
        {errors.role && (
          <p id={`${ids.role}-error`} className="error">
            {errors.role}
          </p>
        )}
        {role === 'admin' ? (
          <p className="muted">{t.adminSeesAll}</p>
        ) : (
          <FormChoices value={forms} onChange={setForms} error={errors.forms} />
        )}
        <fieldset className="choices">
          <legend>{t.inviteLanguage}</legend>
          {(['de', 'en'] as const).map((option) => (
            <label className="choice" key={option}>
              <input
                type="radio"
                name="invite-language"
                value={option}
                checked={language === option}
                onChange={() => setLanguage(option)}
              />
              {t.languages[option]}
            </label>
          ))}
        </fieldset>
        {general && (
          <p role="alert" className="error">
            {general}
          </p>
        )}
        <button type="submit" disabled={invite.isPending}>
          {t.invite}
        </button>
      </form>
    </section>
  );
}
